/** What a finished run holds: pairings, unmet needs, statistics, its model, and diffs. */
import { z } from 'zod';
import { diffPairings, pairKeyOf } from '../../review/diff-runs.js';
import { ALL_ROLES, route, type AnyRoute } from '../route.js';
import {
  CategoryFilter,
  DistrictFilter,
  PageQuery,
  PairingStatusFilter,
  ProviderKindFilter,
  RunId,
  pageOf,
  pageReply,
} from '../schemas/common.js';
import { pairingPage } from '../pairing-pages.js';
import { requireSucceeded, requireSucceededRun, runOr404 } from '../run-service.js';
import { PairingView, StatisticsView, statisticsView } from '../views.js';

const RunParams = z.strictObject({ runId: RunId });
const Community = z.string().min(1).max(64);

export const runResultRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/v1/runs/:runId/pairings',
    summary: "A run's pairings, filtered, sorted by value, paginated",
    tag: 'runs',
    roles: ALL_ROLES,
    params: RunParams,
    query: z.strictObject({
      district: DistrictFilter.optional(),
      street: DistrictFilter.optional().describe('Town or street (镇/街道)'),
      community: Community.optional(),
      category: CategoryFilter.optional(),
      providerKind: ProviderKindFilter.optional(),
      status: PairingStatusFilter.optional(),
      sort: z.enum(['value_desc', 'value_asc', 'id']).default('value_desc'),
      ...PageQuery,
    }),
    headers: [{ name: 'If-None-Match', description: 'The ETag of a page read before: 304 while that page is unchanged' }],
    responses: {
      200: { description: 'A page of pairings (ETag: a hash of the page, new after any decision in the run)', schema: pageOf(PairingView) },
      304: { description: 'Unchanged since the ETag sent in If-None-Match' },
      404: { description: 'No such run' },
      409: { description: 'Run not finished' },
    },
    // The hottest read of the review console: served by the lean dispatch, from rendered pages.
    lean: true,
    handler: async ({ params, query, deps }) => {
      await requireSucceededRun(deps, params.runId);
      const page = await pairingPage(deps.store, params.runId, query);
      return { status: 200, text: { contentType: 'application/json', content: page.body }, headers: { ETag: page.etag } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/runs/:runId/unmet',
    summary: 'Needs a run left (partly) unmet, with the reason for each',
    tag: 'runs',
    roles: ALL_ROLES,
    params: RunParams,
    query: z.strictObject({
      district: DistrictFilter.optional(),
      community: Community.optional(),
      category: CategoryFilter.optional(),
      reason: z.enum(['not_pooled', 'no_candidate', 'outcompeted', 'all_or_nothing', 'no_value']).optional(),
      ...PageQuery,
    }),
    responses: { 200: { description: 'A page of unmet needs', schema: pageOf(z.unknown()) }, 404: { description: 'No such run' }, 409: { description: 'Run not finished' } },
    handler: async ({ params, query, deps }) => {
      await requireSucceededRun(deps, params.runId);
      const { limit, offset, ...filter } = query;
      const page = await deps.store.read.unmet.list(params.runId, filter, { limit, offset });
      const items = page.items.map(({ runId: _run, ...u }) => u);
      return { status: 200, body: pageReply({ items, total: page.total }, query) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/runs/:runId/statistics',
    summary: 'Coverage (by district, category, provider kind, form), solve certificate, review progress',
    tag: 'runs',
    roles: ALL_ROLES,
    params: RunParams,
    responses: { 200: { description: 'Statistics', schema: StatisticsView }, 404: { description: 'No such run' }, 409: { description: 'Run not finished' } },
    handler: async ({ params, deps }) => {
      const run = await runOr404(deps, params.runId);
      requireSucceeded(run);
      return { status: 200, body: statisticsView(run.summary!, await deps.store.read.pairings.countByStatus(run.id)) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/runs/:runId/model',
    summary: 'The flow model the run solved, in transport/v1, for checking with another solver',
    tag: 'runs',
    roles: ['official', 'analyst', 'admin'],
    params: RunParams,
    responses: { 200: { description: 'transport/v1 model' }, 404: { description: 'No such run' } },
    handler: async ({ params, deps }) => {
      const run = await runOr404(deps, params.runId);
      const [json, weights] = await Promise.all([deps.store.read.runs.getInputJson(run.inputHash), deps.store.read.weights.get(run.weightVersion)]);
      if (json === undefined || !weights) throw new Error(`api/runs: inputs of ${run.id} are missing`);
      // Candidates and scoring for a city take seconds: the intake worker builds and serialises it.
      const model = await deps.intake.model({ batch: { json }, weights: weights.profile, options: run.options });
      return {
        status: 200,
        text: { contentType: 'application/json', content: model },
        headers: { 'Content-Disposition': `attachment; filename="${run.id}.transport.json"` },
      };
    },
  }),
  route({
    method: 'get',
    path: '/v1/runs/:runId/diff',
    summary: 'Pairings added, removed (and why) and changed from run `against` to this run',
    tag: 'runs',
    roles: ALL_ROLES,
    params: RunParams,
    query: z.strictObject({ against: RunId }),
    responses: { 200: { description: 'The diff' }, 404: { description: 'No such run' }, 409: { description: 'A run not finished' } },
    handler: async ({ params, query, deps }) => {
      const [run, base] = await Promise.all([runOr404(deps, params.runId), runOr404(deps, query.against)]);
      requireSucceeded(run);
      requireSucceeded(base);
      const [before, after] = await Promise.all([deps.store.read.pairings.all(base.id), deps.store.read.pairings.all(run.id)]);
      const rejected = new Set(before.filter((p) => p.status === 'rejected').map(pairKeyOf));
      return { status: 200, body: { from: base.id, to: run.id, ...diffPairings(before, after, rejected) } };
    },
  }),
];
