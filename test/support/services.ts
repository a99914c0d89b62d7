import { CollectionsAppModule } from '../../apps/collections/src/collections-app.module';
import { ContractsAppModule } from '../../apps/contracts/src/contracts-app.module';
import { InvoicingAppModule } from '../../apps/invoicing/src/invoicing-app.module';
import { ContractsFactory } from './contracts-factory';
import { InvoicingFactory } from './invoicing-factory';
import { RunningService, startService } from './running-service';

export interface RunningSystem {
  contracts: RunningService;
  invoicing: RunningService;
  collections?: RunningService;
  contractsFactory: ContractsFactory;
  invoicingFactory: InvoicingFactory;
  /** Fixes every service's "today" (undefined: the real date again), for stories told on explicit dates. */
  setToday(date: string | undefined): void;
  close(): Promise<void>;
}

/** Starts the services a test needs, each as its main.ts would. */
export async function startSystem(options: { collections?: boolean } = {}): Promise<RunningSystem> {
  const contracts = await startService(ContractsAppModule, 'contracts');
  const invoicing = await startService(InvoicingAppModule, 'invoicing');
  const collections = options.collections ? await startService(CollectionsAppModule, 'collections') : undefined;
  const contractsFactory = new ContractsFactory(contracts.api);
  return {
    contracts,
    invoicing,
    collections,
    contractsFactory,
    invoicingFactory: new InvoicingFactory(invoicing.api, contractsFactory),
    setToday: (date) => {
      for (const service of [contracts, invoicing, collections]) service?.setToday(date);
    },
    close: async () => {
      await collections?.close();
      await invoicing.close();
      await contracts.close();
    },
  };
}
