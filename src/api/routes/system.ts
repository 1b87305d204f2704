/** Operational routes: health, metrics, the OpenAPI document. No key needed. */
import { z } from 'zod';
import { route, type AnyRoute } from '../route.js';
import { buildOpenApi } from '../openapi.js';

export function systemRoutes(allRoutes: () => readonly AnyRoute[], version: string): AnyRoute[] {
  let openApi: unknown;
  return [
    route({
      method: 'get',
      path: '/healthz',
      summary: 'Liveness and readiness: the store answers and the service is not shutting down',
      tag: 'system',
      roles: 'public',
      responses: {
        200: { description: 'Healthy', schema: z.object({ status: z.literal('ok'), queueDepth: z.number().int() }) },
        503: { description: 'Not ready' },
      },
      handler: async ({ deps }) => {
        const ok = await deps.store.ping();
        return ok
          ? { status: 200, body: { status: 'ok', queueDepth: deps.runQueue.depth() } }
          : { status: 503, body: { status: 'unavailable' } };
      },
    }),
    route({
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics (text format 0.0.4)',
      tag: 'system',
      roles: 'public',
      responses: { 200: { description: 'Metrics', contentType: 'text/plain; version=0.0.4' } },
      handler: async ({ deps }) => ({
        status: 200,
        text: { contentType: 'text/plain; version=0.0.4; charset=utf-8', content: deps.metrics.render() },
      }),
    }),
    route({
      method: 'get',
      path: '/v1/openapi.json',
      summary: 'This API, as OpenAPI 3.1 generated from its zod schemas',
      tag: 'system',
      roles: 'public',
      responses: { 200: { description: 'The OpenAPI document' } },
      handler: async () => {
        openApi ??= buildOpenApi(allRoutes(), { title: 'jiedui pairing service', version });
        return { status: 200, body: openApi };
      },
    }),
  ];
}
