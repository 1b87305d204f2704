import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { allRoutes } from '../../src/api/routes/index.js';
import { exampleBatch, startTestService, verifiedBatch, type TestService } from './harness.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t.cleanup());

describe('GET /healthz', () => {
  it('is ok without a key', async () => {
    const answer = await t.request('GET', '/healthz', { as: 'none' });
    expect(answer.body).toEqual({ status: 'ok', queueDepth: 0 });
  });
});

describe('GET /v1/openapi.json', () => {
  it('documents every route with its parameters, body and responses', async () => {
    const doc = (await t.request('GET', '/v1/openapi.json', { as: 'none' })).body;
    expect(doc.openapi).toBe('3.1.0');
    const routes = allRoutes({ settings: { bodyLimitBytes: 1, asyncRunNeeds: 1, solverVersion: 'x' } });
    const operationIds = new Set<string>();
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method];
      expect(op, `${r.method} ${path}`).toBeDefined();
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      operationIds.add(op.operationId);
      const declared = new Set(op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name));
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) expect(declared.has(name), `${path} declares ${name}`).toBe(true);
      if (r.body) expect(op.requestBody.content['application/json'].schema).toBeTypeOf('object');
      if (r.roles !== 'public') expect(op.responses['403']).toBeDefined();
    }
    expect(operationIds.size).toBe(routes.length);
    // Generated from the zod schemas: the batch body has the batch's fields, the weights body its features.
    const batchBody = doc.paths['/v1/batches'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(batchBody.properties)).toEqual(expect.arrayContaining(['communities', 'needs', 'offers']));
    const weightBody = doc.paths['/v1/weights'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(weightBody.properties.fit.properties).sort()).toEqual(Object.keys(defaultWeightProfile.fit).sort());
    const listParams = doc.paths['/v1/runs/{runId}/pairings'].get.parameters.map((p: any) => p.name);
    expect(listParams).toEqual(expect.arrayContaining(['runId', 'district', 'community', 'category', 'providerKind', 'status', 'sort', 'limit', 'offset']));
  });
});

function metricValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('counts requests by route and status, times them, and times solves', async () => {
    const batchId = await verifiedBatch(t);
    for (let i = 0; i < 3; i++) await t.request('GET', `/v1/batches/${batchId}`);
    await t.request('GET', '/v1/batches/bat_0000000000000000');
    await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
    const answer = await t.request('GET', '/metrics', { as: 'none' });
    expect(answer.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = answer.body as string;
    expect(metricValue(text, 'jiedui_http_requests_total', { route: '/v1/batches/:batchId', status: '200' })).toBe(3);
    expect(metricValue(text, 'jiedui_http_requests_total', { route: '/v1/batches/:batchId', status: '404' })).toBe(1);
    expect(metricValue(text, 'jiedui_http_request_duration_seconds_count', { route: '/v1/batches/:batchId' })).toBe(4);
    expect(metricValue(text, 'jiedui_solve_duration_seconds_count', { kind: 'solve', outcome: 'succeeded' })).toBe(1);
    expect(metricValue(text, 'jiedui_run_queue_depth', {})).toBe(0);
    // Histogram buckets are cumulative.
    const buckets = text.split('\n').filter((l) => l.startsWith('jiedui_http_request_duration_seconds_bucket{') && l.includes('route="/v1/batches/:batchId"'));
    const counts = buckets.map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(4);
  });
});

describe('GET /v1/audit', () => {
  it('records who changed what, when, before and after', async () => {
    const batch = (await t.request('POST', '/v1/batches', { as: 'planner', body: exampleBatch() })).body.id;
    const need = exampleBatch().needs[0].id;
    await t.request('POST', `/v1/batches/${batch}/needs/${need}/verification`, { as: 'official', body: { decision: 'verify' } });
    const run = (await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batch] } })).body;
    const pairing = run.pairings.items[0];
    await t.request('POST', `/v1/pairings/${pairing.id}/decision`, { as: 'official', body: { decision: 'reject', reason: 'not needed', version: 1 } });
    const weights = (await t.request('POST', '/v1/weights', { as: 'analyst', body: { ...defaultWeightProfile, name: 'audited' } })).body;
    await t.request('PUT', '/v1/weights/default', { as: 'analyst', body: { version: weights.version } });

    const entries = (await t.request('GET', '/v1/audit?limit=500')).body.items as any[];
    const find = (action: string, entityId: string) => entries.find((e) => e.action === action && e.entityId === entityId);
    expect(find('batch.create', batch)).toMatchObject({ actor: { role: 'planner' }, after: { counts: { needs: exampleBatch().needs.length } } });
    expect(find('need.verify', `${batch}/${need}`)).toMatchObject({ actor: { role: 'official' }, before: { status: 'submitted' }, after: { status: 'verified' } });
    expect(find('run.create', run.run.id)).toMatchObject({ actor: { role: 'official' }, after: { status: 'succeeded', inputHash: run.run.inputHash } });
    expect(find('pairing.reject', String(pairing.id))).toMatchObject({
      before: { status: 'proposed', version: 1 },
      after: { status: 'rejected', reason: 'not needed', version: 2, need: pairing.need, offer: pairing.offer },
    });
    expect(find('weights.create', String(weights.version))).toMatchObject({ actor: { role: 'analyst' }, after: { name: 'audited' } });
    expect(find('weights.set_default', String(weights.version))).toMatchObject({ before: { defaultVersion: 1 }, after: { defaultVersion: weights.version } });
    for (const e of entries) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    const onlyPairings = (await t.request('GET', `/v1/audit?entityType=pairing`)).body.items as any[];
    expect(onlyPairings.every((e) => e.entityType === 'pairing')).toBe(true);
    // Newest first.
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});
