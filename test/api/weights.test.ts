import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { errorPaths, expectProblem, startTestService, verifiedBatch, type TestService } from './harness.js';

let t: TestService;
let batchId: string;
beforeAll(async () => {
  t = await startTestService();
  batchId = await verifiedBatch(t);
});
afterAll(() => t.cleanup());

/** A profile that cares about distance only: a different optimum from the default's. */
const nearOnly = { ...defaultWeightProfile, name: 'near only', fit: { category: 0.1, skills: 0, distance: 10, continuity: 0, preference: 0 } };

describe('weight profiles', () => {
  it('has the shipped default as version 1', async () => {
    const def = await t.request('GET', '/v1/weights/default', { as: 'planner' });
    expect(def.body).toMatchObject({ version: 1, isDefault: true, profile: defaultWeightProfile });
    expect((await t.request('GET', '/v1/weights/1')).body.profile).toEqual(defaultWeightProfile);
  });

  it('creates immutable versions, lists them, and names every bad weight', async () => {
    const created = await t.request('POST', '/v1/weights', { as: 'analyst', body: nearOnly });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'near only', isDefault: false, version: expect.any(Number) });
    expect(created.body.version).toBeGreaterThan(1);
    const list = await t.request('GET', '/v1/weights?limit=500');
    expect(list.body.items.map((w: any) => w.version)).toContain(created.body.version);
    const bad = { ...nearOnly, fit: { ...nearOnly.fit, distance: -1 }, spread: 'lots', extra: 1 };
    expect(errorPaths(await t.request('POST', '/v1/weights', { as: 'analyst', body: bad })).sort()).toEqual(['extra', 'fit.distance', 'spread']);
    expectProblem(await t.request('GET', '/v1/weights/999'), 404);
  });

  it('adopts a version as the default, which runs then use', async () => {
    const created = (await t.request('POST', '/v1/weights', { as: 'analyst', body: { ...nearOnly, name: 'adopted' } })).body;
    expectProblem(await t.request('PUT', '/v1/weights/default', { as: 'analyst', body: { version: 999 } }), 404);
    const adopted = await t.request('PUT', '/v1/weights/default', { as: 'analyst', body: { version: created.version } });
    expect(adopted.body).toMatchObject({ version: created.version, isDefault: true });
    const run = await t.request('POST', '/v1/runs', { as: 'analyst', body: { batchIds: [batchId] } });
    expect(run.body.run.weightProfileVersion).toBe(created.version);
    await t.request('PUT', '/v1/weights/default', { as: 'admin', body: { version: 1 } });
  });
});

describe('what-if', () => {
  it('solves under two profiles side by side without storing runs', async () => {
    const candidate = (await t.request('POST', '/v1/weights', { as: 'analyst', body: nearOnly })).body.version;
    const runsBefore = (await t.request('GET', '/v1/runs?limit=1')).body.total;
    const answer = await t.request('POST', '/v1/what-if', { as: 'analyst', body: { batchIds: [batchId], candidate } });
    expect(answer.status).toBe(200);
    const { baseline, candidate: cand, differences, delta } = answer.body;
    expect(baseline.weightProfile.version).toBe(1);
    expect(cand.weightProfile.version).toBe(candidate);
    // The diff agrees with the two sides it compares.
    expect(differences.summary.valueBefore).toBeCloseTo(baseline.totals.totalValue, 6);
    expect(differences.summary.valueAfter).toBeCloseTo(cand.totals.totalValue, 6);
    expect(baseline.totals.pairings + differences.summary.added - differences.summary.removed).toBe(cand.totals.pairings);
    expect(delta.pairings).toBe(cand.totals.pairings - baseline.totals.pairings);
    expect((await t.request('GET', '/v1/runs?limit=1')).body.total).toBe(runsBefore);

    // The same profile against itself differs in nothing.
    const same = await t.request('POST', '/v1/what-if', { as: 'official', body: { batchIds: [batchId], baseline: 1, candidate: 1 } });
    expect(same.body.differences.summary).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });

  it('stores both runs when asked', async () => {
    const answer = await t.request('POST', '/v1/what-if', { as: 'analyst', body: { batchIds: [batchId], candidate: 1, store: true } });
    for (const side of [answer.body.baseline, answer.body.candidate]) {
      const run = await t.request('GET', `/v1/runs/${side.runId}`);
      expect(run.body).toMatchObject({ kind: 'what-if', status: 'succeeded' });
      expect(run.body.totals.pairings).toBe(side.totals.pairings);
    }
  });

  it('refuses a planner and an unknown profile', async () => {
    expectProblem(await t.request('POST', '/v1/what-if', { as: 'planner', body: { batchIds: [batchId], candidate: 1 } }), 403);
    expect(errorPaths(await t.request('POST', '/v1/what-if', { as: 'analyst', body: { batchIds: [batchId], candidate: 404 } }))).toEqual(['candidate']);
  });
});
