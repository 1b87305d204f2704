/**
 * The pairings table's filters, kept in the URL's query so a filtered view can be reloaded and
 * shared. Pure conversions between the query, the filter state and the API's query.
 */
import type { PairingQuery } from '../api/endpoints.js';

export const FILTER_FIELDS = ['district', 'street', 'community', 'category', 'providerKind', 'status'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type SortOrder = 'value_desc' | 'value_asc';

export interface PairingFilters {
  readonly district: string;
  readonly street: string;
  readonly community: string;
  readonly category: string;
  readonly providerKind: string;
  readonly status: string;
  readonly sort: SortOrder;
  readonly offset: number;
}

export function filtersFromQuery(query: Readonly<Record<string, string>>): PairingFilters {
  const offset = Number(query['offset'] ?? 0);
  return {
    district: query['district'] ?? '',
    street: query['street'] ?? '',
    community: query['community'] ?? '',
    category: query['category'] ?? '',
    providerKind: query['providerKind'] ?? '',
    status: query['status'] ?? '',
    sort: query['sort'] === 'value_asc' ? 'value_asc' : 'value_desc',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** Back to a URL query; defaults are left out. */
export function filtersToQuery(f: PairingFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const field of FILTER_FIELDS) if (f[field] !== '') query[field] = f[field];
  if (f.sort !== 'value_desc') query['sort'] = f.sort;
  if (f.offset > 0) query['offset'] = String(f.offset);
  return query;
}

/** The filters as GET /v1/runs/:id/pairings takes them. */
export function apiQuery(f: PairingFilters): PairingQuery {
  const query: Record<string, string> = { sort: f.sort };
  for (const field of FILTER_FIELDS) if (f[field] !== '') query[field] = f[field];
  return query;
}

/**
 * Sets one filter. Choosing a place clears the finer places under it that may no longer fit,
 * and any change goes back to the first page.
 */
export function withFilter(f: PairingFilters, field: FilterField | 'sort', value: string): PairingFilters {
  const next = { ...f, [field]: value, offset: 0 } as PairingFilters;
  if (field === 'district') return { ...next, street: '', community: '' };
  if (field === 'street') return { ...next, community: '' };
  return next;
}

export const noFilters = (f: PairingFilters): PairingFilters => ({ ...filtersFromQuery({}), sort: f.sort });
