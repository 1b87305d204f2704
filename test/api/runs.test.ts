import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, exampleBatch, expectProblem, startTestService, verifiedBatch, waitForRun, type TestService } from './harness.js';

let t: TestService;
let batchId: string;
let run: any;
beforeAll(async () => {
  // Runs of more than 30 needs (the example batch has 12) go to the background queue.
  t = await startTestService({ config: { asyncRunNeeds: 30 } });
  batchId = await verifiedBatch(t);
  const answer = await t.request('POST', '/v1/runs', { as: 'analyst', body: { batchIds: [batchId] } });
  expect(answer.status).toBe(201);
  run = answer.body;
});
afterAll(() => t.cleanup());

const allPairings = async (runId: string) => (await t.request('GET', `/v1/runs/${runId}/pairings?limit=500&sort=id`)).body.items as any[];

describe('a small run', () => {
  it('answers 201 with the run, its statistics and the first page of pairings', () => {
    expect(run.run).toMatchObject({
      status: 'succeeded', kind: 'solve', batchIds: [batchId], weightProfileVersion: 1, mode: 'flow',
      solverVersion: expect.stringMatching(/^jiedui@/), inputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(run.statistics.totals.pairings).toBe(run.pairings.total);
    expect(run.pairings.items.length).toBeGreaterThan(0);
    expect(run.statistics.solve.gap).toBe(0);
  });

  it('pairs only the needs and offers of the batch, never beyond a need or an offer', async () => {
    const batch = exampleBatch();
    const pairings = await allPairings(run.run.id);
    const offers = (await t.request('GET', `/v1/batches/${batchId}/offers?limit=500`)).body.items as any[];
    const needs = (await t.request('GET', `/v1/batches/${batchId}/needs?limit=500`)).body.items as any[];
    const demand = new Map(needs.map((n) => [n.id, n.need.quantity]));
    const capacity = new Map(offers.map((o) => [o.id, o.capacity]));
    const byNeed = new Map<string, number>();
    const byOffer = new Map<string, number>();
    for (const p of pairings) {
      expect(demand.has(p.need) && capacity.has(p.offer)).toBe(true);
      byNeed.set(p.need, (byNeed.get(p.need) ?? 0) + p.amount);
      byOffer.set(p.offer, (byOffer.get(p.offer) ?? 0) + p.amount);
    }
    for (const [need, got] of byNeed) expect(got).toBeLessThanOrEqual(demand.get(need));
    for (const [offer, used] of byOffer) expect(used).toBeLessThanOrEqual(capacity.get(offer));
    // Every need is either fully paired or listed as unmet, with a reason.
    const unmet = (await t.request('GET', `/v1/runs/${run.run.id}/unmet?limit=500`)).body.items as any[];
    for (const n of batch.needs) {
      const missing = unmet.find((u) => u.need === n.id);
      if (missing) expect(typeof missing.reason.code).toBe('string');
      else expect(byNeed.get(n.id)).toBe(demand.get(n.id));
    }
  });

  it('filters, sorts and pages pairings', async () => {
    const pairings = await allPairings(run.run.id);
    const byValue = (await t.request('GET', `/v1/runs/${run.run.id}/pairings?limit=500`)).body.items.map((p: any) => p.value);
    expect(byValue).toEqual([...byValue].sort((a: number, b: number) => b - a));
    const ascending = (await t.request('GET', `/v1/runs/${run.run.id}/pairings?sort=value_asc&limit=500`)).body.items.map((p: any) => p.value);
    expect(ascending).toEqual([...byValue].reverse());
    const first = pairings[0];
    for (const field of ['district', 'category', 'providerKind', 'community'] as const) {
      const filtered = await t.request('GET', `/v1/runs/${run.run.id}/pairings?${field}=${encodeURIComponent(first[field])}&limit=500`);
      expect(filtered.body.total).toBe(pairings.filter((p) => p[field] === first[field]).length);
    }
    const page1 = await t.request('GET', `/v1/runs/${run.run.id}/pairings?limit=2&sort=id`);
    const page2 = await t.request('GET', `/v1/runs/${run.run.id}/pairings?limit=2&offset=2&sort=id`);
    expect([...page1.body.items, ...page2.body.items].map((p: any) => p.id)).toEqual(pairings.slice(0, 4).map((p) => p.id));
    expect((await t.request('GET', `/v1/runs/${run.run.id}/pairings?status=approved`)).body.total).toBe(0);
  });

  it('gives statistics, the transport/v1 model, and itself in the run list', async () => {
    const stats = await t.request('GET', `/v1/runs/${run.run.id}/statistics`, { as: 'planner' });
    expect(stats.body.review).toEqual({ proposed: run.pairings.total, approved: 0, rejected: 0 });
    expect(stats.body.coverage.total.needs).toBe(exampleBatch().needs.length);
    const model = await t.request('GET', `/v1/runs/${run.run.id}/model`, { as: 'analyst' });
    expect(model.body.format).toBe('transport/v1');
    const E = model.body.edges.offer.length;
    for (const key of ['need', 'weight', 'cap']) expect(model.body.edges[key]).toHaveLength(E);
    expect(model.body.needs.id.length).toBe(exampleBatch().needs.length);
    const list = await t.request('GET', '/v1/runs?status=succeeded&kind=solve');
    expect(list.body.items.map((r: any) => r.id)).toContain(run.run.id);
  });

  it('reproduces a stored run from its inputs: same input hash, same pairings', async () => {
    const replay = await t.request('POST', `/v1/runs/${run.run.id}/replay`, { as: 'analyst', body: {} });
    expect(replay.status).toBe(201);
    expect(replay.body.run).toMatchObject({ kind: 'replay', parentRunId: run.run.id, inputHash: run.run.inputHash, weightProfileVersion: 1 });
    expect(replay.body.reproduced).toMatchObject({ samePairings: true, sameInput: true });
    const strip = (ps: any[]) => ps.map(({ need, offer, amount, value }) => ({ need, offer, amount, value }));
    expect(strip(await allPairings(replay.body.run.id))).toEqual(strip(await allPairings(run.run.id)));
    const diff = await t.request('GET', `/v1/runs/${replay.body.run.id}/diff?against=${run.run.id}`);
    expect(diff.body.summary).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: run.pairings.total });
  });
});

describe('what goes into a run', () => {
  it('pools verified needs only', async () => {
    const submitted = (await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch('u-') })).body.id;
    expect(errorPaths(await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [submitted] } }))).toEqual(['batchIds']);
    const needs = exampleBatch('u-').needs.map((n: any) => n.id);
    const chosen = needs.slice(0, 4);
    await t.request('POST', `/v1/batches/${submitted}/verifications`, { as: 'official', body: { decisions: chosen.map((need: string) => ({ need, decision: 'verify' })) } });
    const answer = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [submitted] } });
    expect(answer.status).toBe(201);
    expect(answer.body.statistics.coverage.total.needs).toBe(chosen.length);
    const paired = new Set((await allPairings(answer.body.run.id)).map((p) => p.need));
    for (const need of paired) expect(chosen).toContain(need);
  });

  it('refuses unknown batches, unknown weight versions, and batches that share need ids', async () => {
    expectProblem(await t.request('POST', '/v1/runs', { body: { batchIds: ['bat_0000000000000000'] } }), 404);
    expect(errorPaths(await t.request('POST', '/v1/runs', { body: { batchIds: [batchId], weightProfile: 999 } }))).toEqual(['weightProfile']);
    const twin = await verifiedBatch(t);
    const clash = await t.request('POST', '/v1/runs', { body: { batchIds: [batchId, twin] } });
    expect(expectProblem(clash, 422).errors.every((e: any) => e.code === 'duplicate_id')).toBe(true);
  });

  it('solves two batches together when their ids differ', async () => {
    const other = await verifiedBatch(t, 'b2-');
    const answer = await t.request('POST', '/v1/runs', { body: { batchIds: [batchId, other] } });
    expect(answer.status).toBe(201);
    expect(answer.body.statistics.coverage.total.needs).toBe(2 * exampleBatch().needs.length);
  });
});

describe('large runs', () => {
  it('answer 202 and are solved in the background, with progress on GET', async () => {
    const others = [await verifiedBatch(t, 'big-'), await verifiedBatch(t, 'big2-')];
    const answer = await t.request('POST', '/v1/runs', { body: { batchIds: [batchId, ...others] } });
    expect(answer.status).toBe(202);
    expect(answer.headers.get('location')).toBe(`/v1/runs/${answer.body.run.id}`);
    expect(['queued', 'running', 'succeeded']).toContain(answer.body.run.status);
    const done = await waitForRun(t, answer.body.run.id);
    expect(done.status).toBe('succeeded');
    expect(done.progress.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(done.totals.pairings).toBeGreaterThan(0);
    expect((await t.request('GET', `/v1/runs/${done.id}/pairings`)).body.total).toBe(done.totals.pairings);
  });

  it('can be asked for explicitly, and answer 409 for results until finished', async () => {
    const answer = await t.request('POST', '/v1/runs', { body: { batchIds: [batchId], background: true } });
    expect(answer.status).toBe(202);
    const early = await t.request('GET', `/v1/runs/${answer.body.run.id}/statistics`);
    if (early.status !== 200) expect(expectProblem(early, 409).runStatus).toMatch(/queued|running/);
    expect((await waitForRun(t, answer.body.run.id)).status).toBe('succeeded');
  });
});
