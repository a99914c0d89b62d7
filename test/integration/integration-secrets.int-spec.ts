import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@ar/database';
import { ErrorCode } from '@ar/errors';
import { Integration, IntegrationsService } from '@ar/invoicing';
import { Clock } from '@ar/time';

/** Time stands still unless the test advances it, so a slow run cannot cross the once-a-second re-read by itself. */
class SteppingClock extends Clock {
  private readonly startMs = Date.now();
  private offsetMs = 0;
  override now(): Date {
    return new Date(this.startMs + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Two replicas' views of one integration's secret, against the real Postgres. */
describe('integration secrets across replicas', () => {
  let dataSource: DataSource;
  let queries = 0;

  beforeAll(async () => {
    dataSource = await new DataSource({
      ...baseDataSourceOptions({ url: process.env.DATABASE_URL as string }),
      entities: [Integration],
      logging: ['query'],
      logger: { logQuery: () => void queries++, logQueryError: () => {}, logQuerySlow: () => {}, logSchemaBuild: () => {}, logMigration: () => {}, log: () => {} },
    }).initialize();
  });
  afterAll(() => dataSource.destroy());

  const signed = (secret: string) => {
    const body = Buffer.from(JSON.stringify({ type: 'payment.received' }));
    const id = `msg_${Date.now()}_${Math.random()}`;
    const now = new Date();
    return [body, { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, now, body) }] as const;
  };

  it('sees a rotation made by another replica within a second, without a query per badly signed request', async () => {
    const clock = new SteppingClock();
    const replica = new IntegrationsService(dataSource, clock);
    const other = new IntegrationsService(dataSource, new Clock());
    const { id, secret: first } = await other.create('Two replicas');
    await replica.verify(id, ...signed(first));

    const { secret: second } = await other.rotateSecret(id);
    clock.advance(100);
    const before = queries;
    for (let i = 0; i < 20; i++) await expect(replica.verify(id, ...signed(second))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    expect(queries - before).toBe(0);

    clock.advance(1_000);
    await expect(replica.verify(id, ...signed(second))).resolves.toMatchObject({ id });
    expect(queries - before).toBe(1);
    // The rotated-out secret keeps working during its grace period.
    await expect(replica.verify(id, ...signed(first))).resolves.toMatchObject({ id });
  });

  it('answers made-up integration ids without a query each, and still finds one created on another replica', async () => {
    const clock = new SteppingClock();
    const replica = new IntegrationsService(dataSource, clock);
    const other = new IntegrationsService(dataSource, new Clock());
    const own = await replica.create('Created here');

    const before = queries;
    for (let i = 0; i < 20; i++) {
      await expect(replica.verify(crypto.randomUUID(), ...signed(own.secret))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    }
    expect(queries - before).toBe(1);
    await expect(replica.verify(own.id, ...signed(own.secret))).resolves.toMatchObject({ id: own.id });

    const elsewhere = await other.create('Created on another replica');
    await expect(replica.verify(elsewhere.id, ...signed(elsewhere.secret))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    clock.advance(1_000);
    await expect(replica.verify(elsewhere.id, ...signed(elsewhere.secret))).resolves.toMatchObject({ id: elsewhere.id });
  });
});
