import type { ServiceDefinition } from '@ar/http';

/** What main.ts runs and what the API client is generated from. */
export const INVOICING_SERVICE: ServiceDefinition = {
  title: 'Invoicing service',
  description: 'Invoices, credit notes, payments, webhooks and receivables reports',
  port: (config) => config.ports.invoicing,
  loadModule: async () => (await import('./invoicing-app.module')).InvoicingAppModule,
};
