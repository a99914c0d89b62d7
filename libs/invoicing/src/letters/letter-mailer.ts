import { Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '@ar/config';

export interface LetterMail {
  to: string;
  subject: string;
  text: string;
  attachment: { filename: string; content: Buffer };
  /** Our Message-ID, so a receiving server and the logs know one letter by one id. */
  messageId: string;
}

/** Whether the mail server refused for good (a 5xx reply): retrying will not help. */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** As many SMTP connections as letters the worker sends at once (LetterSendingProcessor's concurrency). */
export const SMTP_CONNECTIONS = 8;

/**
 * Nodemailer reads transport options from the URL's query; no send may outlast MAIL_SEND_TIMEOUT_MS at any step.
 * Connections are pooled (a new one per letter cost more than the letter), unless SMTP_URL says otherwise.
 */
function withTransportOptions(smtpUrl: string, timeoutMs: number): string {
  const url = new URL(smtpUrl);
  for (const option of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) url.searchParams.set(option, String(timeoutMs));
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', String(SMTP_CONNECTIONS));
  return url.toString();
}

/** Hands letters to the SMTP server of SMTP_URL (nodemailer); the e-mail channel is off without one. */
@Injectable()
export class LetterMailer implements OnModuleDestroy {
  private transporter: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.smtpUrl !== null;
  }

  async send(mail: LetterMail): Promise<void> {
    if (!this.config.smtpUrl) throw new Error('The e-mail channel is off (no SMTP_URL)');
    this.transporter ??= nodemailer.createTransport(withTransportOptions(this.config.smtpUrl, this.config.mailSendTimeoutMs));
    await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      attachments: [{ filename: mail.attachment.filename, content: mail.attachment.content, contentType: 'application/pdf' }],
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
