import type { FaultLab } from './fault-lab';

export interface Portfolio {
  clientIds: string[];
  integration: { id: string; secret: string };
}

/** Clients with open invoices, an integration to sign payments with, and a webhook subscriber for payment events. */
export async function setUpPortfolio(lab: FaultLab, clients = 20, invoicesPerClient = 3): Promise<Portfolio> {
  const manager = await lab.call('contracts', 'POST', '/v1/users', { name: 'Manager', email: `m-${Date.now()}@example.test`, role: 'account_manager' });
  const clientIds: string[] = [];
  for (let c = 0; c < clients; c++) {
    const client = await lab.call('contracts', 'POST', '/v1/clients', { name: `Client ${c}`, country: 'DE', accountManagerId: manager.id });
    const contract = await lab.call('contracts', 'POST', '/v1/contracts', { clientId: client.id, number: `K-${c}`, currency: 'EUR', paymentTermDays: 30, startsOn: '2026-01-01' });
    await lab.call('contracts', 'POST', `/v1/contracts/${contract.id}/activate`);
    for (let i = 0; i < invoicesPerClient; i++) {
      await lab.call('invoicing', 'POST', '/v1/invoices', { contractId: contract.id, issueDate: '2026-01-01', lines: [{ description: 'Services', quantity: 1, unitPrice: 100_000 }] });
    }
    clientIds.push(client.id);
  }
  const integration = await lab.call('invoicing', 'POST', '/v1/integrations', { name: 'Bank connector' });
  const hookUrl = await lab.receiver.start();
  await lab.call('invoicing', 'POST', '/v1/webhook-endpoints', { url: hookUrl, events: ['payment.received', 'invoice.paid'] });
  return { clientIds, integration };
}
