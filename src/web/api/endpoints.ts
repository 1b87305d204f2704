/** The API calls the console makes, typed. Each is one request unless its name says `all`. */
import type { ApiClient, QueryValue } from './client.js';
import type {
  BatchView,
  Caller,
  CommunityView,
  NeedView,
  OfferView,
  Page,
  PairingView,
  RunDiff,
  RunView,
  Statistics,
  UnmetView,
} from './types.js';

/** The API's largest page. */
export const PAGE_MAX = 500;
/** The bulk decision route takes at most this many decisions per request. */
export const BULK_MAX = 1000;

export interface PairingQuery {
  readonly district?: string;
  readonly street?: string;
  readonly community?: string;
  readonly category?: string;
  readonly providerKind?: string;
  readonly status?: string;
  readonly sort?: 'value_desc' | 'value_asc';
}

export interface UnmetQuery {
  readonly district?: string;
  readonly community?: string;
  readonly category?: string;
  readonly reason?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

/** A run as POST /v1/runs and /resolve answer it: 201 with the result, 202 when queued. */
export interface RunStarted {
  readonly run: RunView;
  readonly diff?: RunDiff;
}

/** Every item of a paginated list, PAGE_MAX at a time. */
export async function fetchAll<T>(api: ApiClient, path: string, query: Readonly<Record<string, QueryValue>> = {}): Promise<T[]> {
  const items: T[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const page: Page<T> = await api.get<Page<T>>(path, { ...query, limit: PAGE_MAX, offset });
    items.push(...page.items);
    offset = page.nextOffset;
  }
  return items;
}

const enc = encodeURIComponent;

export const endpoints = {
  me: (api: ApiClient) => api.get<Caller>('/v1/me'),
  runs: (api: ApiClient, page: PageRequest) => api.get<Page<RunView>>('/v1/runs', { ...page }),
  run: (api: ApiClient, runId: string) => api.get<RunView>(`/v1/runs/${enc(runId)}`),
  startRun: (api: ApiClient, batchIds: readonly string[]) => api.post<RunStarted>('/v1/runs', { batchIds }),
  resolve: (api: ApiClient, runId: string) => api.post<RunStarted>(`/v1/runs/${enc(runId)}/resolve`, {}),
  statistics: (api: ApiClient, runId: string) => api.get<Statistics>(`/v1/runs/${enc(runId)}/statistics`),
  pairings: (api: ApiClient, runId: string, query: PairingQuery, page: PageRequest) =>
    api.get<Page<PairingView>>(`/v1/runs/${enc(runId)}/pairings`, { ...query, ...page }),
  allPairings: (api: ApiClient, runId: string, query: PairingQuery) => fetchAll<PairingView>(api, `/v1/runs/${enc(runId)}/pairings`, { ...query }),
  pairing: (api: ApiClient, id: number) => api.get<PairingView>(`/v1/pairings/${id}`),
  unmet: (api: ApiClient, runId: string, query: UnmetQuery, page: PageRequest) =>
    api.get<Page<UnmetView>>(`/v1/runs/${enc(runId)}/unmet`, { ...query, ...page }),
  diff: (api: ApiClient, runId: string, against: string) => api.get<RunDiff>(`/v1/runs/${enc(runId)}/diff`, { against }),
  decide: (api: ApiClient, p: { id: number; version: number }, decision: 'approve' | 'reject', reason?: string) =>
    api.post<PairingView>(`/v1/pairings/${p.id}/decision`, { decision, version: p.version, ...(reason !== undefined ? { reason } : {}) }),
  approveMany: (api: ApiClient, pairings: readonly { id: number; version: number }[]) =>
    api.post<{ items: PairingView[] }>('/v1/pairings/decisions', {
      decisions: pairings.map((p) => ({ pairing: p.id, decision: 'approve', version: p.version })),
    }),
  batches: (api: ApiClient) => fetchAll<BatchView>(api, '/v1/batches'),
  communities: (api: ApiClient, batchId: string) => fetchAll<CommunityView>(api, `/v1/batches/${enc(batchId)}/communities`),
  offers: (api: ApiClient, batchId: string) => fetchAll<OfferView>(api, `/v1/batches/${enc(batchId)}/offers`),
  needs: (api: ApiClient, batchId: string) => fetchAll<NeedView>(api, `/v1/batches/${enc(batchId)}/needs`),
};
