import { Module } from '@nestjs/common';
import { PlatformModule } from '@ar/http';
import { InvoicingDomainModule } from '@ar/invoicing';
import { ClientBalanceController } from './clients/client-balance.controller';
import { CreditNotesController } from './credit-notes/credit-notes.controller';
import { InboundWebhooksController } from './inbound-webhooks/inbound-webhooks.controller';
import { IntegrationsController } from './integrations/integrations.controller';
import { InvoicesController } from './invoices/invoices.controller';
import { PaymentsController } from './payments/payments.controller';
import { ReportsController } from './reports/reports.controller';

@Module({
  imports: [PlatformModule.forService('invoicing'), InvoicingDomainModule],
  controllers: [
    InvoicesController,
    CreditNotesController,
    PaymentsController,
    ClientBalanceController,
    IntegrationsController,
    InboundWebhooksController,
    ReportsController,
  ],
})
export class InvoicingAppModule {}
