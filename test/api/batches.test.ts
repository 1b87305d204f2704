import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, exampleBatch, expectProblem, startTestService, type TestService } from './harness.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t.cleanup());

describe('POST /v1/batches', () => {
  it('stores a planner batch with every need submitted, normalised to canonical units', async () => {
    const answer = await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch() });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(`/v1/batches/${answer.body.id}`);
    const input = exampleBatch();
    expect(answer.body.counts).toEqual({ communities: input.communities.length, needs: input.needs.length, offers: input.offers.length });
    expect(answer.body.needStatus).toEqual({ submitted: input.needs.length, verified: 0, returned: 0 });
    const offers = await t.request('GET', `/v1/batches/${answer.body.id}/offers?limit=500`, { as: 'analyst' });
    const lawyers = offers.body.items.find((o: any) => o.id === 'o-lawyers-association');
    // 20 person-days in the input are 160 hours (8 h a day) once normalised.
    expect(lawyers).toMatchObject({ capacity: 160, unit: 'hour' });
  });

  it('lets officials submit pre-verified but not planners', async () => {
    expectProblem(await t.request('POST', '/v1/batches?verified=true', { as: 'planner', body: exampleBatch() }), 403);
    const answer = await t.request('POST', '/v1/batches?verified=true', { as: 'official', body: exampleBatch() });
    expect(answer.status).toBe(201);
    expect(answer.body.needStatus.verified).toBe(exampleBatch().needs.length);
  });

  it('replays the first answer for the same Idempotency-Key and body, refuses another body', async () => {
    const headers = { 'Idempotency-Key': 'planner-upload-1' };
    const first = await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch(), headers });
    const again = await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch(), headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = exampleBatch();
    other.name = 'another name';
    expectProblem(await t.request('POST', '/v1/batches', { as: 'planner', body: other, headers }), 409);
    const list = await t.request('GET', '/v1/batches?limit=500');
    expect(list.body.items.filter((b: any) => b.id === first.body.id)).toHaveLength(1);
    // The same key from another caller is a different request scope.
    const official = await t.request('POST', '/v1/batches', { as: 'official', body: other, headers });
    expect(official.status).toBe(201);
  });

  it('stores concurrent retries with one key once', async () => {
    const headers = { 'Idempotency-Key': 'concurrent-retry' };
    const before = (await t.request('GET', '/v1/batches?limit=1')).body.total;
    const answers = await Promise.all([1, 2, 3].map(() => t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch(), headers })));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await t.request('GET', '/v1/batches?limit=1')).body.total).toBe(before + 1);
  });

  it('names every bad value of a bad batch, and stores nothing', async () => {
    const before = (await t.request('GET', '/v1/batches?limit=1')).body.total;
    const bad = exampleBatch();
    bad.needs[0].category = 'eldrly';
    bad.needs[2].quantity = -3;
    bad.offers[1].community = 'x';
    bad.needs[3].community = 'no-such-community';
    const answer = await t.request('POST', '/v1/batches', { as: 'planner', body: bad });
    const paths = errorPaths(answer);
    expect(paths).toEqual(expect.arrayContaining(['needs[0].category', 'needs[2].quantity', 'offers[1].community', 'needs[3].community']));
    const category = answer.body.errors.find((e: any) => e.path === 'needs[0].category');
    expect(category).toMatchObject({ in: 'body', pointer: '/needs/0/category', code: 'invalid_enum' });
    expect(category.hint).toContain('elderly');
    expect((await t.request('GET', '/v1/batches?limit=1')).body.total).toBe(before);
  });
});

describe('reading batches and needs', () => {
  it('pages and filters batches', async () => {
    const all = await t.request('GET', '/v1/batches?limit=2');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.nextOffset).toBe(2);
    const second = await t.request('GET', '/v1/batches?limit=2&offset=2');
    const ids = [...all.body.items, ...second.body.items].map((b: any) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    const verified = await t.request('GET', '/v1/batches?status=verified&limit=500');
    expect(verified.body.items.every((b: any) => b.needStatus.verified > 0)).toBe(true);
    const none = await t.request('GET', '/v1/batches?district=nowhere');
    expect(none.body).toMatchObject({ items: [], total: 0, nextOffset: null });
  });

  it('lists needs by district, category and form', async () => {
    const batch = (await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch() })).body.id;
    const input = exampleBatch();
    const district = input.communities[0].district;
    const inDistrict = new Set(input.communities.filter((c: any) => c.district === district).map((c: any) => c.id));
    const expected = input.needs.filter((n: any) => inDistrict.has(n.community) && n.form === 'talent').map((n: any) => n.id);
    const answer = await t.request('GET', `/v1/batches/${batch}/needs?district=${encodeURIComponent(district)}&form=talent&limit=500`);
    expect(answer.body.items.map((n: any) => n.id).sort()).toEqual(expected.sort());
    const one = await t.request('GET', `/v1/batches/${batch}/needs/${input.needs[0].id}`, { as: 'planner' });
    expect(one.body).toMatchObject({ id: input.needs[0].id, status: 'submitted', batchId: batch });
    const global = await t.request('GET', `/v1/needs?batchId=${batch}&category=${input.needs[0].category}`);
    expect(global.body.items.every((n: any) => n.need.category === input.needs[0].category && n.batchId === batch)).toBe(true);
    const communities = await t.request('GET', `/v1/batches/${batch}/communities`);
    expect(communities.body.total).toBe(input.communities.length);
  });

  it('answers 404 for batches and needs that do not exist', async () => {
    expectProblem(await t.request('GET', '/v1/batches/bat_0000000000000000'), 404);
    expectProblem(await t.request('GET', '/v1/batches/bat_0000000000000000/needs'), 404);
    const batch = (await t.request('GET', '/v1/batches?limit=1')).body.items[0].id;
    expectProblem(await t.request('GET', `/v1/batches/${batch}/needs/nope`), 404);
  });
});

describe('need verification (点单—验单)', () => {
  it('verifies a need, returns another with a reason, and refuses to decide twice', async () => {
    const batch = (await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch() })).body.id;
    const [a, b] = exampleBatch().needs;
    const path = (id: string) => `/v1/batches/${batch}/needs/${id}/verification`;
    const verified = await t.request('POST', path(a.id), { as: 'official', body: { decision: 'verify' } });
    expect(verified.body).toMatchObject({ status: 'verified', reviewedBy: expect.stringMatching(/^key_/) });
    expect(errorPaths(await t.request('POST', path(b.id), { as: 'official', body: { decision: 'return' } }))).toEqual(['reason']);
    const returned = await t.request('POST', path(b.id), { as: 'official', body: { decision: 'return', reason: '数量不清楚' } });
    expect(returned.body).toMatchObject({ status: 'returned', statusReason: '数量不清楚' });
    const twice = expectProblem(await t.request('POST', path(a.id), { as: 'official', body: { decision: 'return', reason: 'x' } }), 409);
    expect(twice.currentStatus).toBe('verified');
    expectProblem(await t.request('POST', path(a.id), { as: 'planner', body: { decision: 'verify' } }), 403);
    expectProblem(await t.request('POST', path('nope'), { as: 'official', body: { decision: 'verify' } }), 404);
  });

  it('decides many needs all or nothing', async () => {
    const batch = (await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch() })).body.id;
    const needs = exampleBatch().needs.map((n: any) => n.id);
    const path = `/v1/batches/${batch}/verifications`;
    const bad = await t.request('POST', path, {
      as: 'official',
      body: { decisions: [{ need: needs[0], decision: 'verify' }, { need: 'ghost', decision: 'verify' }] },
    });
    expect(errorPaths(bad)).toEqual(['decisions[1].need']);
    const untouched = await t.request('GET', `/v1/batches/${batch}`);
    expect(untouched.body.needStatus.verified).toBe(0);
    const ok = await t.request('POST', path, { as: 'official', body: { decisions: needs.map((need: string) => ({ need, decision: 'verify' })) } });
    expect(ok.status).toBe(200);
    expect((await t.request('GET', `/v1/batches/${batch}`)).body.needStatus).toEqual({ submitted: 0, verified: needs.length, returned: 0 });
    const again = await t.request('POST', path, { as: 'official', body: { decisions: [{ need: needs[0], decision: 'verify' }] } });
    expect(expectProblem(again, 409).conflicts).toHaveLength(1);
  });
});
