/**
 * The hottest reads (a run's page of pairings, one pairing) are served by the lean dispatch from
 * rendered pages. They must answer exactly as express does, show a decision at the very next read
 * (with a new ETag), refuse a revoked key at once, and be logged and counted like any request.
 * Express is made to answer the same request by a trailing slash or a conditional header, which
 * the lean dispatch leaves to it.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, send, startTestService, verifiedBatch, type TestService } from './harness.js';

let t: TestService;
let runId: string;
const logLines: any[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });
  t = await startTestService({ service: { logger: pino({ level: 'info' }, sink) } });
  const batchId = await verifiedBatch(t);
  const run = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
  expect(run.status).toBe(201);
  runId = run.body.run.id;
});
afterAll(() => t.cleanup());

const page = (query = 'limit=5', headers: Record<string, string> = {}, as = 'analyst') =>
  t.request('GET', `/v1/runs/${runId}/pairings?${query}`, { as, headers });

/**
 * A revalidation as a browser sends it. fetch() would add `Cache-Control: no-cache` to a request
 * with If-None-Match, which tells the server to send the page anyway; a given one stops that.
 */
const ifNoneMatch = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

/** The headers a client can tell apart (not the date or the request id). */
const headersOf = (h: Headers) => ({ type: h.get('content-type'), length: h.get('content-length'), etag: h.get('etag') });

describe('the lean dispatch answers as express does', () => {
  it('gives the same bytes and headers for a page, and for one pairing', async () => {
    const lean = await fetch(`${t.url}/v1/runs/${runId}/pairings?limit=7&sort=value_asc`, { headers: { authorization: `Bearer ${t.keys.planner}` } });
    const viaExpress = await fetch(`${t.url}/v1/runs/${runId}/pairings/?limit=7&sort=value_asc`, { headers: { authorization: `Bearer ${t.keys.planner}` } });
    expect(lean.status).toBe(200);
    expect(viaExpress.status).toBe(200);
    expect(headersOf(lean.headers)).toEqual(headersOf(viaExpress.headers));
    expect(lean.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(lean.headers.get('x-request-id')).toBeTruthy();
    const text = await lean.text();
    expect(text).toBe(await viaExpress.text());
    const id = JSON.parse(text).items[0].id;
    const one = await t.request('GET', `/v1/pairings/${id}`);
    const oneViaExpress = await t.request('GET', `/v1/pairings/${id}/`);
    expect(one.body).toEqual(oneViaExpress.body);
    expect(headersOf(one.headers)).toEqual(headersOf(oneViaExpress.headers));
    expect(one.headers.get('etag')).toBe(`"v${one.body.version}"`);
  });

  it('leaves every refusal to express (401, 422, 404), and lets every role read', async () => {
    expectProblem(await page('limit=5', {}, 'none'), 401);
    expectProblem(await page('limit=5', {}, 'jd_not-a-key'), 401);
    const invalid = expectProblem(await page('limit=0&sort=nope'), 422);
    expect(invalid.errors.map((e: any) => e.path).sort()).toEqual(['limit', 'sort']);
    expectProblem(await page('limit=5&limit=6'), 422);
    expectProblem(await page('limit=5&colour=red'), 422);
    expectProblem(await t.request('GET', '/v1/runs/run_0000000000000000/pairings'), 404);
    expectProblem(await t.request('GET', '/v1/runs/not-a-run/pairings'), 422);
    expectProblem(await t.request('GET', '/v1/pairings/999999999'), 404);
    for (const role of ['planner', 'official', 'analyst', 'admin']) expect((await page('limit=1', {}, role)).status).toBe(200);
  });

  it('logs and counts a lean read like any other request', async () => {
    const metric = async () => {
      const text = (await t.request('GET', '/metrics', { as: 'none' })).body as string;
      const line = text.split('\n').find((l) => l.startsWith('jiedui_http_requests_total{') && l.includes('route="/v1/runs/:runId/pairings"') && l.includes('status="200"'));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    const before = await metric();
    const answer = await fetch(`${t.url}/v1/runs/${runId}/pairings?limit=2`, { headers: { authorization: `Bearer ${t.keys.official}`, 'x-request-id': 'lean-read-1' } });
    expect(answer.headers.get('x-request-id')).toBe('lean-read-1');
    await answer.text();
    expect(await metric()).toBe(before + 1);
    const logged = logLines.find((l) => l.requestId === 'lean-read-1');
    expect(logged).toMatchObject({ msg: 'request', method: 'GET', route: '/v1/runs/:runId/pairings', path: `/v1/runs/${runId}/pairings`, status: 200 });
    expect(logged.key).toMatch(/^key_/);
    expect(typeof logged.ms).toBe('number');
  });
});

describe('rendered pages stay fresh', () => {
  it('shows a decision at the next read, with a new ETag, and 304 only while unchanged', async () => {
    const first = await page('limit=3&sort=id');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"p[\w-]+"$/);
    expect((await page('limit=3&sort=id')).headers.get('etag')).toBe(etag); // from the cache
    const notModified = await page('limit=3&sort=id', ifNoneMatch(etag));
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBe('');

    const target = first.body.items[0];
    expect(target.status).toBe('proposed');
    const decided = await t.request('POST', `/v1/pairings/${target.id}/decision`, { as: 'official', body: { decision: 'approve', version: target.version } });
    expect(decided.status).toBe(200);

    const after = await page('limit=3&sort=id');
    expect(after.body.items[0]).toMatchObject({ id: target.id, status: 'approved', version: target.version + 1, decidedBy: expect.stringMatching(/^key_/) });
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await page('limit=3&sort=id', ifNoneMatch(etag))).status).toBe(200);
    expect((await page('limit=3&sort=id', ifNoneMatch(after.headers.get('etag')!))).status).toBe(304);
    // A filtered page and its total move too.
    const approved = await page('status=approved&sort=id');
    expect(approved.body.items.map((p: any) => p.id)).toContain(target.id);
    const one = await t.request('GET', `/v1/pairings/${target.id}`);
    expect(one.headers.get('etag')).toBe(`"v${target.version + 1}"`);
  });

  it('refuses a revoked key at the next read, though its reads were cached', async () => {
    const issued = await t.request('POST', '/v1/keys', { as: 'admin', body: { role: 'analyst', name: 'soon revoked' } });
    expect(issued.status).toBe(201);
    const read = () => send(t.url, { k: issued.body.key }, 'GET', `/v1/runs/${runId}/pairings?limit=2`, { as: 'k' });
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    expect((await t.request('DELETE', `/v1/keys/${issued.body.id}`, { as: 'admin' })).status).toBe(204);
    expectProblem(await read(), 401);
  });

  it('answers pages of several runs apart, and a decision in one leaves the other page as it was', async () => {
    const batchId = await verifiedBatch(t, 'b-');
    const other = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
    expect(other.status).toBe(201);
    const otherPage = () => t.request('GET', `/v1/runs/${other.body.run.id}/pairings?limit=4`);
    const before = await otherPage();
    expect(before.body.items.every((p: any) => p.runId === other.body.run.id)).toBe(true);
    const mine = await page('limit=1&status=proposed');
    const target = mine.body.items[0];
    await t.request('POST', `/v1/pairings/${target.id}/decision`, { as: 'official', body: { decision: 'reject', reason: 'too far', version: target.version } });
    const after = await otherPage();
    expect(after.body).toEqual(before.body);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
  });
});
