import { Module } from '@nestjs/common';
import { PlatformModule } from '@ar/http';
import { OutboxRelayModule } from '@ar/outbox';
import { InvoicingDomainModule, WebhooksModule } from '@ar/invoicing';
import { BankStatementsController } from './bank-statements/bank-statements.controller';
import { ClientBalanceController } from './clients/client-balance.controller';
import { ClientStatementController } from './clients/client-statement.controller';
import { ClaimsController } from './claims/claims.controller';
import { CreditNoteRequestsController } from './credit-notes/credit-note-requests.controller';
import { CreditNotesController } from './credit-notes/credit-notes.controller';
import { InboundWebhooksController } from './inbound-webhooks/inbound-webhooks.controller';
import { IntegrationsController } from './integrations/integrations.controller';
import { VolumeRebatesController } from './volume-rebates/volume-rebates.controller';
import { InvoicesController } from './invoices/invoices.controller';
import { LetterTemplatesController } from './letters/letter-templates.controller';
import { LettersController } from './letters/letters.controller';
import { PaymentsController } from './payments/payments.controller';
import { ReportsController } from './reports/reports.controller';
import { WebhookEndpointsController } from './webhook-endpoints/webhook-endpoints.controller';
import { EventTypesController } from './event-types/event-types.controller';
import { ClientCreditController } from './clients/client-credit.controller';
import { WriteOffsController } from './write-offs/write-offs.controller';
import { DisputeCasesController } from './disputes/dispute-cases.controller';

@Module({
  imports: [PlatformModule.forService('invoicing'), OutboxRelayModule.forSchema('invoicing'), InvoicingDomainModule, WebhooksModule],
  controllers: [
    InvoicesController,
    VolumeRebatesController,
    CreditNotesController,
    CreditNoteRequestsController,
    ClaimsController,
    PaymentsController,
    ClientBalanceController,
    ClientCreditController,
    WriteOffsController,
    DisputeCasesController,
    ClientStatementController,
    IntegrationsController,
    InboundWebhooksController,
    ReportsController,
    WebhookEndpointsController,
    EventTypesController,
    LettersController,
    BankStatementsController,
    LetterTemplatesController,
  ],
})
export class InvoicingAppModule {}
