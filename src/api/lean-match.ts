/**
 * Which GET requests the lean dispatch may take: those whose route, in express's own matching
 * (routes in table order, paths case-insensitive, an optional trailing slash), is a `lean` route,
 * and whose path is that route's in its plain form (same case, no trailing slash, nothing
 * percent-encoded), so that the parameters are exactly the texts express would decode.
 */
import type { AnyRoute } from './route.js';

export interface LeanMatch {
  readonly route: AnyRoute;
  /** Parameter values by name, as express would give them. */
  readonly params: Readonly<Record<string, string>>;
  /** The path without the query. */
  readonly path: string;
  /** The query text after `?` ('' when none). */
  readonly query: string;
}

interface Pattern {
  readonly route: AnyRoute;
  readonly loose: RegExp;
  readonly plain: RegExp;
  readonly names: readonly string[];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PARAM = /:([A-Za-z_]\w*)/g;

function patternOf(route: AnyRoute): Pattern {
  const source = escapeRegex(route.path).replace(PARAM, '([^/]+)');
  return {
    route,
    loose: new RegExp(`^${source}/?$`, 'i'),
    plain: new RegExp(`^${source}$`),
    names: [...route.path.matchAll(PARAM)].map((m) => m[1]!),
  };
}

/** Builds the matcher over the route table (in the order express matches it). */
export function leanMatcher(routes: readonly AnyRoute[]): (url: string) => LeanMatch | undefined {
  const gets = routes.filter((r) => r.method === 'get').map(patternOf);
  return (url) => {
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    // Encoded or unusual texts go to express, which decodes them as it always has.
    if (path.includes('%') || url.includes('#') || !path.startsWith('/')) return undefined;
    const first = gets.find((p) => p.loose.test(path));
    if (!first?.route.lean) return undefined;
    const values = first.plain.exec(path);
    if (!values) return undefined;
    const params: Record<string, string> = {};
    first.names.forEach((name, i) => {
      params[name] = values[i + 1]!;
    });
    return { route: first.route, params, path, query: q < 0 ? '' : url.slice(q + 1) };
  };
}
