import 'reflect-metadata';
import { runService } from '@ar/http';

void runService({
  title: 'Invoicing service',
  description: 'Invoices, credit notes, payments, webhooks and receivables reports',
  port: (config) => config.ports.invoicing,
  loadModule: async () => (await import('./invoicing-app.module')).InvoicingAppModule,
});
