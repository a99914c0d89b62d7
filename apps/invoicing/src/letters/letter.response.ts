import { ApiProperty } from '@nestjs/swagger';
import { Letter, LetterAttempt } from '@ar/invoicing';

class LetterAttemptResponse {
  @ApiProperty({ format: 'date-time', example: '2026-04-15T06:01:02.000Z' }) attemptedAt: string;
  @ApiProperty({ enum: ['sent', 'retrying', 'failed'], example: 'sent' }) outcome: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: "the mail server's answer when it did not take the letter" }) error: string | null;
}

export class LetterResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000006101' }) id: string;
  @ApiProperty({ example: 'L-2026-000042' }) number: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ enum: ['reminder', 'final_notice', 'pre_trial_claim', 'statement'], example: 'reminder' }) kind: string;
  @ApiProperty({ nullable: true, type: Number, example: 1, description: 'the dunning level it was sent for (null on demand)' }) level: number | null;
  @ApiProperty({ type: [String], format: 'uuid', example: ['0190a000-0000-7000-8000-000000001001'] }) invoiceIds: string[];
  @ApiProperty({ enum: ['de', 'en', 'ru'], example: 'de' }) language: string;
  @ApiProperty({ enum: ['email', 'post'], example: 'email' }) channel: string;
  @ApiProperty({ nullable: true, type: String, example: 'buchhaltung@muster.example' }) recipientEmail: string | null;
  @ApiProperty({ enum: ['draft', 'queued', 'sent', 'failed', 'posted'], example: 'queued' }) status: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'why it goes by post, or why it failed' }) statusReason: string | null;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'minor units: principal, interest and fees claimed', example: 123400 }) totalDue: number;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) letterDate: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-04-29' }) payBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'ISO 11649 creditor reference to quote with the payment', example: 'RF58L2026000042' }) reference: string | null;
  @ApiProperty({ example: 'Zahlungserinnerung L-2026-000042' }) subject: string;
  @ApiProperty({ description: 'GET /v1/letters/{id}/pdf', example: '/v1/letters/0190a000-0000-7000-8000-000000006101/pdf' }) pdfUrl: string;
  @ApiProperty({ type: [LetterAttemptResponse] }) attempts: LetterAttemptResponse[];
  @ApiProperty({ format: 'date-time', example: '2026-04-15T06:00:40.000Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) postedAt: string | null;
}

export function toLetterResponse(letter: Letter, attempts: LetterAttempt[] = []): LetterResponse {
  return {
    id: letter.id,
    number: letter.number,
    clientId: letter.clientId,
    kind: letter.kind,
    level: letter.level,
    invoiceIds: letter.invoiceIds,
    language: letter.language,
    channel: letter.channel,
    recipientEmail: letter.recipientEmail,
    status: letter.status,
    statusReason: letter.statusReason,
    currency: letter.currency,
    totalDue: letter.totalDue,
    letterDate: letter.letterDate,
    payBy: letter.payBy,
    reference: letter.reference,
    subject: letter.subject,
    pdfUrl: `/v1/letters/${letter.id}/pdf`,
    attempts: attempts.map((a) => ({ attemptedAt: a.attemptedAt.toISOString(), outcome: a.outcome, error: a.error })),
    createdAt: letter.createdAt.toISOString(),
    sentAt: letter.sentAt?.toISOString() ?? null,
    postedAt: letter.postedAt?.toISOString() ?? null,
  };
}
