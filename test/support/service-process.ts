import { ChildProcess, spawn } from 'node:child_process';
import { freePort, stopProcess } from '../../tools/child-process';
import { eventually } from './webhook-receiver';

export { freePort, stopProcess };

export interface ServiceProcess {
  process: ChildProcess;
  url: string;
  /** Everything the process printed so far, stdout and stderr. */
  output(): string;
}

/**
 * A built entry point (`dist/apps/<service>/src/main.js`) as its own process, exactly as `npm run start:*`
 * runs it, on `port` (a free one by default) given through `portVariable`; resolves once `/health/ready`
 * answers. A process that never gets ready is killed, and the error carries the tail of what it printed.
 */
export async function startServiceProcess(script: string, portVariable: string, env: NodeJS.ProcessEnv, port?: number): Promise<ServiceProcess> {
  port ??= await freePort();
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env, [portVariable]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      () => fetch(`${url}/health/ready`).then((r) => r.ok, () => false),
      (ok) => ok,
      60_000,
    );
  } catch (error) {
    await stopProcess(child, 'SIGKILL');
    throw new Error(`${script} on port ${port} not ready (exit ${child.exitCode ?? child.signalCode ?? 'none'}): ${(error as Error).message}\n${output.slice(-4000)}`);
  }
  return { process: child, url, output: () => output };
}
