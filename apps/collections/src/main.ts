import 'reflect-metadata';
import { runService } from '@ar/http';

void runService({
  title: 'Collections service',
  description: 'Sweeps, dunning, solvency assessments and reminder tasks for account managers',
  port: (config) => config.ports.collections,
  loadModule: async () => (await import('./collections-app.module')).CollectionsAppModule,
});
