/** A small JSON client for setting up the benchmark (not for load: autocannon does that). */

export interface ApiAnswer {
  readonly status: number;
  readonly text: string;
  // The benchmark reads a few known fields of the answers.
  readonly body: any;
  readonly ms: number;
}

export type Api = (method: string, path: string, body?: unknown) => Promise<ApiAnswer>;

/** Requests against `url` with `key`; a string body is sent as is (already JSON). */
export function apiClient(url: string, key: string): Api {
  return async (method, path, body) => {
    const started = performance.now();
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(`${url}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await response.text();
    const ms = performance.now() - started;
    return { status: response.status, text, body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text, ms };
  };
}

/** Throws unless the answer has this status (the benchmark must not measure failures as speed). */
export function expectStatus(answer: ApiAnswer, status: number, what: string): ApiAnswer {
  if (answer.status !== status) throw new Error(`bench: ${what} answered ${answer.status}, expected ${status}: ${answer.text.slice(0, 500)}`);
  return answer;
}

/** Every pairing (id, version) of a run, page by page. */
export async function allPairings(api: Api, runId: string): Promise<{ id: number; version: number }[]> {
  const out: { id: number; version: number }[] = [];
  for (let offset = 0; ; ) {
    const page = expectStatus(await api('GET', `/v1/runs/${runId}/pairings?sort=id&limit=500&offset=${offset}`), 200, 'list pairings').body;
    for (const p of page.items as { id: number; version: number }[]) out.push({ id: p.id, version: p.version });
    if (page.nextOffset === null) return out;
    offset = page.nextOffset as number;
  }
}

/** Polls a run until it leaves queued/running; returns its final view. */
export async function waitForRun(api: Api, runId: string, timeoutMs: number, pollMs = 250): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = expectStatus(await api('GET', `/v1/runs/${runId}`), 200, 'get run').body;
    if (run.status !== 'queued' && run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`bench: run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * The service's longest event-loop delay (ms) since the last call: read from /metrics, which
 * starts it over at each scrape. What a request arriving at the worst moment waited, whatever
 * blocked the loop.
 */
export async function longestStallMs(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = /^jiedui_event_loop_delay_max_seconds (\S+)$/m.exec(text);
  return match ? Number(match[1]) * 1000 : Number.NaN;
}
