/**
 * Needs and their verification (点单—验单): a need enters `submitted`; an official verifies it (it
 * is then pooled for matching) or returns it to the planner with a reason.
 */
import { z } from 'zod';
import type { Repositories } from '../../store/ports.js';
import type { Actor } from '../../store/records.js';
import { recordAudit } from '../audit-log.js';
import { nowIso } from '../deps.js';
import { problemErrors, problems } from '../problem.js';
import { ALL_ROLES, route, type AnyRoute } from '../route.js';
import { BatchId, NeedId, PageQuery, pageOf, pageReply } from '../schemas/common.js';
import { NeedView, needView } from '../views.js';
import { NeedFilterQuery } from './batches.js';

const Decision = z.enum(['verify', 'return']);
const Reason = z.string().trim().min(1).max(2000);

/** A return needs a reason the planner can act on. */
const reasonRequiredForReturn = (v: { decision: string; reason?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.decision === 'return' && v.reason === undefined) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a returned need needs a reason', params: { code: 'missing_field' } });
  }
};

const VerificationBody = z.strictObject({ decision: Decision, reason: Reason.optional() }).superRefine(reasonRequiredForReturn);

const BulkVerificationBody = z.strictObject({
  decisions: z
    .array(z.strictObject({ need: NeedId, decision: Decision, reason: Reason.optional() }).superRefine(reasonRequiredForReturn))
    .min(1)
    .max(10_000),
});

async function decideNeed(
  tx: Repositories,
  actor: Actor,
  at: string,
  d: { batchId: string; needId: string; decision: 'verify' | 'return'; reason?: string | undefined },
) {
  const before = await tx.needs.get(d.batchId, d.needId);
  if (!before) return { outcome: 'missing' as const };
  const to = d.decision === 'verify' ? 'verified' : 'returned';
  const changed = await tx.needs.changeStatus({
    batchId: d.batchId, needId: d.needId, from: 'submitted', to, reason: d.reason ?? null, by: actor.keyId, at,
  });
  if (!changed) return { outcome: 'conflict' as const, status: before.status };
  await recordAudit(tx, actor, at, {
    action: `need.${d.decision}`,
    entityType: 'need',
    entityId: `${d.batchId}/${d.needId}`,
    before: { status: before.status },
    after: { status: to, reason: d.reason ?? null },
  });
  const after = await tx.needs.get(d.batchId, d.needId);
  return { outcome: 'done' as const, need: after! };
}

export const needRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/v1/needs',
    summary: 'List needs across batches (filter by batch, district, category, form, status)',
    tag: 'needs',
    roles: ALL_ROLES,
    query: z.strictObject({ batchId: BatchId.optional(), ...NeedFilterQuery, ...PageQuery }),
    responses: { 200: { description: 'A page of needs', schema: pageOf(NeedView) } },
    handler: async ({ query, deps }) => {
      const { limit, offset, ...filter } = query;
      const page = await deps.store.read.needs.list(filter, { limit, offset });
      return { status: 200, body: pageReply({ items: page.items.map(needView), total: page.total }, query) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/batches/:batchId/needs',
    summary: "A batch's needs with their verification status",
    tag: 'needs',
    roles: ALL_ROLES,
    params: z.strictObject({ batchId: BatchId }),
    query: z.strictObject({ ...NeedFilterQuery, ...PageQuery }),
    responses: { 200: { description: 'A page of needs', schema: pageOf(NeedView) }, 404: { description: 'No such batch' } },
    handler: async ({ params, query, deps }) => {
      if (!(await deps.store.read.batches.get(params.batchId))) throw problems.notFound(`no batch ${params.batchId}`);
      const { limit, offset, ...filter } = query;
      const page = await deps.store.read.needs.list({ ...filter, batchId: params.batchId }, { limit, offset });
      return { status: 200, body: pageReply({ items: page.items.map(needView), total: page.total }, query) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/batches/:batchId/needs/:needId',
    summary: 'One need',
    tag: 'needs',
    roles: ALL_ROLES,
    params: z.strictObject({ batchId: BatchId, needId: NeedId }),
    responses: { 200: { description: 'The need', schema: NeedView }, 404: { description: 'No such need' } },
    handler: async ({ params, deps }) => {
      const need = await deps.store.read.needs.get(params.batchId, params.needId);
      if (!need) throw problems.notFound(`no need ${params.needId} in batch ${params.batchId}`);
      return { status: 200, body: needView(need) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/batches/:batchId/needs/:needId/verification',
    summary: 'Verify a submitted need (pooled for matching) or return it with a reason',
    tag: 'needs',
    roles: ['official', 'admin'],
    params: z.strictObject({ batchId: BatchId, needId: NeedId }),
    body: VerificationBody,
    responses: {
      200: { description: 'Decided', schema: NeedView },
      404: { description: 'No such need' },
      409: { description: 'The need is not waiting for verification' },
    },
    handler: async ({ params, body, actor, deps }) => {
      const at = nowIso(deps);
      const result = await deps.store.transaction((tx) => decideNeed(tx, actor, at, { ...params, ...body }));
      if (result.outcome === 'missing') throw problems.notFound(`no need ${params.needId} in batch ${params.batchId}`);
      if (result.outcome === 'conflict') {
        throw problems.conflict('need-already-decided', `need ${params.needId} is ${result.status}, not submitted`, { currentStatus: result.status });
      }
      return { status: 200, body: needView(result.need) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/batches/:batchId/verifications',
    summary: 'Verify or return many needs of a batch at once (all or nothing)',
    tag: 'needs',
    roles: ['official', 'admin'],
    params: z.strictObject({ batchId: BatchId }),
    body: BulkVerificationBody,
    responses: {
      200: { description: 'All decided', schema: z.object({ items: z.array(NeedView) }) },
      404: { description: 'No such batch' },
      409: { description: 'Some needs are not waiting for verification (nothing was changed)' },
    },
    handler: async ({ params, body, actor, deps }) => {
      const at = nowIso(deps);
      const items = await deps.store.transaction(async (tx) => {
        if (!(await tx.batches.get(params.batchId))) throw problems.notFound(`no batch ${params.batchId}`);
        const done = [];
        const missing = [];
        const conflicts = [];
        for (const [index, d] of body.decisions.entries()) {
          const r = await decideNeed(tx, actor, at, { batchId: params.batchId, needId: d.need, decision: d.decision, reason: d.reason });
          if (r.outcome === 'done') done.push(needView(r.need));
          else if (r.outcome === 'missing') missing.push({ path: ['decisions', index, 'need'], code: 'not_found', message: `no need ${d.need} in this batch` });
          else conflicts.push({ index, need: d.need, currentStatus: r.status });
        }
        // Throwing rolls back the decisions already applied: all or nothing.
        if (missing.length > 0) throw problems.invalidInput(problemErrors(missing, 'body'));
        if (conflicts.length > 0) throw problems.conflict('need-already-decided', `${conflicts.length} need(s) are not submitted`, { conflicts });
        return done;
      });
      return { status: 200, body: { items } };
    },
  }),
];
