import { randomUUID } from 'node:crypto';
import type { Role } from '@ar/auth';
import { ApiClient } from './http-client';
import { tokenFor } from './tokens';

/** Creates users, clients and contracts over the public API, as an admin would. */
export class ContractsFactory {
  readonly admin: ApiClient;

  constructor(private readonly api: ApiClient) {
    this.admin = api.as(tokenFor('admin'));
  }

  async newUser(role: Role = 'account_manager', extra: Record<string, unknown> = {}) {
    const res = await this.admin.post('/v1/users', { name: `User ${role}`, email: `${randomUUID()}@example.test`, role, ...extra });
    if (res.status !== 201) throw new Error(`newUser failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...res.body, token: tokenFor(role, res.body.id), api: this.api.as(tokenFor(role, res.body.id)) };
  }

  async newClient(accountManagerId: string, extra: Record<string, unknown> = {}) {
    const res = await this.admin.post('/v1/clients', { name: 'Muster GmbH', country: 'DE', accountManagerId, ...extra });
    if (res.status !== 201) throw new Error(`newClient failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async newContract(clientId: string, extra: Record<string, unknown> = {}) {
    const res = await this.admin.post('/v1/contracts', {
      clientId,
      number: `K-${randomUUID().slice(0, 8)}`,
      currency: 'EUR',
      paymentTermDays: 30,
      startsOn: '2026-01-01',
      ...extra,
    });
    if (res.status !== 201) throw new Error(`newContract failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async activeContract(clientId: string, extra: Record<string, unknown> = {}) {
    const contract = await this.newContract(clientId, extra);
    const res = await this.admin.post(`/v1/contracts/${contract.id}/activate`);
    if (res.status !== 200) throw new Error(`activate failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}
