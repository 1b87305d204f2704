/**
 * Background runs store a result prepared in the solve worker (rows as JSON text); a run solved
 * in the request stores the result object. Both must store the same thing, approvals carried by a
 * re-solve included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, verifiedBatch, waitForRun, type TestService } from './harness.js';

let t: TestService;
let batchId: string;

beforeAll(async () => {
  t = await startTestService();
  batchId = await verifiedBatch(t);
});
afterAll(() => t.cleanup());

async function stored(runId: string) {
  const store = t.service.deps.store.read;
  const pairings = (await store.pairings.all(runId)).map(({ id: _id, runId: _run, version: _v, ...rest }) => rest);
  const unmet = (await store.unmet.list(runId, {}, { limit: 500, offset: 0 })).items.map(({ runId: _run, ...rest }) => rest);
  const run = await store.runs.get(runId);
  return { pairings, unmet, summary: run?.summary };
}

async function background(path: string, body: Record<string, unknown>): Promise<string> {
  const queued = await t.request('POST', path, { as: 'official', body: { ...body, background: true } });
  expect(queued.status).toBe(202);
  expect((await waitForRun(t, queued.body.run.id)).status).toBe('succeeded');
  return queued.body.run.id;
}

describe('a run solved in the background', () => {
  it('stores the same pairings, unmet needs and summary as one solved in the request', async () => {
    const now = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
    expect(now.status).toBe(201);
    const later = await background('/v1/runs', { batchIds: [batchId] });
    const [a, b] = [await stored(now.body.run.id), await stored(later)];
    expect(b.pairings.length).toBeGreaterThan(0);
    expect(b.pairings).toEqual(a.pairings);
    expect(b.unmet).toEqual(a.unmet);
    expect({ ...b.summary, solve: undefined }).toEqual({ ...a.summary, solve: undefined }); // timings differ
  });

  it('carries approvals into a background re-solve as a re-solve in the request does', async () => {
    const run = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
    const [first, second] = run.body.pairings.items;
    await t.request('POST', `/v1/pairings/${first.id}/decision`, { as: 'official', body: { decision: 'approve', reason: '好', version: first.version } });
    await t.request('POST', `/v1/pairings/${second.id}/decision`, { as: 'official', body: { decision: 'reject', reason: '太远', version: second.version } });
    const now = await t.request('POST', `/v1/runs/${run.body.run.id}/resolve`, { as: 'official', body: {} });
    expect(now.status).toBe(201);
    const later = await background(`/v1/runs/${run.body.run.id}/resolve`, {});
    const [a, b] = [await stored(now.body.run.id), await stored(later)];
    expect(b.pairings).toEqual(a.pairings);
    const carried = b.pairings.find((p) => p.need === first.need && p.offer === first.offer);
    expect(carried).toMatchObject({ status: 'approved', locked: true, reason: '好' });
    expect(b.pairings.some((p) => p.need === second.need && p.offer === second.offer)).toBe(false);
  });
});
