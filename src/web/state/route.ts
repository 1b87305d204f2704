/**
 * Where the console is, kept in the URL's hash (`#/runs/run_…/pairings?community=C0029`), so a
 * view with its filters can be reloaded, bookmarked and sent to a colleague, and the server only
 * has to serve one page.
 */
import { useEffect, useState } from 'preact/hooks';

export const RUN_TABS = ['overview', 'pairings', 'unmet', 'changes'] as const;
export type RunTab = (typeof RUN_TABS)[number];

export type Route =
  | { readonly page: 'runs' }
  | { readonly page: 'run'; readonly runId: string; readonly tab: RunTab; readonly query: Readonly<Record<string, string>> };

/** Reads a hash like `#/runs/run_1/pairings?district=天宁区`. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'runs' && parts[1]) {
    const tab = (RUN_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as RunTab) : 'overview';
    return { page: 'run', runId: decodeURIComponent(parts[1]), tab, query: Object.fromEntries(new URLSearchParams(search)) };
  }
  return { page: 'runs' };
}

/** The hash of a route; empty query values are left out. */
export function routeHash(route: Route): string {
  if (route.page === 'runs') return '#/';
  const query = new URLSearchParams(Object.entries(route.query).filter(([, v]) => v !== '')).toString();
  return `#/runs/${encodeURIComponent(route.runId)}/${route.tab}${query ? `?${query}` : ''}`;
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (location.hash !== hash) location.hash = hash;
}

/** The current route, following the hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
