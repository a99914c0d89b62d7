import { Queue } from 'bullmq';
import { Queues } from '@ar/queues';
import { businessToday, expectEveryAcknowledgedPaymentOnce, expectEveryEventDelivered, expectLedgerBalanced, FaultLab, PaymentSender, Portfolio, setUpPortfolio } from './support';
import { eventually } from '../support/webhook-receiver';

// Redis without persistence loses everything: while the worker is down (events waiting in Redis), and by a
// flush under load. Postgres is the truth: every event is still delivered, and the job schedulers come back
// without a restart.
describe('faults: Redis restarted empty and flushed under payment load', () => {
  let lab: FaultLab;
  let portfolio: Portfolio;

  beforeAll(async () => {
    lab = await FaultLab.start();
    portfolio = await setUpPortfolio(lab);
  }, 120_000);
  afterAll(() => lab?.stop(), 60_000);

  const sender = () => new PaymentSender(() => [lab.url('invoicing')], portfolio.integration, portfolio.clientIds, businessToday());

  it('delivers the events that were waiting in a Redis that restarted empty while the worker was down', async () => {
    await lab.replicas.collections[0].terminate();
    const report = await sender().send(200);
    expect(report.acknowledged).toHaveLength(200);
    await lab.redis.kill();
    await lab.redis.restart();
    await lab.replicas.collections[0].start();
    await expectEveryAcknowledgedPaymentOnce(lab, report);
    await expectEveryEventDelivered(lab);
  }, 180_000);

  it('delivers every event and keeps its schedulers when Redis is flushed mid-burst', async () => {
    const payments = sender();
    const sending = payments.send(300);
    await eventually(() => payments.acknowledgedCount, (n) => n >= 100, 60_000);
    await lab.redis.flushAll();
    const report = await sending;
    expect(report.refused).toEqual([]);
    await expectEveryAcknowledgedPaymentOnce(lab, report);
    await expectLedgerBalanced(lab);
    await expectEveryEventDelivered(lab);
    const maintenance = new Queue(Queues.Maintenance, { connection: { url: lab.redis.url }, prefix: 'faults:bull' });
    try {
      await eventually(() => maintenance.getJobScheduler('requeue-stalled-deliveries'), (s) => !!s, 10_000);
    } finally {
      await maintenance.close();
    }
  }, 180_000);
});
