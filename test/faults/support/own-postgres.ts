import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../tools/child-process';

const run = promisify(execFile);

/** The directory of the installed server's binaries (Debian's postgresql-NN). */
async function binaries(): Promise<string> {
  const { stdout } = await run('pg_config', ['--bindir']).catch(() => ({ stdout: '' }));
  if (stdout.trim()) return stdout.trim();
  const { stdout: listed } = await run('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1']);
  return listed.trim();
}

/** Runs a server binary as the `postgres` OS user when we are root (initdb and postgres refuse root). */
async function asPostgres(bin: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', bin, ...args]);
  else await run(bin, args);
}

export interface OwnPostgres {
  url(database: string): string;
  port: number;
  /** `immediate` is a crash: no checkpoint, every connection cut. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A Postgres cluster of the fault suite's own, on a spare loopback port, so the suite can kill and restart
 * it without touching the shared server. fsync is off: the faults are process crashes, not power cuts.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = await binaries();
  const dir = mkdtempSync(join(tmpdir(), 'ar-faults-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), Number((await run('id', ['-g', 'postgres'])).stdout));
  const data = join(dir, 'data');
  const port = await freePort();
  await asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`;
  const start = () => asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
  await start();
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
    destroy: async () => {
      await stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
