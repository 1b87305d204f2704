/** API keys, for admins: create (the secret is shown once), list, revoke. */
import { z } from 'zod';
import { issueApiKey, publicKeyView } from '../api-keys.js';
import { recordAudit } from '../audit-log.js';
import { nowIso } from '../deps.js';
import { problems } from '../problem.js';
import { route, type AnyRoute } from '../route.js';
import { KeyId, RoleSchema } from '../schemas/common.js';

const KeyView = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const keyRoutes: AnyRoute[] = [
  route({
    method: 'post',
    path: '/v1/keys',
    summary: 'Create an API key; the secret is in this answer only',
    tag: 'keys',
    roles: ['admin'],
    body: z.strictObject({ role: RoleSchema, name: z.string().min(1).max(200) }),
    responses: { 201: { description: 'Created', schema: KeyView.extend({ key: z.string() }) } },
    handler: async ({ body, actor, deps }) => {
      const at = nowIso(deps);
      const issued = await deps.store.transaction((tx) => issueApiKey(tx, { role: body.role, name: body.name, at, by: actor }));
      return { status: 201, body: { ...publicKeyView(issued.record), key: issued.secret } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/keys',
    summary: 'List API keys (never their secrets)',
    tag: 'keys',
    roles: ['admin'],
    responses: { 200: { description: 'Keys', schema: z.object({ items: z.array(KeyView) }) } },
    handler: async ({ deps }) => ({ status: 200, body: { items: (await deps.store.read.apiKeys.list()).map(publicKeyView) } }),
  }),
  route({
    method: 'delete',
    path: '/v1/keys/:keyId',
    summary: 'Revoke an API key',
    tag: 'keys',
    roles: ['admin'],
    params: z.strictObject({ keyId: KeyId }),
    responses: { 204: { description: 'Revoked' }, 404: { description: 'No active key with that id' } },
    handler: async ({ params, actor, deps }) => {
      const at = nowIso(deps);
      await deps.store.transaction(async (tx) => {
        if (!(await tx.apiKeys.revoke(params.keyId, at))) throw problems.notFound(`no active key ${params.keyId}`);
        await recordAudit(tx, actor, at, { action: 'key.revoke', entityType: 'api_key', entityId: params.keyId, after: { revokedAt: at } });
      });
      return { status: 204 };
    },
  }),
];
