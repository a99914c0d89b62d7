import { ApiClient } from './http-client';
import { eventually } from './webhook-receiver';

/** Runs sweeps and reads tasks over the collections API, as finance and managers do. */
export class CollectionsDriver {
  constructor(private readonly finance: ApiClient) {}

  /** Requests the sweep of a date and waits (on the API, not on a clock) until it completed. */
  async sweep(asOf: string): Promise<{ id: string; asOf: string; status: string; stats: Record<string, number> }> {
    const res = await this.finance.post('/v1/sweeps', { asOf });
    if (res.status !== 202) throw new Error(`sweep ${asOf} refused: ${res.status} ${JSON.stringify(res.body)}`);
    return eventually(
      async () => (await this.finance.get(`/v1/sweeps/${res.body.id}`)).body,
      (s: { id: string; asOf: string; status: string; stats: Record<string, number> }) => s.status === 'completed' || s.status === 'failed',
      60_000,
    );
  }
}
