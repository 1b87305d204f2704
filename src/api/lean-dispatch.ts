/**
 * The lean dispatch: serves the hottest reads (routes marked `lean`) on the bare node:http request,
 * in front of express, whose routing, request decoration and send cost more than a cached page.
 *
 * It uses the route's own pieces (roles, path and query schemas, handler) and answers only the
 * plain success: a 200 with JSON. Every other outcome (no key, a refused role, invalid input, a
 * run not found, an unexpected error, a conditional request) is handed to express untouched, which
 * answers it exactly as it always has (problem+json, 304, the error log). Nothing is written to
 * the answer before the lean dispatch is sure it answers it.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import { ANONYMOUS, authenticate, authorize } from './auth.js';
import type { AppDeps } from './deps.js';
import { leanMatcher, type LeanMatch } from './lean-match.js';
import { ParseMemo } from './parse-memo.js';
import { observeRequest } from './request-observer.js';
import type { AnyRoute, LeanRouteContext, Reply } from './route.js';
import type { Actor } from '../store/records.js';

/** What express answers JSON with (`res.json`, or `res.type('application/json')`). */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The memos of one lean route's path and query validation. */
interface LeanRoute {
  readonly params: ParseMemo | undefined;
  readonly query: ParseMemo | undefined;
}

function leanRoute(route: AnyRoute): LeanRoute {
  if (route.method !== 'get' || route.body || route.readBody || route.readUpload || route.validateBody) {
    throw new Error(`api/lean-dispatch: ${route.method.toUpperCase()} ${route.path} cannot be lean (lean routes are GETs without a body)`);
  }
  return {
    params: route.params ? new ParseMemo(route.params, 'path') : undefined,
    query: route.query ? new ParseMemo(route.query, 'query') : undefined,
  };
}

/** Conditional requests go to express, whose `res.send` answers 304 when the ETag matches. */
const isConditional = (req: IncomingMessage) => req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;

/** The bytes of a reply the lean dispatch sends as express would; undefined for any other reply. */
function jsonBytes(reply: Reply): Buffer | undefined {
  if (reply.status !== 200) return undefined;
  if (reply.text) {
    if (reply.text.contentType !== 'application/json') return undefined;
    const content = reply.text.content;
    return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  }
  return reply.body === undefined ? undefined : Buffer.from(JSON.stringify(reply.body), 'utf8');
}

/** Headers in express's order: the reply's own, then Content-Type and Content-Length. */
function send(res: ServerResponse, reply: Reply, body: Buffer): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.statusCode = reply.status;
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.setHeader('Content-Length', String(body.length));
  res.end(body);
}

/**
 * A request listener that serves lean routes itself and hands everything else to `fallback`
 * (the express app).
 */
export function createLeanDispatch(deps: AppDeps, routes: readonly AnyRoute[], fallback: RequestListener): RequestListener {
  const match = leanMatcher(routes);
  const lean = new Map(routes.filter((r) => r.lean).map((r) => [r, leanRoute(r)]));

  /** The route's reply and caller; throws whatever the route's checks throw. */
  async function replyTo(found: LeanMatch, memo: LeanRoute, req: IncomingMessage) {
    const r = found.route;
    let caller = ANONYMOUS;
    if (r.roles !== 'public') {
      caller = await authenticate(deps.store, req);
      authorize(caller, r.roles);
    }
    const params = memo.params?.parse(found.path, () => ({ ...found.params }));
    const query = memo.query?.parse(found.query, () => ({ ...parseQueryString(found.query) }));
    // A lean route's handler takes a LeanRouteContext (route.ts enforces it where it is defined).
    const handler = r.handler as (ctx: LeanRouteContext<unknown, unknown>) => Promise<Reply>;
    return { reply: await handler({ params, query, actor: caller, deps }), caller };
  }

  async function serve(found: LeanMatch, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const memo = lean.get(found.route)!;
    const isPublic = found.route.roles === 'public';
    let answer: { reply: Reply; caller: Actor; body: Buffer } | undefined;
    try {
      const { reply, caller } = await replyTo(found, memo, req);
      const body = jsonBytes(reply);
      if (body) answer = { reply, caller, body };
    } catch {
      // Express answers it: the same checks throw there and become the problem they always were.
    }
    if (!answer) return void fallback(req, res);
    const { reply, caller, body } = answer;
    const key = isPublic ? undefined : caller.keyId;
    observeRequest(deps, req, res, started, () => ({ route: found.route.path, actor: key, path: found.path }));
    send(res, reply, body);
  }

  return (req, res) => {
    const found = req.method === 'GET' && !isConditional(req) ? match(req.url ?? '/') : undefined;
    if (found) void serve(found, req, res);
    else void fallback(req, res);
  };
}
