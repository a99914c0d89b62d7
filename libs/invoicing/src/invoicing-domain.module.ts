import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@ar/outbox';
import { InterestAdjustmentsService } from './claims/interest-adjustments.service';
import { InvoiceClaimsService } from './claims/invoice-claims.service';
import { InvoiceLedgerRepository } from './claims/invoice-ledger.repository';
import { CreditNoteRequestsService } from './credit-notes/credit-note-requests.service';
import { CreditNotesService } from './credit-notes/credit-notes.service';
import { CollectionsDirectory } from './directory/collections-directory';
import { ContractsDirectory } from './directory/contracts-directory';
import { InboundMessageRepository } from './integrations/inbound-message.repository';
import { InboundWebhooksService } from './integrations/inbound-webhooks.service';
import { IntegrationsService } from './integrations/integrations.service';
import { InvoiceAccess } from './invoices/invoice-access';
import { InvoiceRepository } from './invoices/invoice.repository';
import { InvoicesService } from './invoices/invoices.service';
import { INVOICING_ENTITIES } from './invoicing-persistence';
import { LetterDeliveryService } from './letters/letter-delivery.service';
import { LetterMailer } from './letters/letter-mailer';
import { LetterPdfStore } from './letters/letter-pdf-store';
import { LetterProductionService } from './letters/letter-production.service';
import { LetterRenderer } from './letters/letter-renderer';
import { LetterTemplatesService } from './letters/letter-templates.service';
import { LetterRepository } from './letters/letter.repository';
import { LettersService } from './letters/letters.service';
import { BankEntriesService } from './bank-statements/bank-entries.service';
import { BankImportService } from './bank-statements/bank-import.service';
import { BankStatementRepository } from './bank-statements/bank-statement.repository';
import { AccountMovementsRepository } from './statements/account-movements.repository';
import { AccountStatementService } from './statements/account-statement.service';
import { ClientBalanceService } from './payments/client-balance.service';
import { CreditApplicationRepository } from './payments/credit-application.repository';
import { CreditApplicationService } from './payments/credit-application.service';
import { WriteOffsService } from './write-offs/write-offs.service';
import { DisputeCaseRepository } from './disputes/dispute-case.repository';
import { DisputeCasesService } from './disputes/dispute-cases.service';
import { CollectionPlanService } from './reports/collection-plan.service';
import { PaymentRepository } from './payments/payment.repository';
import { PaymentsService } from './payments/payments.service';
import { PeriodReportsService } from './reports/period-reports.service';
import { VolumeRebatesService } from './volume-rebates/volume-rebates.service';
import { ReceivablesReportsService } from './reports/receivables-reports.service';

@Module({
  imports: [TypeOrmModule.forFeature(INVOICING_ENTITIES), OutboxModule],
  providers: [
    ContractsDirectory,
    CollectionsDirectory,
    InvoiceRepository,
    InvoiceAccess,
    InvoicesService,
    CreditNotesService,
    CreditNoteRequestsService,
    InvoiceLedgerRepository,
    InvoiceClaimsService,
    InterestAdjustmentsService,
    PaymentRepository,
    PaymentsService,
    ClientBalanceService,
    CreditApplicationRepository,
    CreditApplicationService,
    WriteOffsService,
    DisputeCaseRepository,
    DisputeCasesService,
    CollectionPlanService,
    IntegrationsService,
    InboundWebhooksService,
    InboundMessageRepository,
    ReceivablesReportsService,
    PeriodReportsService,
    VolumeRebatesService,
    LetterRepository,
    LetterTemplatesService,
    LettersService,
    LetterMailer,
    LetterPdfStore,
    LetterRenderer,
    LetterProductionService,
    LetterDeliveryService,
    AccountMovementsRepository,
    AccountStatementService,
    BankStatementRepository,
    BankImportService,
    BankEntriesService,
  ],
  exports: [
    InvoicesService,
    InvoiceClaimsService,
    InterestAdjustmentsService,
    CreditNotesService,
    CreditNoteRequestsService,
    PaymentsService,
    ClientBalanceService,
    CreditApplicationService,
    WriteOffsService,
    DisputeCasesService,
    CollectionPlanService,
    IntegrationsService,
    InboundWebhooksService,
    ReceivablesReportsService,
    PeriodReportsService,
    VolumeRebatesService,
    LetterTemplatesService,
    LettersService,
    LetterDeliveryService,
    LetterProductionService,
    AccountStatementService,
    BankImportService,
    BankEntriesService,
  ],
})
export class InvoicingDomainModule {}
