import createClient, { Client, Middleware } from 'openapi-fetch';
import type { components as CollectionsComponents, paths as CollectionsPaths } from './generated/collections';
import type { components as ContractsComponents, paths as ContractsPaths } from './generated/contracts';
import type { components as InvoicingComponents, paths as InvoicingPaths } from './generated/invoicing';

export type { CollectionsPaths, ContractsPaths, InvoicingPaths };
/** The response and request schemas by name, e.g. `InvoicingSchemas['InvoiceResponse']`. */
export type ContractsSchemas = ContractsComponents['schemas'];
export type InvoicingSchemas = InvoicingComponents['schemas'];
export type CollectionsSchemas = CollectionsComponents['schemas'];

export interface ServiceClientOptions {
  /** The service's origin, e.g. `http://127.0.0.1:3002` (paths carry their `/v1`). */
  baseUrl: string;
  /** A bearer token, or a function that yields a current one before each request. */
  token?: string | (() => string | Promise<string>);
  /** Defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
}

function bearer(token: NonNullable<ServiceClientOptions['token']>): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
      return request;
    },
  };
}

function serviceClient<Paths extends object>(options: ServiceClientOptions): Client<Paths> {
  const client = createClient<Paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  if (options.token !== undefined) client.use(bearer(options.token));
  return client;
}

/**
 * Typed clients of the three services, generated from their OpenAPI documents (docs/openapi). Each call
 * answers `{ data, error, response }`: `data` typed by the operation's success schema, `error` by its
 * problem+json. Send `Idempotency-Key` with `headers` on a POST to make a retry safe.
 */
export const createContractsClient = (options: ServiceClientOptions) => serviceClient<ContractsPaths>(options);
export const createInvoicingClient = (options: ServiceClientOptions) => serviceClient<InvoicingPaths>(options);
export const createCollectionsClient = (options: ServiceClientOptions) => serviceClient<CollectionsPaths>(options);
