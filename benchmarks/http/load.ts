/**
 * Load with autocannon (programmatic API) and the few numbers the benchmark reports. Every load
 * is bounded: by duration, by a number of requests, or stopped by the caller.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Answers outside 2xx plus socket errors and timeouts. */
  readonly failures: number;
  /** Server CPU time per request in µs, when the caller gave a CPU meter. */
  readonly cpuUs: number | undefined;
}

export interface LoadSpec {
  readonly url: string;
  readonly connections: number;
  readonly duration?: number;
  /** Stop after this many requests (instead of a duration). */
  readonly amount?: number;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Builds each request (path, body) in turn; see autocannon's `setupRequest`. */
  readonly setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
  readonly timeoutSeconds?: number;
  /** The server's CPU time so far in ms (see processCpuMs), to report CPU per request. */
  readonly cpuMs?: () => number;
}

type Instance = ReturnType<typeof autocannon> & PromiseLike<autocannon.Result>;

/**
 * autocannon reports its result at the next whole-second tick after the last request, and counts
 * that wait in its duration; req/s here is over the time from the start to the last response.
 */
function toLoadResult(r: autocannon.Result, cpuMs: number | undefined, seconds: number): LoadResult {
  const requests = r.requests.total;
  return {
    requests,
    seconds,
    rps: seconds > 0 ? requests / seconds : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    failures: r.non2xx + r.errors + r.timeouts,
    cpuUs: cpuMs === undefined || requests === 0 ? undefined : (cpuMs * 1000) / requests,
  };
}

function options(spec: LoadSpec): autocannon.Options {
  return {
    url: spec.url,
    connections: spec.connections,
    ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.duration ?? 10 }),
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    ...(spec.setupRequest ? { requests: [{ setupRequest: spec.setupRequest as never }] } : {}),
    timeout: spec.timeoutSeconds ?? 60,
  };
}

/** Starts autocannon and keeps the time of the last response (see toLoadResult). */
function launch(spec: LoadSpec) {
  const started = performance.now();
  let last = started;
  const instance = autocannon(options(spec)) as Instance;
  instance.on('response', () => {
    last = performance.now();
  });
  const done = new Promise<autocannon.Result>((resolve, reject) => instance.then(resolve, reject));
  return { instance, done, seconds: () => (last - started) / 1000 };
}

/** Runs one bounded load and waits for it. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const cpuBefore = spec.cpuMs?.();
  const run = launch(spec);
  const result = await run.done;
  // The CPU is read now, after autocannon's idle wait for its tick: the server did nothing then.
  return toLoadResult(result, cpuBefore === undefined ? undefined : spec.cpuMs!() - cpuBefore, run.seconds());
}

/** Starts a load that runs until `stop()` (or `maxSeconds`), for measuring reads during something else. */
export function startLoad(spec: LoadSpec & { maxSeconds: number }): { stop(): Promise<LoadResult> } {
  const cpuBefore = spec.cpuMs?.();
  const run = launch({ ...spec, duration: spec.maxSeconds });
  return {
    async stop() {
      run.instance.stop();
      const result = await run.done;
      return toLoadResult(result, cpuBefore === undefined ? undefined : spec.cpuMs!() - cpuBefore, run.seconds());
    },
  };
}

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The median of each number over several rounds of the same scenario. */
export function medianResult(rounds: readonly LoadResult[]): LoadResult {
  const m = (pick: (r: LoadResult) => number) => median(rounds.map(pick));
  return {
    requests: m((r) => r.requests),
    seconds: m((r) => r.seconds),
    rps: m((r) => r.rps),
    p50: m((r) => r.p50),
    p99: m((r) => r.p99),
    max: m((r) => r.max),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
    cpuUs: rounds.every((r) => r.cpuUs !== undefined) ? m((r) => r.cpuUs!) : undefined,
  };
}
