import { eventually } from '../support/webhook-receiver';
import { businessToday, expectEveryAcknowledgedPaymentOnce, expectEveryEventDelivered, expectLedgerBalanced, FaultLab, pause, PaymentSender, Portfolio, setUpPortfolio } from './support';

// Signed payments keep coming while an invoicing replica is killed mid-burst and Postgres crashes and comes
// back: no acknowledged payment is lost or recorded twice, the ledger balances, every event is delivered,
// and while Postgres is away the services answer 503 problem+json, not 500.
describe('faults: payments through an invoicing crash and a Postgres crash', () => {
  let lab: FaultLab;
  let portfolio: Portfolio;

  beforeAll(async () => {
    lab = await FaultLab.start({ replicas: { invoicing: 2 } });
    portfolio = await setUpPortfolio(lab);
  }, 120_000);
  afterAll(() => lab?.stop(), 60_000);

  it('loses and doubles nothing', async () => {
    const sender = new PaymentSender(() => lab.replicas.invoicing.map((r) => r.url), portfolio.integration, portfolio.clientIds, businessToday());
    const sending = sender.send(600);

    await eventually(() => sender.acknowledgedCount, (n) => n >= 100, 60_000);
    await lab.replicas.invoicing[0].kill();
    await pause(500);
    await lab.replicas.invoicing[0].start();

    await eventually(() => sender.acknowledgedCount, (n) => n >= 300, 60_000);
    await lab.postgres.stop('immediate');
    const ready = await fetch(`${lab.url('invoicing', 1)}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toContain('application/problem+json');
    const list = await fetch(`${lab.url('contracts')}/v1/clients`, { headers: { authorization: `Bearer ${lab.token('admin')}` } });
    expect(list.status).toBe(503);
    expect(list.headers.get('retry-after')).toBeTruthy();
    await pause(1_500);
    await lab.postgres.start();

    const report = await sending;
    expect(report.refused).toEqual([]);
    expect(report.acknowledged).toHaveLength(600);
    expect(report.failedAttempts).toBeGreaterThan(0);
    await expectEveryAcknowledgedPaymentOnce(lab, report);
    await expectLedgerBalanced(lab);
    await expectEveryEventDelivered(lab);
  }, 300_000);
});
