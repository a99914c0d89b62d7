import { INestApplication, Type } from '@nestjs/common';
import { createHttpApp } from '@ar/http';
import { ApiClient } from './http-client';

export interface RunningService {
  app: INestApplication;
  baseUrl: string;
  api: ApiClient;
  close(): Promise<void>;
}

/** Starts a service exactly as main.ts builds it, on a free port. */
export async function startService(module: Type<unknown>, title = 'test'): Promise<RunningService> {
  const app = await createHttpApp(module, { title, description: title });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return { app, baseUrl, api: new ApiClient(baseUrl), close: () => app.close() };
}
