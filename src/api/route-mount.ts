/**
 * Mounts route definitions on an express router: for each request, authenticate, check the role,
 * parse the JSON body (after auth, so strangers cannot make us parse megabytes), validate path,
 * query and body with zod, call the handler and send its reply.
 */
import express, { type Request, type Response, type Router } from 'express';
import { authenticate, authorize } from './auth.js';
import type { AppDeps } from './deps.js';
import { problems } from './problem.js';
import type { AnyRoute, Reply } from './route.js';
import { parseInput } from './validate-input.js';
import type { Actor } from '../store/records.js';

const ANONYMOUS: Actor = { keyId: 'anonymous', name: 'anonymous', role: 'system' };

function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

function readJsonBody(req: Request, res: Response, limit: number): Promise<unknown> {
  if (!hasBody(req)) return Promise.resolve(undefined);
  if (!req.is('application/json') && !req.is('application/*+json')) {
    return Promise.reject(problems.unsupportedMediaType('send the body as application/json'));
  }
  // Not strict: a JSON string or number parses, and validation then says what was expected.
  const parser = express.json({ limit, strict: false, type: ['application/json', 'application/*+json'] });
  return new Promise((resolve, reject) => {
    parser(req, res, (error?: unknown) => (error ? reject(error) : resolve(req.body as unknown)));
  });
}

function send(res: Response, reply: Reply): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.status(reply.status);
  if (reply.text) res.type(reply.text.contentType).send(reply.text.content);
  else if (reply.body === undefined) res.end();
  else res.json(reply.body);
}

export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: AppDeps): void {
  for (const r of routes) {
    router[r.method](r.path, async (req, res) => {
      res.locals['route'] = r.path;
      let actor = ANONYMOUS;
      if (r.roles !== 'public') {
        actor = await authenticate(deps.store, req);
        res.locals['actor'] = actor.keyId;
        authorize(actor, r.roles);
      }
      const rawBody = r.body ? await readJsonBody(req, res, deps.settings.bodyLimitBytes) : undefined;
      const params = r.params ? parseInput(r.params, { ...req.params }, 'path') : undefined;
      const query = r.query ? parseInput(r.query, { ...(req.query as object) }, 'query') : undefined;
      const bodyValue = rawBody === undefined ? {} : rawBody;
      const body = r.validateBody ? r.validateBody(bodyValue) : r.body ? parseInput(r.body, bodyValue, 'body') : undefined;
      send(res, await r.handler({ params, query, body, actor, req, deps }));
    });
  }
}
