/**
 * Test harness: the real service (startService) on a temp SQLite file and port 0, one API key
 * per role, and a small fetch wrapper. No mocks: requests go through real HTTP.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { expect } from 'vitest';
import { issueApiKey } from '../../src/api/api-keys.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startService, type Service, type ServiceOptions } from '../../src/main.js';
import { ROLES, SYSTEM_ACTOR, type Role } from '../../src/store/records.js';

export interface Answer<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly contentType: string;
}

export interface RequestOptions {
  readonly as?: Role | 'none' | string;
  readonly body?: unknown;
  /** Sent as is (for malformed JSON); wins over `body`. */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

export interface TestService {
  readonly service: Service;
  readonly url: string;
  readonly dir: string;
  readonly dbFile: string;
  readonly keys: Readonly<Record<Role, string>>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<Answer<T>>;
  /** Stops the service; the temp folder stays (for restart tests) until `cleanup`. */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export const EXAMPLE_BATCH = JSON.parse(readFileSync(new URL('../../data/example-batch.json', import.meta.url), 'utf8')) as Record<string, any>;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jiedui-api-'));
}

export async function createKeys(service: Service): Promise<Record<Role, string>> {
  const keys = {} as Record<Role, string>;
  const at = new Date().toISOString();
  for (const role of ROLES) {
    const issued = await service.deps.store.transaction((tx) => issueApiKey(tx, { role, name: `test ${role}`, at, by: SYSTEM_ACTOR }));
    keys[role] = issued.secret;
  }
  return keys;
}

export async function send<T>(url: string, keys: Readonly<Record<string, string>>, method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const as = options.as ?? 'admin';
  if (as !== 'none') headers['authorization'] ??= `Bearer ${keys[as] ?? as}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (contentType.includes('json') && text !== '') parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed as T, contentType };
}

/** Starts the service on a fresh (or given) folder. */
export async function startTestService(
  options: { dir?: string; config?: Partial<Config>; service?: ServiceOptions; keys?: Record<Role, string> } = {},
): Promise<TestService> {
  const dir = options.dir ?? tempDir();
  const dbFile = join(dir, 'jiedui.db');
  const config = loadConfig({}, { port: 0, host: '127.0.0.1', dbFile, logLevel: 'silent', solveWorkers: 1, ...options.config });
  const service = await startService(config, { logger: pino({ level: 'silent' }), ...options.service });
  const keys = options.keys ?? (await createKeys(service));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await service.close();
  };
  return {
    service,
    url: service.url,
    dir,
    dbFile,
    keys,
    request: (method, path, requestOptions) => send(service.url, keys, method, path, requestOptions),
    stop,
    async cleanup() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A copy of the example batch, with its ids prefixed so that several can be solved together. */
export function exampleBatch(prefix = ''): Record<string, any> {
  const batch = structuredClone(EXAMPLE_BATCH);
  if (prefix === '') return batch;
  const p = (id: string) => `${prefix}${id}`;
  for (const n of batch['needs']) n.id = p(n.id);
  for (const o of batch['offers']) o.id = p(o.id);
  for (const pp of batch['previousPairings'] ?? []) {
    pp.need = p(pp.need);
    pp.offer = p(pp.offer);
  }
  return batch;
}

/** Submits the example batch pre-verified (as an official) and returns its id. */
export async function verifiedBatch(t: TestService, prefix = ''): Promise<string> {
  const answer = await t.request('POST', '/v1/batches?verified=true', { as: 'official', body: exampleBatch(prefix) });
  if (answer.status !== 201) throw new Error(`test harness: batch not stored (${answer.status}): ${JSON.stringify(answer.body)}`);
  return answer.body.id as string;
}

/** Polls a run until it leaves queued/running. */
export async function waitForRun(t: TestService, runId: string, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await t.request('GET', `/v1/runs/${runId}`);
    if (answer.body.status !== 'queued' && answer.body.status !== 'running') return answer.body;
    if (Date.now() > deadline) throw new Error(`test harness: run ${runId} still ${answer.body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Asserts an RFC 9457 answer with this status; returns its body. */
export function expectProblem(answer: Answer, status: number): any {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { status } });
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(typeof answer.body.type).toBe('string');
  expect(typeof answer.body.title).toBe('string');
  return answer.body;
}

/** The `path`s of a 422 answer's errors. */
export function errorPaths(answer: Answer): string[] {
  return (expectProblem(answer, 422).errors as { path: string }[]).map((e) => e.path);
}
