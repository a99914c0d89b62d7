import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@ar/config';
import { GroupCommit } from '@ar/database';
import { OutboxWriter } from '@ar/outbox';
import { JOB_OPTIONS, JobNames, Queues, SendLetterJob } from '@ar/queues';
import { InvoicingEvents } from '../invoicing-events';
import { LetterPdfStore } from './letter-pdf-store';
import { Letter } from './letter.entity';
import { isPermanentMailError, LetterMailer } from './letter-mailer';
import { LetterRepository } from './letter.repository';
import { letterEventData } from './letters.service';

export type LetterSendOutcome = 'sent' | 'retrying' | 'failed' | 'skipped';

/** Another worker holds the letter and may still be sending it: try again later (BullMQ's backoff). */
export class LetterInFlightError extends Error {
  constructor(letterId: string) {
    super(`Letter ${letterId} is being sent by another worker`);
    this.name = 'LetterInFlightError';
  }
}

/** Claims and outcomes of the letters being sent at once are written together, a statement per batch. */
const SENDING_BATCHES = { maxBatch: 50, maxConcurrentFlushes: 2 };

interface SendOutcome {
  letter: Letter;
  outcome: 'sent' | 'failed';
  reason: string | null;
}

/**
 * E-mails queued letters, at most once each: a letter is claimed before it is handed to SMTP, so a second job,
 * worker or retry finds it taken; one claimed by a worker that died mid-send is marked failed rather than sent
 * twice. A 5xx refusal fails at once; anything else is retried with backoff, then fails.
 */
@Injectable()
export class LetterDeliveryService {
  private readonly logger = new Logger(LetterDeliveryService.name);
  private readonly claims = new GroupCommit<string, Letter | null>((ids) => this.claimAll(ids), SENDING_BATCHES);
  private readonly outcomes = new GroupCommit<SendOutcome, void>((outcomes) => this.recordAll(outcomes), SENDING_BATCHES);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LetterRepository,
    private readonly mailer: LetterMailer,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly pdfs: LetterPdfStore,
    @InjectQueue(Queues.Letters) private readonly queue: Queue<SendLetterJob>,
  ) {}

  /** Queues the sending (from the letter.queued event, or right after production); a letter queued before is not queued twice. */
  async enqueueAll(letterIds: string[]): Promise<void> {
    if (letterIds.length === 0) return;
    const opts = { ...JOB_OPTIONS.SendLetter, backoff: { type: 'exponential', delay: this.config.mailRetryBaseMs } };
    await this.queue.addBulk(letterIds.map((letterId) => ({ name: JobNames.SendLetter, data: { letterId }, opts: { ...opts, jobId: letterId } })));
  }

  /** One attempt; `finalAttempt` says whether BullMQ will try again after a transient failure. */
  async attempt(letterId: string, finalAttempt: boolean): Promise<LetterSendOutcome> {
    const letter = await this.claims.submit(letterId);
    if (!letter) return this.handleUnclaimable(letterId);
    try {
      const pdf = letter.pdf ?? ((await this.pdfs.pdf(letter.id)) as Buffer);
      await this.mailer.send({
        to: letter.recipientEmail as string,
        subject: letter.subject,
        text: letter.body,
        attachment: { filename: `${letter.number}.pdf`, content: pdf },
        messageId: `<${letter.id}@letters.ar-followup>`,
      });
    } catch (error) {
      const reason = describe(error);
      const permanent = isPermanentMailError(error) || !this.mailer.enabled;
      if (permanent || finalAttempt) {
        await this.outcomes.submit({ letter, outcome: 'failed', reason });
        return 'failed';
      }
      await this.release(letter, reason);
      throw error;
    }
    await this.outcomes.submit({ letter, outcome: 'sent', reason: null });
    return 'sent';
  }

  /**
   * Not queued, or held: sent, posted or failed already (nothing to do); held by a worker that may still be
   * sending (retry later); or held longer than any send can take, i.e. by a worker that died mid-send.
   */
  private async handleUnclaimable(letterId: string): Promise<LetterSendOutcome> {
    const letter = await this.letters.findById(letterId);
    if (letter?.status === 'queued' && letter.sendingSince) {
      if (Date.now() - letter.sendingSince.getTime() < 2 * this.config.mailSendTimeoutMs) throw new LetterInFlightError(letterId);
      this.logger.warn({ letterId }, 'Letter was being sent when its worker stopped; not sending it again');
      await this.outcomes.submit({ letter, outcome: 'failed', reason: 'interrupted while being sent: check the mailbox before sending it again' });
      return 'failed';
    }
    return 'skipped';
  }

  private async release(letter: Letter, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.letters.addAttempt({ id: uuidv7(), letterId: letter.id, attemptedAt: new Date(), outcome: 'retrying', error: reason }, manager);
      await this.letters.release(letter.id, manager);
    });
  }

  /** One claim per letter: an id asked for twice in a batch gets the letter once. */
  private async claimAll(ids: string[]): Promise<(Letter | null)[]> {
    const claimed = new Map((await this.letters.claimForSending([...new Set(ids)])).map((letter) => [letter.id, letter]));
    return ids.map((id) => {
      const letter = claimed.get(id) ?? null;
      claimed.delete(id);
      return letter;
    });
  }

  private async recordAll(outcomes: SendOutcome[]): Promise<void[]> {
    const now = new Date();
    const events = outcomes.map(({ letter, outcome, reason }) => {
      const data = letterEventData(letter);
      return outcome === 'sent'
        ? { type: InvoicingEvents.LetterSent, aggregateId: letter.id, data: { ...data, recipientEmail: letter.recipientEmail as string, sentAt: now.toISOString() } }
        : { type: InvoicingEvents.LetterFailed, aggregateId: letter.id, data: { ...data, reason: reason as string } };
    });
    await this.letters.recordSendOutcomes(
      outcomes.map(({ letter, outcome, reason }) => ({ attemptId: uuidv7(), letterId: letter.id, outcome, reason, at: now })),
      [(params) => this.outbox.insertStatement('invoicing', events, params).sql],
    );
    return outcomes.map(() => undefined);
  }
}

function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  return (e.response ?? (e.code ? `${e.code}: ${e.message}` : e.message) ?? String(error)).slice(0, 1000);
}
