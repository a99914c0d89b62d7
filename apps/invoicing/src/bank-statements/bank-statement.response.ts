import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BankEntry, BankStatement, SuspenseSuggestion } from '@ar/invoicing';

export class BankStatementResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000009001' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'CAMT053-2026-04-15' }) messageId: string | null;
  @ApiProperty({ example: 'camt.053' }) messageType: string;
  @ApiProperty({ nullable: true, type: String, example: 'DE02120300000000202051', description: 'IBAN of the account the statement is for' }) account: string | null;
  @ApiProperty({ example: 1 }) statements: number;
  @ApiProperty({ example: 12, description: 'every entry in the file' }) entries: number;
  @ApiProperty({ example: 10, description: 'booked credit entries' }) credits: number;
  @ApiProperty({ example: 7 }) matched: number;
  @ApiProperty({ example: 1 }) partlyMatched: number;
  @ApiProperty({ example: 1 }) unmatched: number;
  @ApiProperty({ example: 1, description: 'entries already imported from this or another message' }) duplicates: number;
  @ApiProperty({ example: 2, description: 'debits and entries not booked' }) ignored: number;
  @ApiProperty({ enum: ['processing', 'completed', 'failed'], example: 'processing' }) status: string;
  @ApiPropertyOptional({ type: String, example: null }) error?: string | null;
}

export function toBankStatementResponse(s: BankStatement): BankStatementResponse {
  return { id: s.id, messageId: s.messageId, messageType: s.messageType, account: s.account, ...s.counts, status: s.status, error: s.error };
}

class BankTransactionResponse {
  @ApiProperty({ nullable: true, type: Number, example: 119000 }) amount: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'E2E-4711' }) endToEndId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Muster GmbH' }) debtorName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'DE89370400440532013000' }) debtorIban: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Rechnung 2026-000123' }) remittance: string | null;
  @ApiProperty({ type: [String], example: ['RF58L2026000042'] }) creditorReferences: string[];
}

class SuggestedInvoiceResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) id: string;
  @ApiProperty({ example: '2026-000123' }) number: string;
  @ApiProperty({ description: 'minor units', example: 119000 }) balance: number;
  @ApiProperty({ format: 'date', example: '2026-03-31' }) dueDate: string;
}

class SuggestionResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ enum: ['payer_iban', 'payer_name', 'amount'], example: 'payer_iban' }) reason: string;
  @ApiProperty({ type: [SuggestedInvoiceResponse], description: "the client's open invoices whose balance is the entry's amount" })
  invoices: SuggestedInvoiceResponse[];
}

export class BankEntryResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000009101' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000009001' }) statementId: string;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) bookingDate: string;
  @ApiProperty({ nullable: true, type: Number, example: 119000, description: 'minor units; null when the amount has more decimals than the currency' }) amount: number | null;
  @ApiProperty({ example: '1190.00' }) amountText: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ enum: ['pending', 'matched', 'partly_matched', 'unmatched', 'ignored', 'applied'], example: 'unmatched' }) status: string;
  @ApiProperty({ type: [String], example: ['0:no_match'], description: 'per transaction: how it matched, or why not' }) reasons: string[];
  @ApiProperty({ type: [String], format: 'uuid', example: [] }) paymentIds: string[];
  @ApiProperty({ type: [BankTransactionResponse] }) transactions: BankTransactionResponse[];
  @ApiPropertyOptional({ type: [SuggestionResponse] }) suggestions?: SuggestionResponse[];
  @ApiProperty({ nullable: true, type: String, example: null }) ignoreReason: string | null;
}

export function toBankEntryResponse(e: BankEntry, suggestions?: SuspenseSuggestion[]): BankEntryResponse {
  return {
    id: e.id, statementId: e.statementId, bookingDate: e.bookingDate, amount: e.amount, amountText: e.amountText, currency: e.currency, status: e.status,
    reasons: e.reasons, paymentIds: e.paymentIds, transactions: e.transactions, ignoreReason: e.ignoreReason, ...(suggestions ? { suggestions } : {}),
  };
}
