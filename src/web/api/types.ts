/**
 * The shapes the console reads from the API (see src/api/views.ts and GET /v1/openapi.json).
 * The service's own views are written out here, so the browser bundle depends on the wire
 * contract only; the pipeline's plain result shapes, which the API returns as they are, are
 * imported as types (erased from the bundle) rather than copied.
 */
import type { Category, ProviderKind, SupportForm } from '../../domain/taxonomy.js';
import type { Alternate, Coverage, CoverageRow, FeatureTerm } from '../../match/types.js';

export type { Alternate, Coverage, CoverageRow, FeatureTerm };

export type Role = 'planner' | 'official' | 'analyst' | 'admin';
export type PairingStatus = 'proposed' | 'approved' | 'rejected';
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type RunKind = 'solve' | 'resolve' | 'replay' | 'what-if';

/** GET /v1/me */
export interface Caller {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly nextOffset: number | null;
}

export interface RunView {
  readonly id: string;
  readonly kind: RunKind;
  readonly status: RunStatus;
  readonly batchIds: readonly string[];
  readonly weightProfileVersion: number;
  readonly mode: 'flow' | 'one-to-one';
  readonly options: { readonly locked?: number; readonly forbidden?: number; readonly previous?: number };
  readonly parentRunId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
  readonly progress: { readonly stage: string; readonly queuePosition: number | null; readonly elapsedMs: number | null };
  readonly totals: { readonly pairings: number; readonly unmet: number; readonly totalValue: number; readonly objective: number; readonly gap: number } | null;
}

export interface ScoreBreakdown {
  readonly fitTerms: Readonly<Record<string, FeatureTerm>>;
  readonly fit: number;
  readonly valueTerms: Readonly<Record<string, FeatureTerm>>;
  readonly needValue: number;
  readonly valuePerUnit: number;
}

export interface PairingView {
  readonly id: number;
  readonly runId: string;
  readonly need: string;
  readonly offer: string;
  readonly amount: number;
  readonly unit: string;
  readonly value: number;
  readonly community: string;
  readonly district: string;
  readonly street: string;
  readonly category: Category;
  readonly form: SupportForm;
  readonly providerKind: ProviderKind;
  readonly locked: boolean;
  readonly status: PairingStatus;
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly version: number;
  readonly score: ScoreBreakdown;
  readonly alternates: readonly Alternate[];
}

/** A group of offers' scarcity (match/prices): present when the run was asked for prices. */
export interface BottleneckRow {
  readonly dimension: string;
  readonly key: string;
  readonly form?: string;
  readonly category?: string;
  readonly district?: string;
  readonly offers: number;
  readonly capacity: number;
  readonly used: number;
  readonly scarceOffers: number;
  readonly meanPrice: number;
  readonly maxPrice: number;
  readonly valueOfTenPercent: number;
}

export interface Bottlenecks {
  readonly byForm?: readonly BottleneckRow[];
  readonly byCategory?: readonly BottleneckRow[];
  readonly byDistrict?: readonly BottleneckRow[];
  readonly byProviderKind?: readonly BottleneckRow[];
  readonly hotspots?: readonly BottleneckRow[];
}

export interface Statistics {
  readonly totals: { readonly pairings: number; readonly unmet: number; readonly totalValue: number };
  readonly review: Readonly<Record<PairingStatus, number>>;
  readonly coverage: Coverage;
  readonly solve: { readonly status: string; readonly objective: number; readonly bound: number; readonly gap: number };
  /** The price report of runs solved with prices, when the service includes it. */
  readonly prices?: { readonly bottlenecks?: Bottlenecks; readonly note?: string };
  readonly bottlenecks?: Bottlenecks;
}

export type UnmetReason =
  | { readonly code: 'not_pooled' }
  | { readonly code: 'no_candidate'; readonly excludedBy: Readonly<Record<string, number>> }
  | { readonly code: 'outcompeted'; readonly by: readonly string[]; readonly offers: readonly string[] }
  | { readonly code: 'no_value'; readonly offers: readonly string[] }
  | { readonly code: 'all_or_nothing'; readonly detail: string };

export interface UnmetView {
  readonly need: string;
  readonly community: string;
  readonly district: string;
  readonly category: Category;
  readonly form: SupportForm;
  readonly demand: number;
  readonly met: number;
  readonly reason: UnmetReason;
}

export interface DiffPair {
  readonly need: string;
  readonly offer: string;
  readonly amount: number;
  readonly value: number;
}

export type RemovalReason =
  | { readonly code: 'rejected' }
  | { readonly code: 'need_reassigned'; readonly offers: readonly string[] }
  | { readonly code: 'capacity_reassigned'; readonly needs: readonly string[] }
  | { readonly code: 'dropped' };

export interface RunDiff {
  readonly from?: string;
  readonly to?: string;
  readonly added: readonly DiffPair[];
  readonly removed: readonly (DiffPair & { readonly reason: RemovalReason })[];
  readonly changed: readonly { readonly need: string; readonly offer: string; readonly amountBefore: number; readonly amountAfter: number }[];
  readonly summary: {
    readonly added: number;
    readonly removed: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly moved: number;
    readonly removedBy: Readonly<Record<RemovalReason['code'], number>>;
    readonly valueBefore: number;
    readonly valueAfter: number;
  };
}

export interface BatchView {
  readonly id: string;
  readonly name: string | null;
  readonly createdAt: string;
  readonly counts: { readonly communities: number; readonly needs: number; readonly offers: number };
  readonly needStatus: { readonly submitted: number; readonly verified: number; readonly returned: number };
}

export interface CommunityView {
  readonly id: string;
  readonly name: string;
  readonly district: string;
  readonly street: string;
}

export interface OfferView {
  readonly id: string;
  readonly provider: { readonly name: string; readonly kind: ProviderKind };
  readonly form: SupportForm;
  readonly capacity: number;
  readonly unit: string;
}

export interface NeedView {
  readonly id: string;
  readonly need: { readonly title: string; readonly community: string; readonly unit: string; readonly quantity: number; readonly beneficiaries: number; readonly urgency: number; readonly kind: string };
}

/** RFC 9457 problem details, with the extensions this API adds. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
  /** 409 on one decision: the state someone else left. */
  readonly currentStatus?: PairingStatus;
  readonly currentVersion?: number;
  readonly decidedBy?: string | null;
  /** 409 on bulk decisions: one entry per stale pairing. */
  readonly conflicts?: readonly { readonly pairing: number; readonly currentStatus: PairingStatus; readonly decidedBy: string | null }[];
}
