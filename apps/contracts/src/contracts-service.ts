import type { ServiceDefinition } from '@ar/http';

/** What main.ts runs and what the API client is generated from. */
export const CONTRACTS_SERVICE: ServiceDefinition = {
  title: 'Contracts service',
  description: 'Users, clients and contracts of the accounts-receivable system',
  port: (config) => config.ports.contracts,
  loadModule: async () => (await import('./contracts-app.module')).ContractsAppModule,
};
