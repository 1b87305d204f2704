/**
 * Runs: start one (201 with the result when small, 202 when queued), list, show with progress,
 * replay a stored run's inputs, and re-solve after review.
 */
import { z } from 'zod';
import { defaultMatchOptions } from '../../match/types.js';
import { reviewOptions } from '../../review/resolve-options.js';
import { diffPairings, pairKeyOf } from '../../review/diff-runs.js';
import type { AppDeps } from '../deps.js';
import type { Reply } from '../route.js';
import { ALL_ROLES, route, type AnyRoute } from '../route.js';
import { assembleSnapshot, requireSucceeded, runOr404, startRun, storedSnapshot, weightsFor, type StartedRun } from '../run-service.js';
import { BatchId, PageQuery, RunId, RunStatusFilter, pageOf, pageReply } from '../schemas/common.js';
import { PairingView, RunView, StatisticsView, pairingView, runView, statisticsView } from '../views.js';

const SOLVING_ROLES = ['official', 'analyst', 'admin'] as const;
const REVIEW_ROLES = ['official', 'admin'] as const;
const FIRST_PAGE = 100;

export const RunOptionsBody = z
  .strictObject({
    verify: z.boolean().default(false).describe('Check every component against javascript-lp-solver'),
    alternates: z.number().int().min(0).max(10).default(defaultMatchOptions.alternates),
    stabilityWeight: z.number().min(0).max(10).default(defaultMatchOptions.stabilityWeight),
  })
  .default({ verify: false, alternates: defaultMatchOptions.alternates, stabilityWeight: defaultMatchOptions.stabilityWeight });

const uniqueIds = (ids: readonly string[], ctx: z.RefinementCtx) => {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `batch ${id} is listed twice`, params: { code: 'duplicate_id' } });
  });
};
export const BatchIdList = z.array(BatchId).min(1).max(100).superRefine(uniqueIds);

const CreateRunBody = z.strictObject({
  batchIds: BatchIdList,
  weightProfile: z.number().int().min(1).optional().describe('Weight profile version; the default one when left out'),
  mode: z.enum(['flow', 'one-to-one']).default('flow'),
  options: RunOptionsBody,
  background: z.boolean().default(false).describe('Queue the run (202) even when it is small'),
});

const RunCreated = z.object({ run: RunView, statistics: StatisticsView.optional(), pairings: pageOf(PairingView).optional() });

/** 201 with the result and the first page of pairings, or 202 with where to look. */
async function startedReply(deps: AppDeps, started: StartedRun, extra: Record<string, unknown> = {}): Promise<Reply> {
  const { run } = started;
  const location = { Location: `/v1/runs/${run.id}` };
  if (!started.result) {
    return { status: 202, body: { run: runView(run, deps.runQueue.position(run.id), deps.clock()), ...extra }, headers: location };
  }
  const page = await deps.store.read.pairings.list(run.id, {}, 'value_desc', { limit: FIRST_PAGE, offset: 0 });
  const counts = await deps.store.read.pairings.countByStatus(run.id);
  return {
    status: 201,
    headers: location,
    body: {
      run: runView(run, undefined, deps.clock()),
      statistics: statisticsView(run.summary!, counts),
      pairings: pageReply({ items: page.items.map(pairingView), total: page.total }, { limit: FIRST_PAGE, offset: 0 }),
      ...extra,
    },
  };
}

export const runRoutes: AnyRoute[] = [
  route({
    method: 'post',
    path: '/v1/runs',
    summary: 'Pair the verified needs of some batches (201 with the result; 202 when large or asked to queue)',
    tag: 'runs',
    roles: SOLVING_ROLES,
    body: CreateRunBody,
    responses: { 201: { description: 'Solved', schema: RunCreated }, 202: { description: 'Queued; poll GET /v1/runs/{runId}', schema: RunCreated } },
    handler: async ({ body, actor, deps }) => {
      const snapshot = await assembleSnapshot(deps, body.batchIds);
      const weights = await weightsFor(deps, body.weightProfile);
      const options = { mode: body.mode, ...body.options, locked: [], forbidden: [], previous: [] };
      const started = await startRun(deps, actor, { kind: 'solve', batchIds: body.batchIds, snapshot, weights, options, parentRunId: null, background: body.background });
      return startedReply(deps, started);
    },
  }),
  route({
    method: 'get',
    path: '/v1/runs',
    summary: 'List runs, newest first',
    tag: 'runs',
    roles: ALL_ROLES,
    query: z.strictObject({ status: RunStatusFilter.optional(), kind: z.enum(['solve', 'resolve', 'replay', 'what-if']).optional(), ...PageQuery }),
    responses: { 200: { description: 'A page of runs', schema: pageOf(RunView) } },
    handler: async ({ query, deps }) => {
      const { limit, offset, ...filter } = query;
      const page = await deps.store.read.runs.list(filter, { limit, offset });
      const items = page.items.map((r) => runView(r, deps.runQueue.position(r.id), deps.clock()));
      return { status: 200, body: pageReply({ items, total: page.total }, query) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/runs/:runId',
    summary: 'One run: status, progress (queue position, elapsed time), totals, what it was solved with',
    tag: 'runs',
    roles: ALL_ROLES,
    params: z.strictObject({ runId: RunId }),
    responses: { 200: { description: 'The run', schema: RunView }, 404: { description: 'No such run' } },
    handler: async ({ params, deps }) => {
      const run = await runOr404(deps, params.runId);
      return { status: 200, body: runView(run, deps.runQueue.position(run.id), deps.clock()) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/runs/:runId/replay',
    summary: "Solve a stored run's input snapshot again with the same weights and options (reproducibility)",
    tag: 'runs',
    roles: SOLVING_ROLES,
    params: z.strictObject({ runId: RunId }),
    body: z.strictObject({ background: z.boolean().default(false) }),
    responses: {
      201: { description: 'Solved; `reproduced` compares the pairings with the original run', schema: RunCreated.extend({ reproduced: z.unknown() }) },
      202: { description: 'Queued', schema: RunCreated },
      409: { description: 'The original run has not succeeded' },
    },
    handler: async ({ params, body, actor, deps }) => {
      const original = await runOr404(deps, params.runId);
      requireSucceeded(original);
      const weights = await weightsFor(deps, original.weightVersion);
      const started = await startRun(deps, actor, {
        kind: 'replay', batchIds: original.batchIds, snapshot: await storedSnapshot(deps, original), weights,
        options: original.options, parentRunId: original.id, background: body.background,
      });
      if (!started.result) return startedReply(deps, started);
      const diff = diffPairings(await deps.store.read.pairings.all(original.id), started.result.pairings);
      const same = diff.summary.added === 0 && diff.summary.removed === 0 && diff.summary.changed === 0;
      return startedReply(deps, started, { reproduced: { samePairings: same, sameInput: started.run.inputHash === original.inputHash, diff: diff.summary } });
    },
  }),
  route({
    method: 'post',
    path: '/v1/runs/:runId/resolve',
    summary: 'Re-solve after review: approved pairings stay fixed, rejected pairs are never proposed again, the rest moves as little as it can',
    tag: 'review',
    roles: REVIEW_ROLES,
    params: z.strictObject({ runId: RunId }),
    body: z.strictObject({
      stabilityWeight: z.number().min(0).max(10).optional().describe('Cost of moving a proposed pairing, relative to its value (default: as the run)'),
      background: z.boolean().default(false),
    }),
    responses: {
      201: { description: 'The new run, with the diff against the reviewed one', schema: RunCreated.extend({ diff: z.unknown() }) },
      202: { description: 'Queued; the diff is at GET /v1/runs/{new}/diff?against={runId}', schema: RunCreated },
      409: { description: 'The run has not succeeded' },
    },
    handler: async ({ params, body, actor, deps }) => {
      const source = await runOr404(deps, params.runId);
      requireSucceeded(source);
      const pairings = await deps.store.read.pairings.all(source.id);
      const options = {
        ...source.options,
        ...reviewOptions(pairings, source.options.forbidden),
        stabilityWeight: body.stabilityWeight ?? source.options.stabilityWeight,
      };
      const weights = await weightsFor(deps, source.weightVersion);
      const started = await startRun(deps, actor, {
        kind: 'resolve', batchIds: source.batchIds, snapshot: await storedSnapshot(deps, source), weights, options,
        parentRunId: source.id, background: body.background,
      });
      if (!started.result) return startedReply(deps, started);
      const rejected = new Set(pairings.filter((p) => p.status === 'rejected').map(pairKeyOf));
      const diff = diffPairings(pairings, started.result.pairings, rejected);
      return startedReply(deps, started, { diff });
    },
  }),
];
