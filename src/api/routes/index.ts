/** Every route of the API, in the order they are matched (fixed paths before parameters). */
import type { AppDeps } from '../deps.js';
import type { AnyRoute } from '../route.js';
import { auditRoutes } from './audit.js';
import { batchRoutes } from './batches.js';
import { keyRoutes } from './keys.js';
import { needRoutes } from './needs.js';
import { pairingRoutes } from './pairings.js';
import { runResultRoutes } from './run-results.js';
import { runRoutes } from './runs.js';
import { runExportRoutes } from './run-export.js';
import { sessionRoutes } from './session.js';
import { systemRoutes } from './system.js';
import { weightRoutes } from './weights.js';
import { whatIfRoutes } from './what-if.js';

export function allRoutes(deps: Pick<AppDeps, 'settings'>): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(
    ...systemRoutes(() => routes, deps.settings.solverVersion),
    ...batchRoutes,
    ...needRoutes,
    ...weightRoutes,
    ...runRoutes,
    ...runResultRoutes,
    ...runExportRoutes,
    ...pairingRoutes,
    ...whatIfRoutes,
    ...auditRoutes,
    ...keyRoutes,
    ...sessionRoutes,
  );
  return routes;
}
