import { AddCourtesyLetters1765200000008 } from './migrations/1765200000008-AddCourtesyLetters';
import { AddVolumeDiscountsAndPeriodIndexes1765300000002 } from './migrations/1765300000002-AddVolumeDiscountsAndPeriodIndexes';
import { AddVolumeRebates1765300000003 } from './migrations/1765300000003-AddVolumeRebates';
import { VolumeRebate } from './volume-rebates/volume-rebate.entity';
import { PublishDaysLate1765200000004 } from './migrations/1765200000004-PublishDaysLate';
import { CreateDisputeCases1765200000003 } from './migrations/1765200000003-CreateDisputeCases';
import { DisputeCase } from './disputes/dispute-case.entity';
import { AddWriteOffsAndCredit1765200000001 } from './migrations/1765200000001-AddWriteOffsAndCredit';
import { InterestAdjustment } from './claims/interest-adjustment.entity';
import { BankEntry, BankStatement, PayerAccount } from './bank-statements/bank-statement.entity';
import { CreditNoteRequest } from './credit-notes/credit-note-request.entity';
import { CreditNote } from './credit-notes/credit-note.entity';
import { InboundMessage } from './integrations/inbound-message.entity';
import { Integration } from './integrations/integration.entity';
import { InvoiceLine } from './invoices/invoice-line.entity';
import { Letter, LetterAttempt, LetterTemplateOverride } from './letters/letter.entity';
import { Invoice } from './invoices/invoice.entity';
import { CreateInvoicingSchema1764216200000 } from './migrations/1764216200000-CreateInvoicingSchema';
import { IndexPaidInvoicesBySettlement1764300000000 } from './migrations/1764300000000-IndexPaidInvoicesBySettlement';
import { CreateExpectRowCount1764400000000 } from './migrations/1764400000000-CreateExpectRowCount';
import { ScopeInvoiceExternalIds1764500000000 } from './migrations/1764500000000-ScopeInvoiceExternalIds';
import { CreateCreditNoteRequests1764700000000 } from './migrations/1764700000000-CreateCreditNoteRequests';
import { ChargeAndWaiveInterest1764900000000 } from './migrations/1764900000000-ChargeAndWaiveInterest';
import { PublishOpenReceivable1765000000002 } from './migrations/1765000000002-PublishOpenReceivable';
import { CreateLetters1765100000001 } from './migrations/1765100000001-CreateLetters';
import { CreateBankStatements1765100000003 } from './migrations/1765100000003-CreateBankStatements';
import { PaymentAllocation } from './payments/payment-allocation.entity';
import { Payment } from './payments/payment.entity';
import { WebhookDeliveryAttempt } from './webhooks/webhook-delivery-attempt.entity';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from './webhooks/webhook-endpoint.entity';

export const INVOICING_ENTITIES = [
  Invoice,
  InvoiceLine,
  CreditNote,
  VolumeRebate,
  CreditNoteRequest,
  InterestAdjustment,
  Payment,
  PaymentAllocation,
  Integration,
  InboundMessage,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  Letter,
  LetterAttempt,
  LetterTemplateOverride,
  BankStatement,
  BankEntry,
  PayerAccount,
  DisputeCase,
];
export const INVOICING_MIGRATIONS = [
  CreateInvoicingSchema1764216200000,
  IndexPaidInvoicesBySettlement1764300000000,
  CreateExpectRowCount1764400000000,
  ScopeInvoiceExternalIds1764500000000,
  CreateCreditNoteRequests1764700000000,
  ChargeAndWaiveInterest1764900000000,
  PublishOpenReceivable1765000000002,
  CreateLetters1765100000001,
  CreateBankStatements1765100000003,
  AddWriteOffsAndCredit1765200000001,
  CreateDisputeCases1765200000003,
  PublishDaysLate1765200000004,
  AddCourtesyLetters1765200000008,
  AddVolumeDiscountsAndPeriodIndexes1765300000002,
  AddVolumeRebates1765300000003,
];
