import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, exampleBatch, expectProblem, send, startTestService, verifiedBatch, type TestService } from './harness.js';

let t: TestService;
let batchId: string;
let runId: string;
let pairingId: number;
beforeAll(async () => {
  t = await startTestService({ config: { bodyLimitBytes: 64 * 1024 } });
  batchId = await verifiedBatch(t);
  const run = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
  runId = run.body.run.id;
  pairingId = run.body.pairings.items[0].id;
});
afterAll(() => t.cleanup());

describe('authentication', () => {
  it('answers 401 with a challenge without a key or with a wrong one', async () => {
    for (const as of ['none', 'jd_not-a-key']) {
      const answer = await t.request('GET', '/v1/batches', { as });
      expectProblem(answer, 401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expectProblem(await t.request('GET', '/v1/batches', { as: 'none', headers: { authorization: 'Basic abc' } }), 401);
  });

  it('accepts X-API-Key, and stops accepting a revoked key', async () => {
    const created = await t.request('POST', '/v1/keys', { body: { role: 'planner', name: 'temp' } });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect((await t.request('GET', '/v1/batches', { as: 'none', headers: { 'x-api-key': key } })).status).toBe(200);
    const listed = await t.request('GET', '/v1/keys');
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect((await t.request('DELETE', `/v1/keys/${created.body.id}`)).status).toBe(204);
    expectProblem(await t.request('GET', '/v1/batches', { as: 'none', headers: { 'x-api-key': key } }), 401);
    expectProblem(await t.request('DELETE', `/v1/keys/${created.body.id}`), 404);
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 400', async () => {
    expectProblem(await t.request('POST', '/v1/batches', { as: 'planner', raw: '{"needs": [' }), 400);
    expectProblem(await t.request('POST', '/v1/runs', { raw: 'nope' }), 400);
  });

  it('answers a body over the limit with 413', async () => {
    const big = exampleBatch();
    big.name = 'x'.repeat(70 * 1024);
    expectProblem(await t.request('POST', '/v1/batches', { as: 'planner', body: big }), 413);
  });

  it('answers a body that is not JSON with 415', async () => {
    expectProblem(await t.request('POST', '/v1/runs', { raw: 'batchIds=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  });

  it('answers unknown routes with 404 and known paths with another method with 405', async () => {
    expectProblem(await t.request('GET', '/v1/nothing-here'), 404);
    expectProblem(await t.request('GET', '/no-such-page'), 404);
    const wrong = await t.request('DELETE', '/v1/batches');
    expectProblem(wrong, 405);
    expect(wrong.headers.get('allow')).toBe('POST, GET');
  });

  it('lists every invalid query parameter with its path, and suggests the nearest name', async () => {
    const answer = await t.request('GET', `/v1/runs/${runId}/pairings?limit=0&offset=-1&category=eldrly&sort=up&distrct=x`);
    const body = expectProblem(answer, 422);
    expect(errorPaths(answer).sort()).toEqual(['category', 'distrct', 'limit', 'offset', 'sort']);
    expect(body.errors.every((e: any) => e.in === 'query')).toBe(true);
    expect(body.errors.find((e: any) => e.path === 'distrct').hint).toContain('district');
    expect(body.errors.find((e: any) => e.path === 'category').hint).toContain('elderly');
  });

  it('rejects malformed path parameters', async () => {
    const answer = await t.request('GET', '/v1/runs/not-a-run');
    expect(errorPaths(answer)).toEqual(['runId']);
    expect(answer.body.errors[0].in).toBe('path');
    expect(errorPaths(await t.request('GET', '/v1/pairings/abc'))).toEqual(['pairingId']);
    expect(errorPaths(await t.request('GET', '/v1/weights/0'))).toEqual(['version']);
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const answer = await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch(), headers: { 'Idempotency-Key': 'x'.repeat(201) } });
    expect(errorPaths(answer)).toEqual(['Idempotency-Key']);
    expect(answer.body.errors[0].in).toBe('header');
  });

  it('lists every invalid body field at once', async () => {
    const answer = await t.request('POST', '/v1/runs', {
      body: { batchIds: ['bat_x', batchId, batchId], mode: 'greedy', options: { alternates: 99, extra: true }, weightProfile: 0 },
    });
    expect(errorPaths(answer).sort()).toEqual(['batchIds[0]', 'batchIds[2]', 'mode', 'options.alternates', 'options.extra', 'weightProfile']);
  });
});

describe('no 500 on garbage', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  const routes = () => [
    ['POST', '/v1/batches'],
    ['POST', '/v1/runs'],
    ['POST', '/v1/weights'],
    ['POST', '/v1/what-if'],
    ['POST', `/v1/pairings/${pairingId}/decision`],
    ['POST', '/v1/pairings/decisions'],
    ['POST', `/v1/runs/${runId}/resolve`],
    ['POST', `/v1/batches/${batchId}/verifications`],
    ['PUT', '/v1/weights/default'],
    ['POST', '/v1/keys'],
  ] as const;

  it('answers random JSON bodies with 2xx/4xx, and every error as problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes()), json, async ([method, path], body) => {
        const answer = await t.request(method, path, { raw: JSON.stringify(body) });
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.contentType).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 80, seed: 20250301 },
    );
  });

  it('answers random bytes, paths and queries without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.webSegment(), fc.webQueryParameters(), async (raw, segment, query) => {
        const body = await t.request('POST', '/v1/batches', { as: 'planner', raw });
        expect(body.status).toBeLessThan(500);
        const get = await send(t.url, t.keys, 'GET', `/v1/runs/${encodeURIComponent(segment)}/pairings?${query}`);
        expect(get.status).toBeLessThan(500);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
