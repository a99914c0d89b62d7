import type { ServiceDefinition } from '@ar/http';

/** What main.ts runs and what the API client is generated from. */
export const COLLECTIONS_SERVICE: ServiceDefinition = {
  title: 'Collections service',
  description: 'Sweeps, dunning, solvency assessments and reminder tasks for account managers',
  port: (config) => config.ports.collections,
  loadModule: async () => (await import('./collections-app.module')).CollectionsAppModule,
};
