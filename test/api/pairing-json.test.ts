/**
 * Pages of pairings are written as JSON text around each pairing's stored detail (no decode and
 * re-encode); they must be exactly what encoding the decoded views gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageReply } from '../../src/api/schemas/common.js';
import { pairingView, pairingViewJson } from '../../src/api/views.js';
import { startTestService, verifiedBatch, type TestService } from './harness.js';

let t: TestService;
let runId: string;

beforeAll(async () => {
  t = await startTestService();
  const batchId = await verifiedBatch(t);
  const run = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
  expect(run.status).toBe(201);
  runId = run.body.run.id;
  // Some decided pairings, so that reasons, deciders and versions are not all null or 1.
  const first = run.body.pairings.items[0];
  await t.request('POST', `/v1/pairings/${first.id}/decision`, { as: 'official', body: { decision: 'reject', reason: '不合适 "quoted"\n', version: first.version } });
});
afterAll(() => t.cleanup());

describe('pages of pairings as JSON text', () => {
  const queries = [
    { sort: 'value_desc', limit: 20, offset: 0 },
    { sort: 'value_asc', limit: 3, offset: 2 },
    { sort: 'id', limit: 500, offset: 0 },
    { sort: 'id', limit: 5, offset: 10_000 },
  ] as const;

  it.each(queries)('answers %o exactly as encoding the decoded views would', async (q) => {
    const response = await fetch(`${t.url}/v1/runs/${runId}/pairings?sort=${q.sort}&limit=${q.limit}&offset=${q.offset}`, {
      headers: { authorization: `Bearer ${t.keys.analyst}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const page = await t.service.deps.store.read.pairings.list(runId, {}, q.sort, q);
    const expected = JSON.stringify(pageReply({ items: page.items.map(pairingView), total: page.total }, q));
    expect(await response.text()).toBe(expected);
  });

  it('filters the same way as the decoded list', async () => {
    const answer = await t.request('GET', `/v1/runs/${runId}/pairings?status=rejected`, { as: 'analyst' });
    const page = await t.service.deps.store.read.pairings.list(runId, { status: 'rejected' }, 'value_desc', { limit: 50, offset: 0 });
    expect(answer.body.total).toBe(1);
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(pageReply({ items: page.items.map(pairingView), total: page.total }, { limit: 50, offset: 0 }))));
  });

  it('decodes a detail it does not recognise instead of splicing it', async () => {
    const [raw] = (await t.service.deps.store.read.pairings.listRaw(runId, {}, 'id', { limit: 1, offset: 0 })).items;
    const detail = JSON.parse(raw!.detailJson);
    const reordered = { ...raw!, detailJson: JSON.stringify({ alternates: detail.alternates, score: detail.score }) };
    expect(pairingViewJson(reordered)).toBe(JSON.stringify(pairingView({ ...raw!, score: detail.score, alternates: detail.alternates })));
  });
});
