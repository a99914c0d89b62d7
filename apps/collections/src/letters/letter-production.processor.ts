import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { LetterProductionService } from '@ar/invoicing';
import { JobNames, ProduceLettersJob, Queues } from '@ar/queues';

/**
 * Produces and renders the sweep's letters, two jobs of a few letters at once: one renders while the other reads
 * and writes, and a sweep asking for tens of thousands holds only these in memory.
 */
@Processor(Queues.LetterProduction, { concurrency: 2 })
export class LetterProductionProcessor extends WorkerHost {
  static readonly handles = [JobNames.ProduceLetters] as const;

  constructor(private readonly production: LetterProductionService) {
    super();
  }

  process(job: Job<ProduceLettersJob>): Promise<number> {
    if (job.name !== JobNames.ProduceLetters) throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.LetterProduction}`);
    return this.production.produce(job.data.requests);
  }
}
