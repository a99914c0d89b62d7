import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { RunningService, RunningSystem, startSystem, tokenFor } from '@ar/testing';

/** Debian's chromium (apt-get install chromium), or the browser CHROMIUM_PATH names. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('collections: the queue dashboard in a real browser', () => {
  let system: RunningSystem;
  let collections: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
    system = await startSystem({ collections: true });
    collections = system.collections as RunningService;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  const startSession = (page: import('playwright-core').Page, token: string) =>
    page.evaluate(async (bearer) => (await fetch('/v1/queues/session', { method: 'POST', headers: { authorization: `Bearer ${bearer}` } })).status, token);

  it('an admin signs in with their token and sees the sweep, event, delivery and letter queues', async () => {
    const context = await browser.newContext({ baseURL: collections.baseUrl });
    const page = await context.newPage();
    expect((await page.goto('/queues'))?.status()).toBe(404);

    expect(await startSession(page, tokenFor('admin'))).toBe(204);
    const cookie = (await context.cookies()).find((c) => c.name === 'ar_queue_board');
    expect(cookie).toMatchObject({ path: '/queues', httpOnly: true, sameSite: 'Strict' });

    expect((await page.goto('/queues'))?.status()).toBe(200);
    for (const queue of ['{sweeps}', '{webhook-deliveries}', '{events}']) {
      await page.getByText(queue, { exact: false }).first().waitFor({ timeout: 15_000 });
    }
    const api = (await page.evaluate(async () => (await fetch('/queues/api/queues')).json())) as { queues: { name: string }[] };
    expect(api.queues.map((q) => q.name).sort()).toEqual(['{events}', '{letter-production}', '{letters}', '{maintenance}', '{sweeps}', '{webhook-deliveries}']);
    await context.close();
  });

  it('an account manager gets 404 for the dashboard, with or without a token, and cannot start a session', async () => {
    const manager = tokenFor('account_manager');
    const context = await browser.newContext({ baseURL: collections.baseUrl });
    const page = await context.newPage();
    expect((await page.goto('/queues'))?.status()).toBe(404);
    expect(await startSession(page, manager)).toBe(403);
    expect(await context.cookies()).toEqual([]);
    await context.setExtraHTTPHeaders({ authorization: `Bearer ${manager}` });
    const res = await page.goto('/queues/api/queues');
    expect(res?.status()).toBe(404);
    expect(res?.headers()['content-type']).toMatch(/application\/problem\+json/);
    await context.close();
  });

  it('refuses a forged cookie', async () => {
    const context = await browser.newContext({ baseURL: collections.baseUrl });
    await context.addCookies([{ name: 'ar_queue_board', value: tokenFor('admin', undefined, { secret: 'not-the-secret-of-this-service' }), url: `${collections.baseUrl}/queues` }]);
    const page = await context.newPage();
    expect((await page.goto('/queues'))?.status()).toBe(404);
    await context.close();
  });
});
