import { eventually } from '../support/webhook-receiver';
import { businessToday, expectEveryAcknowledgedPaymentOnce, expectEveryEventDelivered, expectLedgerBalanced, FaultLab, pause, PaymentSender, Portfolio, setUpPortfolio } from './support';

// On demand only (`npm run test:faults`): the fault run of the hardening review at a smaller scale. Two
// replicas of every service; under a stream of signed payments, invoicing replicas are killed six times
// (mid-burst), one is drained with SIGTERM, the worker is stopped while Redis restarts empty, Redis is
// flushed, and Postgres crashes and comes back.
describe('faults (slow): a long stream of payments through every kind of failure', () => {
  let lab: FaultLab;
  let portfolio: Portfolio;

  beforeAll(async () => {
    lab = await FaultLab.start({ replicas: { invoicing: 2, collections: 2 } });
    portfolio = await setUpPortfolio(lab, 50, 4);
  }, 300_000);
  afterAll(() => lab?.stop(), 60_000);

  it('loses and doubles nothing, and every event is delivered', async () => {
    const sender = new PaymentSender(() => lab.replicas.invoicing.map((r) => r.url), portfolio.integration, portfolio.clientIds, businessToday());
    const total = 4_000;
    const sending = sender.send(total, 16, 300_000);
    const at = (share: number) => eventually(() => sender.acknowledgedCount, (n) => n >= total * share, 300_000);

    for (let crash = 0; crash < 6; crash++) {
      await at((crash + 1) / 12);
      const replica = lab.replicas.invoicing[crash % 2];
      await replica.kill();
      await pause(300);
      await replica.start();
    }
    await at(0.55);
    await lab.replicas.invoicing[0].terminate();
    await lab.replicas.invoicing[0].start();

    await at(0.65);
    for (const worker of lab.replicas.collections) await worker.terminate();
    await pause(2_000);
    await lab.redis.kill();
    await lab.redis.restart();
    for (const worker of lab.replicas.collections) await worker.start();

    await at(0.75);
    await lab.redis.flushAll();

    await at(0.85);
    await lab.postgres.stop('immediate');
    await pause(3_000);
    await lab.postgres.start();

    const report = await sending;
    expect(report.refused).toEqual([]);
    expect(report.acknowledged).toHaveLength(total);
    await expectEveryAcknowledgedPaymentOnce(lab, report);
    await expectLedgerBalanced(lab);
    await expectEveryEventDelivered(lab, 180_000);
  }, 900_000);
});
