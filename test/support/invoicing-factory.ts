import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { ApiClient, ApiResponse } from './http-client';
import { ContractsFactory } from './contracts-factory';
import { tokenFor } from './tokens';

export interface InvoiceLineInput {
  description?: string;
  quantity: number;
  unitPrice: number;
  taxRatePercent?: number;
}

/** Drives the invoicing service over HTTP, with contracts set up through the contracts service. */
export class InvoicingFactory {
  readonly admin: ApiClient;
  readonly finance: ApiClient;

  constructor(
    readonly invoicing: ApiClient,
    readonly contracts: ContractsFactory,
  ) {
    this.admin = invoicing.as(tokenFor('admin'));
    this.finance = invoicing.as(tokenFor('finance'));
  }

  /** A manager with one client and one active EUR contract. */
  async newAccount(contractExtra: Record<string, unknown> = {}, clientExtra: Record<string, unknown> = {}) {
    const manager = await this.contracts.newUser('account_manager');
    const client = await this.contracts.newClient(manager.id, clientExtra);
    const contract = await this.contracts.activeContract(client.id, contractExtra);
    return { manager, managerApi: this.invoicing.as(manager.token), client, contract };
  }

  async newInvoice(contractId: string, total: number, extra: Record<string, unknown> = {}) {
    const res = await this.admin.post('/v1/invoices', {
      contractId,
      issueDate: '2026-01-01',
      lines: [{ description: 'Services', quantity: 1, unitPrice: total }],
      ...extra,
    });
    if (res.status !== 201) throw new Error(`newInvoice failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  pay(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.finance.post('/v1/payments', { currency: 'EUR', receivedOn: '2026-01-15', ...body }, headers);
  }

  async invoice(id: string, asOf?: string) {
    return (await this.admin.get(`/v1/invoices/${id}${asOf ? `?asOf=${asOf}` : ''}`)).body;
  }

  async newIntegration() {
    const res = await this.admin.post('/v1/integrations', { name: `ERP ${randomUUID().slice(0, 6)}` });
    if (res.status !== 201) throw new Error(`newIntegration failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; name: string; secret: string };
  }
}

/** Sends a Standard Webhooks signed request as a finance system would. */
export async function sendSigned(
  api: ApiClient,
  integrationId: string,
  secret: string,
  body: unknown,
  options: { messageId?: string; timestamp?: Date; tamper?: (payload: string) => string; headers?: Record<string, string | undefined> } = {},
): Promise<ApiResponse> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const messageId = options.messageId ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? new Date();
  const signature = new Webhook(secret).sign(messageId, timestamp, payload);
  const headers: Record<string, string | undefined> = {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signature,
    ...options.headers,
  };
  const sent = options.tamper ? options.tamper(payload) : payload;
  const defined = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return api.as(undefined).request('POST', `/v1/webhooks/inbound/${integrationId}`, sent, { 'content-type': 'application/json', ...defined });
}
