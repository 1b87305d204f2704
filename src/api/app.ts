/**
 * The express application. `createApp(deps)` takes everything it uses (store, logger, clock,
 * solver, queue, metrics), so tests build it on a temp database and a real solver.
 */
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from './deps.js';
import { problems, sendProblem, toProblem } from './problem.js';
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

/** Logs one line per request and feeds the request metrics. */
function observeRequests(deps: AppDeps) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const requestId = req.get('x-request-id')?.slice(0, 100) || randomUUID();
    res.locals['requestId'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = (res.locals['route'] as string | undefined) ?? 'unmatched';
      deps.metrics.observeRequest(req.method, route, res.statusCode, seconds);
      deps.logger.info(
        { requestId, method: req.method, route, path: req.path, status: res.statusCode, ms: Math.round(seconds * 1000), key: res.locals['actor'] },
        'request',
      );
    });
    next();
  };
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(observeRequests(deps));

  const routes = allRoutes(deps);
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
