import { Webhook } from 'standardwebhooks';

export interface SentPayment {
  externalId: string;
  clientId: string;
  amount: number;
  /** The webhook id, the same on every retry of this payment. */
  messageId: string;
}

export interface SenderReport {
  acknowledged: SentPayment[];
  refused: { payment: SentPayment; status: number; body: string }[];
  attempts: number;
  failedAttempts: number;
}

/**
 * A finance system pushing signed payments the way a Standard Webhooks sender does: each payment keeps its
 * webhook-id across retries, is signed afresh on every attempt, and is retried with backoff on a connection
 * error, a 5xx or a 429 until the deadline, across the given replicas in turn. A 2xx acknowledges it.
 */
export class PaymentSender {
  private readonly report: SenderReport = { acknowledged: [], refused: [], attempts: 0, failedAttempts: 0 };
  private stopped = false;
  private next = 0;

  constructor(
    private readonly urls: () => string[],
    private readonly integration: { id: string; secret: string },
    private readonly clientIds: string[],
    private readonly receivedOn: string,
  ) {}

  get acknowledgedCount(): number {
    return this.report.acknowledged.length;
  }

  /** Sends `count` payments with `concurrency` in flight; resolves when each is acknowledged, refused or out of time. */
  async send(count: number, concurrency = 8, deadlineMs = 90_000): Promise<SenderReport> {
    const runId = Date.now().toString(36);
    const queue = Array.from({ length: count }, (_, i) => i);
    const worker = async () => {
      for (let i = queue.shift(); i !== undefined && !this.stopped; i = queue.shift()) {
        const payment: SentPayment = {
          externalId: `pay-${runId}-${i}`,
          clientId: this.clientIds[i % this.clientIds.length],
          amount: 1_000 + ((i * 7919) % 40_000),
          messageId: `msg_${runId}_${i}`,
        };
        await this.deliver(payment, Date.now() + deadlineMs);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return this.report;
  }

  stop(): void {
    this.stopped = true;
  }

  private async deliver(payment: SentPayment, deadline: number): Promise<void> {
    const body = JSON.stringify({
      type: 'payment.received',
      data: { externalId: payment.externalId, clientId: payment.clientId, amount: payment.amount, currency: 'EUR', receivedOn: this.receivedOn },
    });
    const webhook = new Webhook(this.integration.secret);
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      const urls = this.urls();
      const url = urls[this.next++ % urls.length];
      const now = new Date();
      this.report.attempts++;
      try {
        const res = await fetch(`${url}/v1/webhooks/inbound/${this.integration.id}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': payment.messageId,
            'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
            'webhook-signature': webhook.sign(payment.messageId, now, body),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        if (res.ok) {
          this.report.acknowledged.push(payment);
          return;
        }
        if (res.status < 500 && res.status !== 429) {
          this.report.refused.push({ payment, status: res.status, body: text });
          return;
        }
      } catch {
        // connection refused or reset: the replica is down; try again
      }
      this.report.failedAttempts++;
      await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** Math.min(attempt, 5))));
    }
  }
}
