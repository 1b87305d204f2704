/**
 * The HTTP application: the lean dispatch for the hottest reads (lean-dispatch.ts) in front of the
 * express application for everything else. `createApp(deps)` takes everything it uses (store,
 * logger, clock, solver, queue, metrics), so tests build it on a temp database and a real solver.
 */
import type { RequestListener } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from './deps.js';
import { createLeanDispatch } from './lean-dispatch.js';
import { problems, sendProblem, toProblem } from './problem.js';
import { observeRequest } from './request-observer.js';
import type { AnyRoute } from './route.js';
import { mountRoutes } from './route-mount.js';
import { allRoutes } from './routes/index.js';
import { webConsole } from './web-console.js';

/** Which methods a path allows, from the route table (for 405 with an Allow header). */
function allowedMethods(routes: readonly AnyRoute[]): (path: string) => string[] {
  const patterns = routes.map((r) => ({
    method: r.method.toUpperCase(),
    regex: new RegExp(`^${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]\w*/g, '[^/]+')}/?$`),
  }));
  return (path) => [...new Set(patterns.filter((p) => p.regex.test(path)).map((p) => p.method))];
}

/** Logs one line per request and feeds the request metrics (the route and key are known later). */
function observeRequests(deps: AppDeps) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.locals['requestId'] = observeRequest(deps, req, res, started, () => ({
      route: res.locals['route'] as string | undefined,
      actor: res.locals['actor'] as string | undefined,
      path: req.path,
    }));
    next();
  };
}

/** The request listener of the service (what `http.createServer` is given). */
export function createApp(deps: AppDeps): RequestListener {
  const routes = allRoutes(deps);
  return createLeanDispatch(deps, routes, expressApp(deps, routes));
}

function expressApp(deps: AppDeps, routes: readonly AnyRoute[]): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(observeRequests(deps));

  const router = express.Router();
  mountRoutes(router, routes, deps);
  app.use(router);
  // After the API routes (they always win), before the 404 handler (missing files still get it).
  if (deps.settings.webRoot !== undefined) app.use(webConsole(deps.settings.webRoot));

  const allowed = allowedMethods(routes);
  app.use((req: Request) => {
    const methods = allowed(req.path);
    if (methods.length > 0) throw problems.methodNotAllowed(methods);
    throw problems.notFound(`no route ${req.method} ${req.path}`);
  });

  // Express recognises an error handler by its four parameters.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { problem, expected } = toProblem(error);
    if (!expected) deps.logger.error({ err: error, requestId: res.locals['requestId'], path: req.path }, 'unexpected error');
    sendProblem(res, problem, res.locals['requestId'] ? `urn:jiedui:request:${String(res.locals['requestId'])}` : undefined);
  });
  return app;
}
