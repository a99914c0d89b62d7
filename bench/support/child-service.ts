import { ChildProcess, spawn } from 'node:child_process';
import { stopProcess } from '../../tools/child-process';

export interface ChildService {
  process: ChildProcess;
  peakRssMb: () => number;
  stop: () => Promise<void>;
}

/** Starts a built entry point as its own process, as users run it, and waits until `readyUrl` answers. */
export async function startChild(script: string, env: NodeJS.ProcessEnv, readyUrl: string, heapMb = 512): Promise<ChildService> {
  // The same V8 heap cap as the npm start scripts give this service; BENCH_NODE_ARGS overrides it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? `--max-old-space-size=${heapMb}`).split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', process.env.BENCH_SHOW_LOGS === '1' ? 'inherit' : 'ignore', 'inherit'] });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      const res = await fetch(readyUrl);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not become ready`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    process: child,
    peakRssMb: () => peakRssOf(child.pid as number),
    stop: () => stopProcess(child),
  };
}

/** VmHWM: the peak resident set size the kernel recorded for the process. */
export function peakRssOf(pid: number): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const status: string = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}
