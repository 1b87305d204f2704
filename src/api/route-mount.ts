/**
 * Mounts route definitions on an express router: for each request, authenticate, check the role,
 * parse the JSON body (after auth, so strangers cannot make us parse megabytes), validate path,
 * query and body with zod, call the handler and send its reply.
 */
import express, { type Request, type Response, type Router } from 'express';
import { ANONYMOUS, authenticate, authorize } from './auth.js';
import { readMultipart } from './multipart.js';
import type { AppDeps } from './deps.js';
import { problems } from './problem.js';
import type { AnyRoute, Reply } from './route.js';
import { parseInput } from './validate-input.js';

function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

const JSON_TYPES = ['application/json', 'application/*+json'];

function requireJsonType(req: Request): void {
  if (!req.is('application/json') && !req.is('application/*+json')) {
    throw problems.unsupportedMediaType('send the body as application/json');
  }
}

function readJsonBody(req: Request, res: Response, limit: number): Promise<unknown> {
  if (!hasBody(req)) return Promise.resolve(undefined);
  requireJsonType(req);
  // Not strict: a JSON string or number parses, and validation then says what was expected.
  const parser = express.json({ limit, strict: false, type: JSON_TYPES });
  return new Promise((resolve, reject) => {
    parser(req, res, (error?: unknown) => (error ? reject(error) : resolve(req.body as unknown)));
  });
}

/**
 * The JSON body as text, unparsed ('' when there is none), with the JSON parser's checks: media
 * type, a UTF charset, the size limit.
 */
function readJsonText(req: Request, res: Response, limit: number): Promise<string> {
  if (!hasBody(req)) return Promise.resolve('');
  requireJsonType(req);
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && !charset.startsWith('utf-')) throw problems.unsupportedMediaType(`unsupported charset "${charset.toUpperCase()}"`);
  const parser = express.text({ limit, type: () => true, defaultCharset: 'utf-8' });
  return new Promise((resolve, reject) => {
    parser(req, res, (error?: unknown) => (error ? reject(error) : resolve(typeof req.body === 'string' ? req.body : '')));
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
      const limit = deps.settings.bodyLimitBytes;
      const upload = r.readUpload && req.is('multipart/form-data') ? await readMultipart(req, res, limit) : undefined;
      const bodyText = r.readBody && !upload ? await readJsonText(req, res, limit) : undefined;
      const rawBody = r.body && !r.readBody ? await readJsonBody(req, res, limit) : undefined;
      const params = r.params ? parseInput(r.params, { ...req.params }, 'path') : undefined;
      const query = r.query ? parseInput(r.query, { ...(req.query as object) }, 'query') : undefined;
      const bodyValue = rawBody === undefined ? {} : rawBody;
      const body =
        upload ? await r.readUpload!(upload, { req, deps, query })
        : r.readBody ? await r.readBody(bodyText!, { req, deps, query })
        : r.validateBody ? r.validateBody(bodyValue)
        : r.body ? parseInput(r.body, bodyValue, 'body')
        : undefined;
      send(res, await r.handler({ params, query, body, actor, req, deps }));
    });
  }
}
