/**
 * The OpenAPI 3.1 document, generated from the route definitions and their zod schemas
 * (`z.toJSONSchema`), so it says exactly what the service enforces.
 */
import { z } from 'zod';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json['$schema'];
  return json;
};

/** `/v1/runs/:id` → `/v1/runs/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

function parametersOf(route: AnyRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const json = toSchema(schema, 'input');
    const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json['required'] ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property;
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  for (const h of route.headers ?? []) {
    out.push({ name: h.name, in: 'header', required: h.required ?? false, description: h.description, schema: { type: 'string' } });
  }
  return out;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Spreadsheet uploads (routes with `readUpload`): files of any field name, and an optional batch name. */
const MULTIPART_CONTENT = {
  'multipart/form-data': {
    schema: {
      type: 'object',
      properties: {
        files: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' }, description: '.xlsx workbooks and/or .csv files (UTF-8 with or without BOM, or GB18030)' },
        name: { type: 'string', description: 'Name of the batch' },
      },
    },
  },
};

function operationOf(route: AnyRoute): JsonSchema {
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const type = spec.contentType ?? 'application/json';
    responses[status] = {
      description: spec.description,
      ...(spec.schema ? { content: { [type]: { schema: toSchema(spec.schema, 'output') } } } : {}),
    };
  }
  if (route.roles !== 'public') {
    responses['401'] = problemResponse('No valid API key');
    responses['403'] = problemResponse(`Role not allowed (allowed: ${route.roles.join(', ')})`);
  }
  if (route.params || route.query || route.body) responses['422'] = problemResponse('Invalid input: every invalid value, with its path');
  if (route.body) {
    responses['400'] = problemResponse('Malformed JSON');
    responses['413'] = problemResponse('Body too large');
    responses['415'] = problemResponse('Body is not JSON');
  }
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(route.roles === 'public' ? { security: [] } : { 'x-roles': route.roles }),
    parameters: parametersOf(route),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') }, ...(route.readUpload ? MULTIPART_CONTENT : {}) } } }
      : {}),
    responses,
  };
}

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        in: z.enum(['body', 'query', 'path', 'header']),
        path: z.string(),
        pointer: z.string(),
        code: z.string(),
        message: z.string(),
        hint: z.string().optional(),
      }),
    )
    .optional(),
});

export function buildOpenApi(routes: readonly AnyRoute[], info: { title: string; version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operationOf(route) };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'jiedui (结对): pairs community needs with offers by exact optimisation.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer KEY' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      schemas: { Problem: toSchema(ProblemSchema, 'output') },
    },
    paths,
  };
}
