import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { IsProxyAddressList } from './proxy-addresses';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '') : value;

/**
 * Every environment variable the services read, with its default.
 * The README's configuration table mirrors this class.
 */
export class EnvironmentVariables {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/ar';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:{}-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1-64 characters of A-Z a-z 0-9 _ . : { } -' })
  QUEUE_PREFIX: string = 'ar';

  @IsString()
  @IsNotEmpty({ message: 'JWT_SECRET is required' })
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET: string;

  @IsOptional()
  @IsString()
  BUSINESS_TZ: string = 'Europe/Berlin';

  @IsOptional()
  @IsString()
  COLLECTIONS_SWEEP_CRON: string = '0 6 * * *';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  CONTRACTS_PORT: number = 3001;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  INVOICING_PORT: number = 3002;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  COLLECTIONS_PORT: number = 3003;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTHENTICATED_PER_MINUTE: number = 6000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(31 * 24 * 3600)
  JWT_MAX_LIFETIME_SECONDS: number = 24 * 3600;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  HTTP_REQUEST_TIMEOUT_MS: number = 30_000;

  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsProxyAddressList()
  TRUSTED_PROXIES: string[] = [];

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS: number = 5000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OUTBOX_REOFFER_MS: number = 60_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  SCHEDULER_CHECK_MS: number = 30_000;

  @IsOptional()
  @IsIn(['any', 'public'])
  WEBHOOK_TARGETS: 'any' | 'public' = 'public';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100_000)
  SWEEP_BATCH_SIZE: number = 5000;

  /** SMTP server for letters by e-mail (smtp:// or smtps://, credentials in the URL); empty switches the e-mail channel off. */
  @IsOptional()
  @Matches(/^(smtps?:\/\/.+)?$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string = '';

  @IsOptional()
  @IsString()
  MAIL_FROM: string = 'Accounts Receivable <ar@example.com>';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  SENDER_NAME: string = 'AR Follow-up GmbH';

  /** The sender's address lines, separated by `;`. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(';').map((l) => l.trim()).filter((l) => l !== '') : value))
  @IsArray()
  SENDER_ADDRESS: string[] = ['Musterstraße 1', '20095 Hamburg', 'Germany'];

  @IsOptional()
  @Matches(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$|^\d{20}$/, { message: 'SENDER_IBAN must be an IBAN without spaces (or a 20-digit Russian account)' })
  SENDER_IBAN: string = 'DE02120300000000202051';

  @IsOptional()
  @Matches(/^[A-Z0-9]{8}([A-Z0-9]{3})?$|^\d{9}$/, { message: 'SENDER_BIC must be a BIC (or a 9-digit Russian BIK)' })
  SENDER_BIC: string = 'BYLADEM1001';

  @IsOptional()
  @IsString()
  SENDER_BANK_NAME: string = 'Deutsche Kreditbank Berlin';

  /** Russian correspondent account, needed for the GOST QR code on RUB letters. */
  @IsOptional()
  @Matches(/^(\d{20})?$/, { message: 'SENDER_CORRESPONDENT_ACCOUNT must be 20 digits' })
  SENDER_CORRESPONDENT_ACCOUNT: string = '';

  /** First retry delay of a letter the mail server did not take (doubling up to 6 attempts). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  MAIL_RETRY_BASE_MS: number = 60_000;

  /** How long the mail server may take to connect, greet and answer; a letter claimed twice as long ago counts as interrupted. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  MAIL_SEND_TIMEOUT_MS: number = 60_000;

  /** Worker threads that render letter PDFs beside the event loop; 0 renders on the event loop itself. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(64)
  LETTER_RENDER_THREADS: number = 1;

  /** Days from a letter's date to its pay-by date. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  LETTER_PAY_WITHIN_DAYS: number = 14;

  /** Days after a promise's date (and an instalment's due date) before it counts as broken; payments in them still count. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30)
  PROMISE_TOLERANCE_DAYS: number = 0;

  /** Apply a client's unapplied credit to its oldest open invoice by itself (on a new invoice or a payment leaving credit). */
  @IsOptional()
  @IsIn(['true', 'false'])
  AUTO_APPLY_CREDIT: 'true' | 'false' = 'false';

  /**
   * A new client's first invoice at or above these amounts (CUR:minor units, comma-separated) opens a credit_review
   * task; currencies not listed never do.
   */
  @IsOptional()
  @Matches(/^([A-Z]{3}:\d{1,13})(,[A-Z]{3}:\d{1,13})*$|^$/, { message: 'CREDIT_REVIEW_FIRST_INVOICE must be CUR:amount pairs separated by commas, e.g. EUR:1000000,USD:1000000' })
  CREDIT_REVIEW_FIRST_INVOICE: string = 'EUR:1000000,USD:1000000,GBP:1000000,CHF:1000000,RUB:100000000';
}
