import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { JOB_OPTIONS, JobNames, ProduceLettersJob, Queues } from '@ar/queues';
import { LetterDeliveryService } from './letter-delivery.service';
import { dunningKeyOf, DunningLetterRequest, LettersService } from './letters.service';

/** Requests produced together: their reads and inserts are shared, and a job holds at most this many PDFs. */
export const LETTERS_PER_PRODUCTION_JOB = 25;

/**
 * The sweep's letters, produced in the letter-production queue: the events worker only queues the requests (a
 * sweep may ask for tens of thousands), and the worker produces, renders and hands them to sending a few jobs at a
 * time, so what is in flight stays bounded.
 */
@Injectable()
export class LetterProductionService {
  constructor(
    private readonly letters: LettersService,
    private readonly delivery: LetterDeliveryService,
    @InjectQueue(Queues.LetterProduction) private readonly queue: Queue<ProduceLettersJob>,
  ) {}

  /** Queues the requests (from `dunning.letter_requested`) in jobs of a few; the same requests are not queued twice. */
  async enqueue(requests: DunningLetterRequest[]): Promise<void> {
    const jobs = [];
    for (let i = 0; i < requests.length; i += LETTERS_PER_PRODUCTION_JOB) {
      const chunk = requests.slice(i, i + LETTERS_PER_PRODUCTION_JOB);
      jobs.push({ name: JobNames.ProduceLetters, data: { requests: chunk }, opts: { ...JOB_OPTIONS.ProduceLetters, jobId: productionJobId(chunk) } });
    }
    if (jobs.length > 0) await this.queue.addBulk(jobs);
  }

  /**
   * Produces and renders the letters (idempotent by their dunning keys) and queues the e-mails at once. The
   * `letter.queued` event each e-mail letter commits with queues it too (the same job id), so a worker that stops
   * between the commit and this enqueue loses nothing. Answers how many letters were produced.
   */
  async produce(requests: DunningLetterRequest[]): Promise<number> {
    const letters = await this.letters.produceForDunning(requests);
    await this.delivery.enqueueAll(letters.filter((l) => l.status === 'queued').map((l) => l.id));
    return letters.length;
  }
}

/** BullMQ job ids may not contain ':'; the digest of the requested letters' dunning keys names the job. */
function productionJobId(requests: DunningLetterRequest[]): string {
  const keys = requests.map((r) => dunningKeyOf(r.clientId, r.kind, r.level, r.invoiceIds)).sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex');
}
