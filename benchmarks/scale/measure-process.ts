/**
 * Runs a command in a child process and measures it from outside: wall time, CPU time (user +
 * system, all threads) and peak resident memory, as GNU time reports them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MeasuredRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `command args…` with a time limit; measures it with GNU time when available. */
export function measureProcess(command: string, args: readonly string[], options: { cwd: string; timeoutSeconds: number }): MeasuredRun {
  const report = join(tmpdir(), `jiedui-scale-time-${process.pid}-${Date.now()}.txt`);
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const out = spawnSync(timed ? GNU_TIME : command, timed ? ['-o', report, '-f', '%e %U %S %M', command, ...args] : [...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeoutSeconds * 1000,
    maxBuffer: 512 * 1024 * 1024,
  });
  const wall = (performance.now() - started) / 1000;
  let cpu = Number.NaN;
  let rss = Number.NaN;
  if (timed && existsSync(report)) {
    const fields = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    cpu = fields[1]! + fields[2]!;
    rss = fields[3]! / 1024;
    rmSync(report, { force: true });
  }
  const timedOut = out.error !== undefined && (out.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  return { status: out.status, stdout: out.stdout ?? '', stderr: out.stderr ?? '', timedOut, wallSeconds: wall, cpuSeconds: cpu, peakRssMiB: rss };
}

/** The median of numbers (the lower middle one for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Waits (up to `maxWaitSeconds`) until the 1-minute load average is below `maxLoad`, so a
 * measurement on a shared machine starts in a quiet moment; returns the load it starts at.
 * The load average lags by its nature, so this lowers the noise rather than removing it.
 */
export function waitForQuiet(maxLoad: number, maxWaitSeconds: number): number {
  const started = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while ((loadavg()[0] ?? 0) >= maxLoad && Date.now() - started < maxWaitSeconds * 1000) Atomics.wait(pause, 0, 0, 5000);
  return loadavg()[0] ?? 0;
}
