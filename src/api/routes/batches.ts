/** Batches: planners submit communities, needs and offers; everyone with a key reads them. */
import { z } from 'zod';
import { BatchSchema } from '../../domain/batch-schema.js';
import { InvalidInputError } from '../../domain/issues.js';
import { storeBatch } from '../batch-service.js';
import { nowIso } from '../deps.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf, idempotent } from '../idempotency.js';
import { problems } from '../problem.js';
import { readSheetUpload } from '../sheet-upload.js';
import { ALL_ROLES, route, type AnyRoute, type BodyContext } from '../route.js';
import {
  BatchId,
  CategoryFilter,
  DistrictFilter,
  FormFilter,
  NeedStatusFilter,
  PageQuery,
  pageOf,
  pageReply,
} from '../schemas/common.js';
import { BatchView, batchView } from '../views.js';

/** Roles that may submit a batch already verified (their submission is the verification). */
const PRE_VERIFY_ROLES = new Set(['official', 'admin']);

export const NeedFilterQuery = {
  district: DistrictFilter.optional(),
  category: CategoryFilter.optional(),
  form: FormFilter.optional(),
  status: NeedStatusFilter.optional(),
};

/**
 * The upload, parsed, validated and prepared by the intake worker (most of a second of CPU for a
 * city), with the Idempotency-Key request hash when a key was sent.
 */
async function readBatchUpload(text: string, { req, deps, query }: BodyContext) {
  const fingerprinted = req.get(IDEMPOTENCY_HEADER) !== undefined;
  const outcome = await deps.intake.upload({ text, ...(fingerprinted ? { fingerprintQuery: query } : {}) });
  if (outcome.kind === 'malformed') throw problems.malformedJson(outcome.message);
  if (outcome.kind === 'invalid') throw new InvalidInputError(outcome.issues, 'intake: batch');
  return outcome;
}

export const batchRoutes: AnyRoute[] = [
  route({
    method: 'post',
    path: '/v1/batches',
    summary: 'Submit a batch (needs enter as submitted unless ?verified=true by an official or admin)',
    tag: 'batches',
    roles: ['planner', 'official', 'admin'],
    query: z.strictObject({
      verified: z.enum(['true', 'false']).default('false').describe('Submit pre-verified (official, admin)'),
      keepValid: z.enum(['true', 'false']).default('false').describe('Spreadsheet uploads: store the valid rows, answer the rejects'),
    }),
    body: BatchSchema,
    readBody: readBatchUpload,
    readUpload: readSheetUpload,
    headers: [{ name: IDEMPOTENCY_HEADER, description: 'Same key + same body returns the first answer; + another body is 409' }],
    responses: {
      201: { description: 'Stored', schema: BatchView },
      409: { description: 'Idempotency-Key reused with another body' },
    },
    handler: async ({ query, body, actor, req, deps }) => {
      const preVerified = query.verified === 'true';
      if (preVerified && !PRE_VERIFY_ROLES.has(actor.role)) {
        throw problems.forbidden(`role "${actor.role}" may not submit needs pre-verified`);
      }
      const key = idempotencyKeyOf(req);
      const at = nowIso(deps);
      return deps.store.transaction((tx) =>
        idempotent(tx, { req, actor, key, requestHash: body.requestHash, at }, async () => {
          const stored = await storeBatch(tx, { batch: body.batch, actor, at, preVerified });
          const rejected = 'rejected' in body ? { rejected: body.rejected } : {};
          return { status: 201, body: { ...batchView(stored), ...rejected }, headers: { Location: `/v1/batches/${stored.id}` } };
        }),
      );
    },
  }),
  route({
    method: 'get',
    path: '/v1/batches',
    summary: 'List batches, newest first; filters keep batches with at least one matching need',
    tag: 'batches',
    roles: ALL_ROLES,
    query: z.strictObject({ ...NeedFilterQuery, ...PageQuery }),
    responses: { 200: { description: 'A page of batches', schema: pageOf(BatchView) } },
    handler: async ({ query, deps }) => {
      const { limit, offset, ...filter } = query;
      const page = await deps.store.read.batches.list(filter, { limit, offset });
      return { status: 200, body: pageReply({ items: page.items.map(batchView), total: page.total }, query) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/batches/:batchId',
    summary: 'One batch: counts and the status of its needs',
    tag: 'batches',
    roles: ALL_ROLES,
    params: z.strictObject({ batchId: BatchId }),
    responses: { 200: { description: 'The batch', schema: BatchView }, 404: { description: 'No such batch' } },
    handler: async ({ params, deps }) => {
      const batch = await deps.store.read.batches.get(params.batchId);
      if (!batch) throw problems.notFound(`no batch ${params.batchId}`);
      return { status: 200, body: batchView(batch) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/batches/:batchId/offers',
    summary: "A batch's offers (quantities in canonical units)",
    tag: 'batches',
    roles: ALL_ROLES,
    params: z.strictObject({ batchId: BatchId }),
    query: z.strictObject({ form: FormFilter.optional(), ...PageQuery }),
    responses: { 200: { description: 'A page of offers', schema: pageOf(z.unknown()) }, 404: { description: 'No such batch' } },
    handler: async ({ params, query, deps }) => {
      const content = await deps.store.read.batches.content(params.batchId);
      if (!content) throw problems.notFound(`no batch ${params.batchId}`);
      const offers = content.offers.filter((o) => query.form === undefined || o.form === query.form);
      const items = offers.slice(query.offset, query.offset + query.limit);
      return { status: 200, body: pageReply({ items, total: offers.length }, query) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/batches/:batchId/communities',
    summary: "A batch's communities",
    tag: 'batches',
    roles: ALL_ROLES,
    params: z.strictObject({ batchId: BatchId }),
    query: z.strictObject({ district: DistrictFilter.optional(), ...PageQuery }),
    responses: { 200: { description: 'A page of communities', schema: pageOf(z.unknown()) }, 404: { description: 'No such batch' } },
    handler: async ({ params, query, deps }) => {
      const content = await deps.store.read.batches.content(params.batchId);
      if (!content) throw problems.notFound(`no batch ${params.batchId}`);
      const communities = content.communities.filter((c) => query.district === undefined || c.district === query.district);
      const items = communities.slice(query.offset, query.offset + query.limit);
      return { status: 200, body: pageReply({ items, total: communities.length }, query) };
    },
  }),
];
