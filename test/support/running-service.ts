import { INestApplication, Type } from '@nestjs/common';
import { createHttpApp } from '@ar/http';
import { Clock } from '@ar/time';
import { ApiClient } from './http-client';

export interface RunningService {
  app: INestApplication;
  baseUrl: string;
  api: ApiClient;
  /** Fixes the service's clock at noon UTC of this date (undefined: the real time again). */
  setToday(date: string | undefined): void;
  close(): Promise<void>;
}

/** Starts a service exactly as main.ts builds it, on a free port. */
export async function startService(module: Type<unknown>, title = 'test'): Promise<RunningService> {
  const app = await createHttpApp(module, { title, description: title });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  const setToday = (date: string | undefined) => {
    clock.now = date === undefined ? realNow : () => new Date(`${date}T12:00:00Z`);
  };
  return { app, baseUrl, api: new ApiClient(baseUrl), setToday, close: () => app.close() };
}

/**
 * Starts a service configured with these environment variables on top of the test run's; the
 * configuration is read while the app is built, so process.env is restored right after.
 */
export async function startServiceWithEnvironment(module: Type<unknown>, environment: Record<string, string>): Promise<RunningService> {
  const previous = Object.fromEntries(Object.keys(environment).map((name) => [name, process.env[name]]));
  Object.assign(process.env, environment);
  try {
    return await startService(module);
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
