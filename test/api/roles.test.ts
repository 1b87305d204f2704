/**
 * Who may call what, written out by hand as the specification (issue 3), and checked against the
 * running service for every role: allowed roles never get 401/403, the others get 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/api/routes/index.js';
import { ROLES, type Role } from '../../src/store/records.js';
import { expectProblem, startTestService, verifiedBatch, type TestService } from './harness.js';

const ALL: readonly Role[] = ROLES;
const SUBMIT: readonly Role[] = ['planner', 'official', 'admin'];
const REVIEW: readonly Role[] = ['official', 'admin'];
const SOLVE: readonly Role[] = ['official', 'analyst', 'admin'];
const TUNE: readonly Role[] = ['analyst', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

/** method, path template, allowed roles. `public` routes need no key. */
const EXPECTED: readonly [string, string, readonly Role[] | 'public'][] = [
  ['GET', '/healthz', 'public'],
  ['GET', '/metrics', 'public'],
  ['GET', '/v1/openapi.json', 'public'],
  ['POST', '/v1/batches', SUBMIT],
  ['GET', '/v1/batches', ALL],
  ['GET', '/v1/batches/:batchId', ALL],
  ['GET', '/v1/batches/:batchId/offers', ALL],
  ['GET', '/v1/batches/:batchId/communities', ALL],
  ['GET', '/v1/needs', ALL],
  ['GET', '/v1/batches/:batchId/needs', ALL],
  ['GET', '/v1/batches/:batchId/needs/:needId', ALL],
  ['POST', '/v1/batches/:batchId/needs/:needId/verification', REVIEW],
  ['POST', '/v1/batches/:batchId/verifications', REVIEW],
  ['GET', '/v1/weights', ALL],
  ['POST', '/v1/weights', TUNE],
  ['GET', '/v1/weights/default', ALL],
  ['PUT', '/v1/weights/default', TUNE],
  ['GET', '/v1/weights/:version', ALL],
  ['POST', '/v1/runs', SOLVE],
  ['GET', '/v1/runs', ALL],
  ['GET', '/v1/runs/:runId', ALL],
  ['POST', '/v1/runs/:runId/replay', SOLVE],
  ['POST', '/v1/runs/:runId/resolve', REVIEW],
  ['GET', '/v1/runs/:runId/pairings', ALL],
  ['GET', '/v1/runs/:runId/unmet', ALL],
  ['GET', '/v1/runs/:runId/statistics', ALL],
  ['GET', '/v1/runs/:runId/model', SOLVE],
  ['GET', '/v1/runs/:runId/diff', ALL],
  ['GET', '/v1/runs/:runId/export', ALL],
  ['POST', '/v1/pairings/decisions', REVIEW],
  ['GET', '/v1/pairings/:pairingId', ALL],
  ['POST', '/v1/pairings/:pairingId/decision', REVIEW],
  ['POST', '/v1/what-if', SOLVE],
  ['GET', '/v1/audit', ADMIN],
  ['POST', '/v1/keys', ADMIN],
  ['GET', '/v1/keys', ADMIN],
  ['DELETE', '/v1/keys/:keyId', ADMIN],
  ['GET', '/v1/me', ALL],
];

let t: TestService;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await startTestService();
  const batchId = await verifiedBatch(t);
  const run = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId] } });
  ids = {
    batchId,
    needId: 'n-lihua-meals',
    version: '1',
    runId: run.body.run.id,
    pairingId: String(run.body.pairings.items[0].id),
    keyId: 'key_0000000000000000',
  };
});
afterAll(() => t.cleanup());

const fill = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? name);

describe('role table', () => {
  it('covers every route the service has', () => {
    const actual = allRoutes({ settings: { bodyLimitBytes: 1, asyncRunNeeds: 1, solverVersion: 'x' } }).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(actual.sort()).toEqual(EXPECTED.map(([m, p]) => `${m} ${p}`).sort());
  });

  it.each(EXPECTED)('%s %s', async (method, template, allowed) => {
    // An empty object body: allowed roles get past auth to validation (422), 404 or a success.
    const path = fill(template) + (template.endsWith('/diff') ? `?against=${ids['runId']}` : '');
    const body = method === 'GET' || method === 'DELETE' ? undefined : {};
    if (allowed === 'public') {
      expect((await t.request(method, path, { as: 'none' })).status).toBe(200);
      return;
    }
    expectProblem(await t.request(method, path, { as: 'none', body }), 401);
    for (const role of ROLES) {
      const answer = await t.request(method, path, { as: role, body });
      if (allowed.includes(role)) expect([401, 403, 500], `${role} on ${method} ${path}`).not.toContain(answer.status);
      else expectProblem(answer, 403);
    }
  });
});
