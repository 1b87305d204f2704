/**
 * What every request leaves behind, whichever dispatch answered it (express or the lean one):
 * an `X-Request-Id` header, one log line and its count and latency in the metrics.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from './deps.js';

/** What the log line and metrics say of a request, known only once it has been routed. */
export interface RequestLabels {
  /** The route's path pattern; `unmatched` when none. */
  readonly route: string | undefined;
  /** The caller's key id, once authenticated. */
  readonly actor: string | undefined;
  /** The request's path without its query. */
  readonly path: string;
}

/**
 * Gives the request its id (the caller's `X-Request-Id`, up to 100 characters, or a new UUID),
 * sets it on the answer, and logs and counts the request when the answer is finished. Returns the id.
 */
export function observeRequest(
  deps: Pick<AppDeps, 'logger' | 'metrics'>,
  req: IncomingMessage,
  res: ServerResponse,
  started: number,
  labels: () => RequestLabels,
): string {
  const presented = req.headers['x-request-id'];
  const requestId = (typeof presented === 'string' ? presented.slice(0, 100) : '') || randomUUID();
  res.setHeader('X-Request-Id', requestId);
  res.on('finish', () => {
    const seconds = (performance.now() - started) / 1000;
    const { route = 'unmatched', actor, path } = labels();
    deps.metrics.observeRequest(req.method ?? 'GET', route, res.statusCode, seconds);
    deps.logger.info({ requestId, method: req.method, route, path, status: res.statusCode, ms: Math.round(seconds * 1000), key: actor }, 'request');
  });
  return requestId;
}
