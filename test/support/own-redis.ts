import { spawn } from 'node:child_process';
import Redis from 'ioredis';
import { createConnection } from 'node:net';
import { freePort, stopProcess } from '../../tools/child-process';

export interface OwnRedis {
  url: string;
  port: number;
  /** Kills the server at once (SIGKILL): nothing is saved, like a crashed Redis without persistence. */
  kill(): Promise<void>;
  /** Starts an empty server again on the same port. */
  restart(): Promise<void>;
  /** FLUSHALL: every key gone while the server stays up. */
  flushAll(): Promise<void>;
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.write('PING\r\n');
    });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A Redis server of the test's own on a spare loopback port, never the shared one, so a test can kill and
 * restart it. Nothing is kept on disk.
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child = await launch(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => stopProcess(child, 'SIGKILL'),
    restart: async () => {
      child = await launch(port);
    },
    flushAll: async () => {
      const client = new Redis(port, '127.0.0.1');
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    },
  };
}

async function launch(port: number) {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (await answers(port)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  await stopProcess(child, 'SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}
