import { EnvironmentVariables } from './environment-variables';

/** The validated, typed configuration every module injects instead of reading process.env. */
export class AppConfig {
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly jwtSecret: string;
  readonly businessTimeZone: string;
  /** null when the daily sweep is switched off. */
  readonly sweepCron: string | null;
  readonly ports: { readonly contracts: number; readonly invoicing: number; readonly collections: number };
  readonly logLevel: string;
  /** Requests per minute of one anonymous client address, across all routes. */
  readonly rateLimitPerMinute: number;
  /** Requests per minute of one authenticated principal (token `sub`), across all routes. */
  readonly rateLimitAuthenticatedPerMinute: number;
  /** The longest a bearer token may live from issue (`iat`, else now) to `exp`. */
  readonly jwtMaxLifetimeSeconds: number;
  /** How long a client may take to send a whole request, headers and body. */
  readonly httpRequestTimeoutMs: number;
  /** Addresses or ranges of the reverse proxies whose X-Forwarded-For entries are believed; empty trusts none. */
  readonly trustedProxies: readonly string[];
  readonly webhookRetryBaseMs: number;
  readonly webhookTimeoutMs: number;
  /** `public`: outbound webhooks reach public addresses only (no loopback, private or link-local ones). */
  readonly webhookTargets: 'any' | 'public';
  /** How long an offered outbox event may wait to be handed over before it is offered again. */
  readonly outboxReofferMs: number;
  /** How often the collections worker checks its job schedulers and unfinished sweeps against Redis. */
  readonly schedulerCheckMs: number;
  /** Invoices (or clients) per sweep statement and checkpoint. */
  readonly sweepBatchSize: number;
  /** Letters by e-mail: null when SMTP_URL is empty (the e-mail channel is off; letters are posted instead). */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Who writes the letters and is paid: printed on every letter and in its QR code. */
  readonly sender: {
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly iban: string;
    readonly bic: string;
    readonly bankName: string;
    readonly correspondentAccount: string | null;
  };
  readonly letterPayWithinDays: number;
  readonly promiseToleranceDays: number;
  readonly autoApplyCredit: boolean;
  /** Currency → minor units from which a new client's first invoice asks for a credit review. */
  readonly creditReviewFirstInvoice: ReadonlyMap<string, number>;
  readonly mailRetryBaseMs: number;
  readonly mailSendTimeoutMs: number;
  readonly letterRenderThreads: number;

  constructor(env: EnvironmentVariables) {
    this.databaseUrl = env.DATABASE_URL;
    this.databasePoolSize = env.DATABASE_POOL_SIZE;
    this.redisUrl = env.REDIS_URL;
    this.queuePrefix = env.QUEUE_PREFIX;
    this.jwtSecret = env.JWT_SECRET;
    this.businessTimeZone = env.BUSINESS_TZ;
    this.sweepCron = env.COLLECTIONS_SWEEP_CRON === 'off' ? null : env.COLLECTIONS_SWEEP_CRON;
    this.ports = {
      contracts: env.CONTRACTS_PORT,
      invoicing: env.INVOICING_PORT,
      collections: env.COLLECTIONS_PORT,
    };
    this.logLevel = env.LOG_LEVEL;
    this.rateLimitPerMinute = env.RATE_LIMIT_PER_MINUTE;
    this.rateLimitAuthenticatedPerMinute = env.RATE_LIMIT_AUTHENTICATED_PER_MINUTE;
    this.jwtMaxLifetimeSeconds = env.JWT_MAX_LIFETIME_SECONDS;
    this.httpRequestTimeoutMs = env.HTTP_REQUEST_TIMEOUT_MS;
    this.trustedProxies = env.TRUSTED_PROXIES;
    this.webhookRetryBaseMs = env.WEBHOOK_RETRY_BASE_MS;
    this.webhookTimeoutMs = env.WEBHOOK_TIMEOUT_MS;
    this.webhookTargets = env.WEBHOOK_TARGETS;
    this.sweepBatchSize = env.SWEEP_BATCH_SIZE;
    this.outboxReofferMs = env.OUTBOX_REOFFER_MS;
    this.schedulerCheckMs = env.SCHEDULER_CHECK_MS;
    this.smtpUrl = env.SMTP_URL === '' ? null : env.SMTP_URL;
    this.mailFrom = env.MAIL_FROM;
    this.sender = {
      name: env.SENDER_NAME,
      addressLines: env.SENDER_ADDRESS,
      iban: env.SENDER_IBAN,
      bic: env.SENDER_BIC,
      bankName: env.SENDER_BANK_NAME,
      correspondentAccount: env.SENDER_CORRESPONDENT_ACCOUNT === '' ? null : env.SENDER_CORRESPONDENT_ACCOUNT,
    };
    this.letterPayWithinDays = env.LETTER_PAY_WITHIN_DAYS;
    this.promiseToleranceDays = env.PROMISE_TOLERANCE_DAYS;
    this.autoApplyCredit = env.AUTO_APPLY_CREDIT === 'true';
    this.creditReviewFirstInvoice = new Map(
      env.CREDIT_REVIEW_FIRST_INVOICE.split(',').filter((p) => p !== '').map((p) => [p.slice(0, 3), Number(p.slice(4))] as [string, number]),
    );
    this.mailRetryBaseMs = env.MAIL_RETRY_BASE_MS;
    this.mailSendTimeoutMs = env.MAIL_SEND_TIMEOUT_MS;
    this.letterRenderThreads = env.LETTER_RENDER_THREADS;
  }
}
