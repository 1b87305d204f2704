/**
 * The service under test as a child process: `node dist/cli/main.js serve` on a free loopback
 * port with a temp database, and `jiedui keys create` against the same file. The benchmark talks
 * to it over HTTP only, as a client would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** CPU time (user + system, all threads) the process has used so far, in ms. */
  cpuMs(): number;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const SERVING = /serving on (http:\/\/[^\s]+)/;

/** Starts `jiedui serve` and resolves with its URL once it says it is serving. */
export async function startServiceProcess(root: string, options: { dbFile: string; env?: Record<string, string>; nodeArgs?: readonly string[]; seedSample?: boolean; timeoutMs?: number }): Promise<ServiceProcess> {
  const args = [...(options.nodeArgs ?? []), 'dist/cli/main.js', 'serve', '--host', '127.0.0.1', '--port', '0', '--db', options.dbFile];
  if (options.seedSample) args.push('--seed-sample');
  // Logs go to /dev/null: writing them is part of the service's cost, reading them is not ours.
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench/service: no "serving on" within ${options.timeoutMs ?? 60_000} ms: ${stderr}`)), options.timeoutMs ?? 60_000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      const match = SERVING.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench/service: exited with ${code} before serving: ${stderr}`));
    });
  });
  return {
    url,
    child,
    cpuMs: () => processCpuMs(child.pid!),
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `jiedui keys create --role ROLE --db FILE`: the key is the only line on stdout. */
export function createKey(root: string, dbFile: string, role: string): string {
  const out = spawnSync(process.execPath, ['dist/cli/main.js', 'keys', 'create', '--role', role, '--db', dbFile, '--name', `bench ${role}`], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`bench/service: keys create failed: ${out.stderr}`);
  return out.stdout.trim();
}

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/**
 * CPU time of a process from /proc (Linux): user + system, all threads, in ms (10 ms resolution).
 * Per request it is a steadier number than req/s on a machine others are loading too.
 */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line; the rest starts at field 3.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
