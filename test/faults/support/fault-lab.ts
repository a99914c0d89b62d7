import { Client } from 'pg';
import { freePort, stopProcess } from '../../../tools/child-process';
import { ServiceProcess, startServiceProcess } from '../../support/service-process';
import { migrate } from '../../../tools/migrate';
import { OwnRedis, startOwnRedis } from '../../support/own-redis';
import { tokenFor } from '../../support/tokens';
import { WebhookReceiver } from '../../support/webhook-receiver';
import { OwnPostgres, startOwnPostgres } from './own-postgres';

export type ServiceName = 'contracts' | 'invoicing' | 'collections';

const SCRIPT: Record<ServiceName, [string, string]> = {
  contracts: ['dist/apps/contracts/src/main.js', 'CONTRACTS_PORT'],
  invoicing: ['dist/apps/invoicing/src/main.js', 'INVOICING_PORT'],
  collections: ['dist/apps/collections/src/main.js', 'COLLECTIONS_PORT'],
};

/** One replica of a service as its own process, on a port it keeps across restarts. */
export class ServiceReplica {
  private running?: ServiceProcess;

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const [script, portVariable] = SCRIPT[this.name];
    this.running = await startServiceProcess(script, portVariable, this.env, this.port);
  }

  /** SIGKILL: the process dies mid-request, with whatever it had in flight. */
  kill(): Promise<void> {
    return this.running ? stopProcess(this.running.process, 'SIGKILL') : Promise.resolve();
  }

  /** SIGTERM: the process drains and shuts down as an orchestrator would ask it to. */
  terminate(): Promise<void> {
    return this.running ? stopProcess(this.running.process, 'SIGTERM') : Promise.resolve();
  }
}

export interface LabOptions {
  /** Replicas per service. */
  replicas?: Partial<Record<ServiceName, number>>;
}

/**
 * Everything a fault scenario runs against, all of its own: a Postgres cluster and a Redis on spare
 * loopback ports, the three services as separate processes, and a loopback webhook receiver subscribed
 * to every payment event. Never the shared Postgres or Redis.
 */
export class FaultLab {
  readonly replicas: Record<ServiceName, ServiceReplica[]> = { contracts: [], invoicing: [], collections: [] };
  readonly receiver = new WebhookReceiver();
  readonly jwtSecret = 'fault-lab-secret-0123456789abcdef';

  private constructor(
    readonly postgres: OwnPostgres,
    readonly redis: OwnRedis,
  ) {}

  static async start(options: LabOptions = {}): Promise<FaultLab> {
    const postgres = await startOwnPostgres();
    const redis = await startOwnRedis();
    const lab = new FaultLab(postgres, redis);
    await migrate(postgres.url('ar'));
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: postgres.url('ar'),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'faults',
      JWT_SECRET: lab.jwtSecret,
      LOG_LEVEL: 'warn',
      WEBHOOK_TARGETS: 'any',
      WEBHOOK_RETRY_BASE_MS: '200',
      OUTBOX_REOFFER_MS: '2000',
      SCHEDULER_CHECK_MS: '500',
      COLLECTIONS_SWEEP_CRON: 'off',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_AUTHENTICATED_PER_MINUTE: '1000000',
    };
    for (const name of ['contracts', 'invoicing', 'collections'] as const) {
      for (let i = 0; i < (options.replicas?.[name] ?? 1); i++) {
        const replica = new ServiceReplica(name, await freePort(), env);
        await replica.start();
        lab.replicas[name].push(replica);
      }
    }
    return lab;
  }

  url(name: ServiceName, replica = 0): string {
    return this.replicas[name][replica].url;
  }

  token(role: 'admin' | 'finance'): string {
    return tokenFor(role, undefined, { secret: this.jwtSecret });
  }

  async call(name: ServiceName, method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(this.url(name) + path, {
      method,
      headers: { authorization: `Bearer ${this.token('admin')}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const db = new Client({ connectionString: this.postgres.url('ar') });
    await db.connect();
    try {
      return (await db.query(sql, params)).rows as T[];
    } finally {
      await db.end();
    }
  }

  async stop(): Promise<void> {
    for (const name of ['collections', 'invoicing', 'contracts'] as const) for (const replica of this.replicas[name]) await replica.kill();
    await this.receiver.stop();
    await this.redis.kill();
    await this.postgres.destroy();
  }
}
