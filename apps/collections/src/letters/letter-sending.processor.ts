import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { LetterDeliveryService, LetterSendOutcome, SMTP_CONNECTIONS } from '@ar/invoicing';
import { JobNames, Queues, SendLetterJob } from '@ar/queues';

/** E-mails one letter per job; BullMQ retries a transient failure with backoff (the service decides which is which). */
@Processor(Queues.Letters, { concurrency: SMTP_CONNECTIONS })
export class LetterSendingProcessor extends WorkerHost {
  static readonly handles = [JobNames.SendLetter] as const;

  constructor(private readonly delivery: LetterDeliveryService) {
    super();
  }

  process(job: Job<SendLetterJob>): Promise<LetterSendOutcome> {
    if (job.name !== JobNames.SendLetter) throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.Letters}`);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.delivery.attempt(job.data.letterId, finalAttempt);
  }
}
