/** The audit log, for admins: who changed what, when, with the state before and after. */
import { z } from 'zod';
import { ROLES } from '../../store/records.js';
import { route, type AnyRoute } from '../route.js';
import { PageQuery, pageOf, pageReply } from '../schemas/common.js';

const AuditView = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ keyId: z.string(), name: z.string(), role: z.enum([...ROLES, 'system']) }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/v1/audit',
    summary: 'Audit entries, newest first',
    tag: 'audit',
    roles: ['admin'],
    query: z.strictObject({
      entityType: z.string().min(1).max(64).optional(),
      entityId: z.string().min(1).max(200).optional(),
      action: z.string().min(1).max(64).optional(),
      actorKeyId: z.string().min(1).max(64).optional(),
      ...PageQuery,
    }),
    responses: { 200: { description: 'A page of entries', schema: pageOf(AuditView) } },
    handler: async ({ query, deps }) => {
      const { limit, offset, ...filter } = query;
      const page = await deps.store.read.audit.list(filter, { limit, offset });
      return { status: 200, body: pageReply(page, query) };
    },
  }),
];
