/** Who is calling: the review console asks once after sign-in, to show what the key's role may do. */
import { z } from 'zod';
import { ALL_ROLES, route, type AnyRoute } from '../route.js';
import { RoleSchema } from '../schemas/common.js';

const Caller = z.object({ keyId: z.string(), name: z.string(), role: RoleSchema });

export const sessionRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/v1/me',
    summary: 'The calling API key: its id, name and role (never its secret)',
    tag: 'keys',
    roles: ALL_ROLES,
    responses: { 200: { description: 'The caller', schema: Caller } },
    handler: async ({ actor }) => ({ status: 200, body: { keyId: actor.keyId, name: actor.name, role: actor.role } }),
  }),
];
