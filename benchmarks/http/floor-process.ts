/** Starts the floor server (floor-server.ts) as a child process and reads its port. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { processCpuMs } from './service-process.js';

export async function startFloorServer(root: string, bodyFile: string): Promise<{ url: string; cpuMs(): number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'benchmarks/http/floor-server.ts', bodyFile], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout!.setEncoding('utf8');
  const [line] = (await once(child.stdout!, 'data')) as [string];
  const port = Number(line.trim());
  if (!(port > 0)) throw new Error(`bench/floor: no port from the floor server: ${line}`);
  return {
    url: `http://127.0.0.1:${port}/`,
    cpuMs: () => processCpuMs(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
