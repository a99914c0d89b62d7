import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { SweepsService } from '@ar/collections';
import { LetterProductionService } from '@ar/invoicing';
import { JobNames, ProduceLettersJob, Queues } from '@ar/queues';

/** How long letters wait while a sweep runs before they look again. */
const SWEEP_WAIT_MS = 3_000;

/**
 * Produces and renders the sweep's letters, two jobs of a few letters at once: one renders while the other reads
 * and writes, and a sweep asking for tens of thousands holds only these in memory. Letters wait while a sweep runs:
 * the sweep decides, and keeps the machine to itself until it has.
 */
@Processor(Queues.LetterProduction, { concurrency: 2 })
export class LetterProductionProcessor extends WorkerHost {
  static readonly handles = [JobNames.ProduceLetters] as const;

  constructor(
    private readonly production: LetterProductionService,
    private readonly sweeps: SweepsService,
  ) {
    super();
  }

  async process(job: Job<ProduceLettersJob>, token?: string): Promise<number> {
    if (job.name !== JobNames.ProduceLetters) throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.LetterProduction}`);
    if (await this.sweeps.isRunning()) {
      // Not an attempt: the job comes back when the wait is over.
      await job.moveToDelayed(Date.now() + SWEEP_WAIT_MS, token);
      throw new DelayedError();
    }
    return this.production.produce(job.data.requests);
  }
}
