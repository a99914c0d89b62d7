import 'reflect-metadata';
import { runService } from '@ar/http';

void runService({
  title: 'Contracts service',
  description: 'Users, clients and contracts of the accounts-receivable system',
  port: (config) => config.ports.contracts,
  loadModule: async () => (await import('./contracts-app.module')).ContractsAppModule,
});
