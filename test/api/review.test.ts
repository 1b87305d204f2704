import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem, startTestService, verifiedBatch, type TestService } from './harness.js';

let t: TestService;
let batchId: string;
beforeAll(async () => {
  t = await startTestService();
  batchId = await verifiedBatch(t);
});
afterAll(() => t.cleanup());

async function newRun(): Promise<{ id: string; pairings: any[] }> {
  const answer = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
  expect(answer.status).toBe(201);
  const all = await t.request('GET', `/v1/runs/${answer.body.run.id}/pairings?limit=500&sort=id`);
  return { id: answer.body.run.id, pairings: all.body.items };
}

const decide = (id: number, body: unknown, headers: Record<string, string> = {}) =>
  t.request('POST', `/v1/pairings/${id}/decision`, { as: 'official', body, headers });

describe('decisions', () => {
  it('approve and reject (with a reason), each bumping the version and the ETag', async () => {
    const { pairings } = await newRun();
    const [a, b] = pairings;
    const shown = await t.request('GET', `/v1/pairings/${a.id}`, { as: 'planner' });
    expect(shown.headers.get('etag')).toBe('"v1"');
    expect(shown.body.alternates.length).toBeLessThanOrEqual(3);
    const approved = await decide(a.id, { decision: 'approve', version: 1 });
    expect(approved.body).toMatchObject({ status: 'approved', version: 2 });
    expect(approved.headers.get('etag')).toBe('"v2"');
    expect(errorPaths(await decide(b.id, { decision: 'reject', version: 1 }))).toEqual(['reason']);
    const rejected = await decide(b.id, { decision: 'reject', reason: '资源方时间冲突' }, { 'If-Match': '"v1"' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '资源方时间冲突', version: 2 });
  });

  it('refuses a stale version with 409 and the current state, and asks for a version when none is sent', async () => {
    const { pairings } = await newRun();
    const p = pairings[0];
    await decide(p.id, { decision: 'approve', version: 1 });
    const stale = expectProblem(await decide(p.id, { decision: 'reject', reason: 'x', version: 1 }), 409);
    expect(stale).toMatchObject({ currentVersion: 2, currentStatus: 'approved' });
    expectProblem(await decide(p.id, { decision: 'approve' }), 428);
    expect(errorPaths(await decide(p.id, { decision: 'approve' }, { 'If-Match': 'garbage' }))).toEqual(['If-Match']);
    expectProblem(await decide(99_999_999, { decision: 'approve', version: 1 }), 404);
    expect((await t.request('GET', `/v1/pairings/${p.id}`)).body.status).toBe('approved');
  });

  it('lets exactly one of two concurrent decisions on the same version win', async () => {
    const { pairings } = await newRun();
    for (const p of pairings.slice(0, 4)) {
      const answers = await Promise.all([
        decide(p.id, { decision: 'approve', version: 1 }),
        decide(p.id, { decision: 'reject', reason: 'race', version: 1 }),
      ]);
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 409]);
      const winner = answers.find((a) => a.status === 200)!;
      const now = await t.request('GET', `/v1/pairings/${p.id}`);
      expect(now.body).toMatchObject({ status: winner.body.status, version: 2 });
    }
  });

  it('decides in bulk all or nothing', async () => {
    const { pairings } = await newRun();
    const [a, b, c] = pairings;
    await decide(c.id, { decision: 'approve', version: 1 });
    const refused = await t.request('POST', '/v1/pairings/decisions', {
      as: 'official',
      body: { decisions: [{ pairing: a.id, decision: 'approve', version: 1 }, { pairing: c.id, decision: 'approve', version: 1 }] },
    });
    expect(expectProblem(refused, 409).conflicts).toEqual([expect.objectContaining({ index: 1, pairing: c.id, currentVersion: 2 })]);
    expect((await t.request('GET', `/v1/pairings/${a.id}`)).body.status).toBe('proposed');
    const ok = await t.request('POST', '/v1/pairings/decisions', {
      as: 'official',
      body: { decisions: [{ pairing: a.id, decision: 'approve', version: 1 }, { pairing: b.id, decision: 'reject', reason: 'too far', version: 1 }] },
    });
    expect(ok.body.items.map((p: any) => p.status)).toEqual(['approved', 'rejected']);
  });
});

describe('re-solve after review', () => {
  it('keeps approvals, drops rejections, says what moved, and keeps forbidding earlier rejections', async () => {
    const first = await newRun();
    const multi = first.pairings.find((p) => first.pairings.filter((q) => q.need === p.need).length === 1)!;
    const approved = first.pairings.filter((p) => p.id !== multi.id).slice(0, 2);
    for (const p of approved) await decide(p.id, { decision: 'approve', version: 1, reason: 'ok' });
    await decide(multi.id, { decision: 'reject', reason: '需求方不接受', version: 1 });

    const resolved = await t.request('POST', `/v1/runs/${first.id}/resolve`, { as: 'official', body: {} });
    expect(resolved.status).toBe(201);
    expect(resolved.body.run).toMatchObject({ kind: 'resolve', parentRunId: first.id, inputHash: expect.any(String) });
    const second = (await t.request('GET', `/v1/runs/${resolved.body.run.id}/pairings?limit=500&sort=id`)).body.items as any[];
    for (const a of approved) {
      expect(second).toContainEqual(expect.objectContaining({ need: a.need, offer: a.offer, amount: a.amount, status: 'approved', locked: true, reason: 'ok' }));
    }
    expect(second.find((p) => p.need === multi.need && p.offer === multi.offer)).toBeUndefined();
    const diff = resolved.body.diff;
    expect(diff.removed).toContainEqual(expect.objectContaining({ need: multi.need, offer: multi.offer, reason: { code: 'rejected' } }));
    expect(diff.summary.removedBy.rejected).toBe(1);
    // What moved besides the rejection is counted and each removal says why.
    expect(diff.summary.moved).toBe(diff.summary.removed - 1 + diff.summary.changed);
    for (const r of diff.removed) expect(['rejected', 'need_reassigned', 'capacity_reassigned', 'dropped']).toContain(r.reason.code);
    const sameDiff = await t.request('GET', `/v1/runs/${resolved.body.run.id}/diff?against=${first.id}`);
    expect(sameDiff.body.summary).toEqual(diff.summary);

    // A second round: the first rejection stays forbidden even though nobody rejected it again.
    const again = await t.request('POST', `/v1/runs/${resolved.body.run.id}/resolve`, { as: 'official', body: { stabilityWeight: 0 } });
    const third = (await t.request('GET', `/v1/runs/${again.body.run.id}/pairings?limit=500`)).body.items as any[];
    expect(third.find((p) => p.need === multi.need && p.offer === multi.offer)).toBeUndefined();
    for (const a of approved) expect(third).toContainEqual(expect.objectContaining({ need: a.need, offer: a.offer, status: 'approved' }));
  });

  it('moves nothing when nothing was decided', async () => {
    const first = await newRun();
    const resolved = await t.request('POST', `/v1/runs/${first.id}/resolve`, { as: 'admin', body: {} });
    expect(resolved.body.diff.summary).toMatchObject({ added: 0, removed: 0, changed: 0, moved: 0 });
  });

  it('answers 404 for a run that does not exist', async () => {
    expectProblem(await t.request('POST', '/v1/runs/run_0000000000000000/resolve', { as: 'official', body: {} }), 404);
  });
});
