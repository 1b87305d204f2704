/**
 * What the service stores, as plain data. Repositories (ports.ts) take and return these records;
 * no SQL type or driver object ever leaves a store adapter.
 */
import type { Community, Need, Offer, PriorPairing } from '../domain/batch-schema.js';
import type { WeightProfile } from '../domain/weights.js';
import type {
  Alternate,
  CandidateSummary,
  Coverage,
  MatchOptions,
  OfferUsage,
  ScoreBreakdown,
  SolveSummary,
  UnmetReason,
} from '../match/types.js';
import type { Category, ProviderKind, SupportForm } from '../domain/taxonomy.js';

/** Who may do what: planners submit, officials verify and review, analysts tune, admins all. */
export const ROLES = ['planner', 'official', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The caller a change is recorded against (an API key, or the service itself). */
export interface Actor {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role | 'system';
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** SHA-256 (hex) of the secret; the secret itself is never stored. */
  readonly hash: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** A limit/offset window and the total it was cut from. */
export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** 点单—验单: a need enters `submitted`; an official verifies it or returns it with a reason. */
export const NEED_STATUSES = ['submitted', 'verified', 'returned'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** The parts of a batch other than its needs (needs are rows of their own, with a status). */
export interface BatchContent {
  readonly communities: readonly Community[];
  readonly offers: readonly Offer[];
  readonly previousPairings: readonly PriorPairing[];
}

export interface BatchRecord {
  readonly id: string;
  readonly name: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  /** SHA-256 of the batch as validated (canonical JSON). */
  readonly contentHash: string;
  readonly counts: { readonly communities: number; readonly needs: number; readonly offers: number };
  readonly needStatus: Readonly<Record<NeedStatus, number>>;
}

export interface NeedRecord {
  readonly batchId: string;
  readonly need: Need;
  readonly district: string;
  readonly street: string;
  readonly status: NeedStatus;
  readonly statusReason: string | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
}

export interface WeightProfileRecord {
  /** Versions count up from 1 and never change once written. */
  readonly version: number;
  readonly name: string;
  readonly profile: WeightProfile;
  readonly hash: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** How a run came about: a fresh solve, a re-solve after review, a replay of stored inputs, a what-if. */
export type RunKind = 'solve' | 'resolve' | 'replay' | 'what-if';

/** Everything a run was solved with besides its input snapshot and weights (MatchOptions, stored). */
export type RunOptions = Pick<MatchOptions, 'mode' | 'verify' | 'locked' | 'forbidden' | 'previous' | 'stabilityWeight' | 'alternates'>;

/** The result of a run apart from its pairings and unmet needs (which are rows). */
export interface RunSummary {
  readonly solve: SolveSummary;
  readonly candidates: CandidateSummary;
  readonly coverage: Coverage;
  readonly offers: readonly OfferUsage[];
  readonly pairings: number;
  readonly unmet: number;
  readonly totalValue: number;
}

export interface RunRecord {
  readonly id: string;
  readonly kind: RunKind;
  readonly status: RunStatus;
  readonly batchIds: readonly string[];
  readonly weightVersion: number;
  readonly options: RunOptions;
  /** SHA-256 of the input snapshot (the batch exactly as the matcher saw it). */
  readonly inputHash: string;
  readonly solverVersion: string;
  readonly parentRunId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
  readonly summary: RunSummary | null;
}

export const PAIRING_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

export interface PairingRecord {
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
  /** Bumped by every decision: a decision naming an older version is refused (409). */
  readonly version: number;
  readonly score: ScoreBreakdown;
  readonly alternates: readonly Alternate[];
}

export interface UnmetRecord {
  readonly runId: string;
  readonly need: string;
  readonly community: string;
  readonly district: string;
  readonly category: Category;
  readonly form: SupportForm;
  readonly demand: number;
  readonly met: number;
  readonly reason: UnmetReason;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: Actor;
  /** What happened, `entity.verb`: `batch.create`, `pairing.decide`, `weights.create`, ... */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A stored answer to a request sent with an Idempotency-Key. */
export interface IdempotencyRecord {
  readonly scope: string;
  readonly key: string;
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
  readonly createdAt: string;
}

/** The actor the service itself acts as (seeding, crash recovery, background runs, the CLI). */
export const SYSTEM_ACTOR: Actor = { keyId: 'system', name: 'jiedui', role: 'system' };
