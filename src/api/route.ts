/**
 * A route is data: method, path, who may call it, zod schemas for its path, query and body, what
 * it answers, and a handler. The same definitions mount the express routes (route-mount.ts) and
 * generate the OpenAPI document (openapi.ts), so the spec cannot drift from what is enforced.
 */
import type { Request } from 'express';
import type { z } from 'zod';
import type { Actor, Role } from '../store/records.js';
import type { AppDeps } from './deps.js';
import type { MultipartUpload } from './multipart.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** What a handler returns; `body` is sent as JSON unless `text` is given. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly text?: { readonly contentType: string; readonly content: string | Uint8Array };
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly actor: Actor;
  readonly req: Request;
  readonly deps: AppDeps;
}

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** Defaults to application/json. */
  readonly contentType?: string;
}

/**
 * What the handler of a `lean` route gets: no express request and no body, because the lean
 * dispatch (lean-dispatch.ts) serves it on a bare node:http request.
 */
export type LeanRouteContext<P, Q> = Omit<RouteContext<P, Q, undefined>, 'req' | 'body'>;

/** What `readBody` is given besides the body text. */
export interface BodyContext {
  readonly req: Request;
  readonly deps: AppDeps;
  /** The query, already validated. */
  readonly query: unknown;
}

/**
 * `B` is the body's zod schema (validation and the OpenAPI document); `V` is what the handler gets
 * as `body`, which is the schema's output unless `validateBody` or `readBody` say otherwise.
 */
interface RouteFields<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, V> {
  readonly method: HttpMethod;
  /** Express-style path (`/v1/runs/:id`). */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** Roles allowed to call it, or `public` (no key needed). */
  readonly roles: readonly Role[] | 'public';
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /**
   * Validates the body instead of `body.safeParse` (which then only documents it): for batches,
   * whose intake adds cross-record checks and unit normalisation. Throws InvalidInputError.
   */
  readonly validateBody?: (value: unknown) => V;
  /**
   * Reads the body from its text instead of parsing JSON on the event loop (then `body` only
   * documents it): for batch uploads, which the intake worker parses and validates. Throws a
   * problem (or InvalidInputError) for a bad body.
   */
  readonly readBody?: (text: string, ctx: BodyContext) => Promise<V>;
  /** Reads a multipart/form-data body instead (spreadsheet uploads); JSON bodies still go to `readBody`. */
  readonly readUpload?: (upload: MultipartUpload, ctx: BodyContext) => Promise<V>;
  /** Headers the route reads (documented; validated by the handler). */
  readonly headers?: readonly { name: string; description: string; required?: boolean }[];
  readonly responses: Readonly<Record<number, ResponseSpec>>;
}

/**
 * `lean: true` marks a hot read (a GET without a body) that the lean dispatch serves in front of
 * express; its handler reads only params, query, actor and deps, which the type enforces.
 */
export type RouteDefinition<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, V = z.output<B>> = RouteFields<P, Q, B, V> &
  (
    | { readonly lean?: false; readonly handler: (ctx: RouteContext<z.output<P>, z.output<Q>, V>) => Promise<Reply> }
    | { readonly lean: true; readonly method: 'get'; readonly handler: (ctx: LeanRouteContext<z.output<P>, z.output<Q>>) => Promise<Reply> }
  );

/** A route with its types erased, as the mount and the OpenAPI generator see it. */
export interface AnyRoute {
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly roles: readonly Role[] | 'public';
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly validateBody?: (value: unknown) => unknown;
  readonly readBody?: (text: string, ctx: BodyContext) => Promise<unknown>;
  readonly readUpload?: (upload: MultipartUpload, ctx: BodyContext) => Promise<unknown>;
  readonly headers?: readonly { name: string; description: string; required?: boolean }[];
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Served by the lean dispatch too; then `handler` needs only a LeanRouteContext. */
  readonly lean?: boolean;
  readonly handler: (ctx: RouteContext<unknown, unknown, unknown>) => Promise<Reply>;
}

/**
 * Defines a route with its handler typed from its schemas.
 * @example
 * route({ method: 'get', path: '/v1/runs/:id', params: z.object({ id: RunId }), roles: ALL_ROLES, ... ,
 *   handler: async ({ params }) => ({ status: 200, body: await getRun(params.id) }) })
 */
export function route<
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
  V = z.output<B>,
>(definition: RouteDefinition<P, Q, B, V>): AnyRoute {
  return definition as unknown as AnyRoute;
}

export const ALL_ROLES: readonly Role[] = ['planner', 'official', 'analyst', 'admin'];
