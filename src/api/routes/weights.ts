/**
 * Weight profiles: immutable versions (POST makes a new one, nothing edits one), and a default
 * that runs use when they name no version. Changing the default is how a profile is adopted.
 */
import { z } from 'zod';
import { WeightProfileSchema } from '../../domain/weights.js';
import { InvalidInputError } from '../../domain/issues.js';
import { validateWeightProfile } from '../../intake/load-weights.js';
import { recordAudit } from '../audit-log.js';
import { contentHash } from '../canonical-hash.js';
import { nowIso } from '../deps.js';
import { problems } from '../problem.js';
import { ALL_ROLES, route, type AnyRoute } from '../route.js';
import { PageQuery, WeightVersion, pageOf, pageReply } from '../schemas/common.js';
import { WeightProfileView, weightProfileView } from '../views.js';

const TUNING_ROLES = ['analyst', 'admin'] as const;

export const weightRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/v1/weights',
    summary: 'List weight profile versions',
    tag: 'weights',
    roles: ALL_ROLES,
    query: z.strictObject({ ...PageQuery }),
    responses: { 200: { description: 'A page of profiles', schema: pageOf(WeightProfileView) } },
    handler: async ({ query, deps }) => {
      const [page, def] = await Promise.all([deps.store.read.weights.list(query), deps.store.read.weights.defaultVersion()]);
      return { status: 200, body: pageReply({ items: page.items.map((w) => weightProfileView(w, def)), total: page.total }, query) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/weights',
    summary: 'Create a new weight profile version',
    tag: 'weights',
    roles: TUNING_ROLES,
    body: WeightProfileSchema,
    validateBody: (value) => {
      const result = validateWeightProfile(value);
      if (!result.ok) throw new InvalidInputError(result.issues, 'weight profile');
      return result.profile;
    },
    responses: { 201: { description: 'Created', schema: WeightProfileView } },
    handler: async ({ body, actor, deps }) => {
      const at = nowIso(deps);
      const stored = await deps.store.transaction(async (tx) => {
        const record = await tx.weights.insert({ name: body.name, profile: body, hash: contentHash(body), createdBy: actor.keyId, createdAt: at });
        await recordAudit(tx, actor, at, { action: 'weights.create', entityType: 'weight_profile', entityId: String(record.version), after: record.profile });
        return weightProfileView(record, await tx.weights.defaultVersion());
      });
      return { status: 201, body: stored, headers: { Location: `/v1/weights/${stored.version}` } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/weights/default',
    summary: 'The default weight profile (used by runs that name no version)',
    tag: 'weights',
    roles: ALL_ROLES,
    responses: { 200: { description: 'The default profile', schema: WeightProfileView } },
    handler: async ({ deps }) => {
      const def = await deps.store.read.weights.defaultVersion();
      const record = def === undefined ? undefined : await deps.store.read.weights.get(def);
      if (!record) throw problems.notFound('no default weight profile');
      return { status: 200, body: weightProfileView(record, def) };
    },
  }),
  route({
    method: 'put',
    path: '/v1/weights/default',
    summary: 'Adopt a version as the default',
    tag: 'weights',
    roles: TUNING_ROLES,
    body: z.strictObject({ version: z.number().int().min(1) }),
    responses: { 200: { description: 'The new default', schema: WeightProfileView }, 404: { description: 'No such version' } },
    handler: async ({ body, actor, deps }) => {
      const at = nowIso(deps);
      const view = await deps.store.transaction(async (tx) => {
        const record = await tx.weights.get(body.version);
        if (!record) throw problems.notFound(`no weight profile version ${body.version}`);
        const before = await tx.weights.defaultVersion();
        await tx.weights.setDefaultVersion(body.version);
        await recordAudit(tx, actor, at, {
          action: 'weights.set_default', entityType: 'weight_profile', entityId: String(body.version),
          before: { defaultVersion: before ?? null }, after: { defaultVersion: body.version },
        });
        return weightProfileView(record, body.version);
      });
      return { status: 200, body: view };
    },
  }),
  route({
    method: 'get',
    path: '/v1/weights/:version',
    summary: 'One weight profile version',
    tag: 'weights',
    roles: ALL_ROLES,
    params: z.strictObject({ version: WeightVersion }),
    responses: { 200: { description: 'The profile', schema: WeightProfileView }, 404: { description: 'No such version' } },
    handler: async ({ params, deps }) => {
      const [record, def] = await Promise.all([deps.store.read.weights.get(params.version), deps.store.read.weights.defaultVersion()]);
      if (!record) throw problems.notFound(`no weight profile version ${params.version}`);
      return { status: 200, body: weightProfileView(record, def) };
    },
  }),
];
