/**
 * The storage port: what the API, jobs and review code may ask of storage. Adapters (sqlite/, and
 * a PostgreSQL one later) implement it; nothing outside an adapter sees SQL or a driver. Every
 * method is async so that a networked database fits the same interface.
 */
import type { Need } from '../domain/batch-schema.js';
import type { WeightProfile } from '../domain/weights.js';
import type {
  Actor,
  ApiKeyRecord,
  AuditEntry,
  BatchContent,
  BatchRecord,
  IdempotencyRecord,
  NeedRecord,
  NeedStatus,
  Page,
  PageRequest,
  PairingRecord,
  PairingStatus,
  RunKind,
  RunOptions,
  RunRecord,
  RunStatus,
  RunSummary,
  UnmetRecord,
  WeightProfileRecord,
} from './records.js';

export interface ApiKeyRepository {
  insert(key: ApiKeyRecord): Promise<void>;
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  list(): Promise<readonly ApiKeyRecord[]>;
  /** Returns false when no active key has that id. */
  revoke(id: string, at: string): Promise<boolean>;
}

/** Filters on needs; a batch matches when at least one of its needs does. */
export interface NeedFilter {
  readonly batchId?: string;
  readonly district?: string;
  readonly category?: string;
  readonly form?: string;
  readonly status?: NeedStatus;
}

export interface NewBatch {
  readonly id: string;
  readonly name: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly contentHash: string;
  readonly counts: { readonly communities: number; readonly offers: number };
  /**
   * Communities, offers and earlier pairings (a BatchContent) as JSON text: serialised by the
   * intake worker, so storing a city-sized batch writes strings instead of walking objects.
   */
  readonly contentJson: string;
  readonly needs: readonly NewNeed[];
  /** The status every need of the batch enters with. */
  readonly needState: NewNeedState;
}
export interface NewNeed {
  readonly id: string;
  readonly community: string;
  readonly district: string;
  readonly street: string;
  readonly category: string;
  readonly form: string;
  /** The need as validated, as JSON text. */
  readonly json: string;
}
export interface NewNeedState {
  readonly status: NeedStatus;
  readonly statusReason: string | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
}

export interface BatchRepository {
  insert(batch: NewBatch): Promise<void>;
  get(id: string): Promise<BatchRecord | undefined>;
  /** Newest first. */
  list(filter: NeedFilter, page: PageRequest): Promise<Page<BatchRecord>>;
  content(id: string): Promise<BatchContent | undefined>;
  /** The same as JSON text (for the intake worker, which parses it off the event loop). */
  contentJson(id: string): Promise<string | undefined>;
}

export interface NeedStatusChange {
  readonly batchId: string;
  readonly needId: string;
  /** The change happens only if the need is in this status now. */
  readonly from: NeedStatus;
  readonly to: NeedStatus;
  readonly reason: string | null;
  readonly by: string;
  readonly at: string;
}

export interface NeedRepository {
  get(batchId: string, needId: string): Promise<NeedRecord | undefined>;
  list(filter: NeedFilter, page: PageRequest): Promise<Page<NeedRecord>>;
  /** Needs of these batches in this status, in batch then submission order. */
  inStatus(batchIds: readonly string[], status: NeedStatus): Promise<readonly Need[]>;
  /** The same needs as the JSON text of one array (for the intake worker). */
  inStatusJson(batchIds: readonly string[], status: NeedStatus): Promise<string>;
  /** Compare-and-set on the status; false when the need was not in `from`. */
  changeStatus(change: NeedStatusChange): Promise<boolean>;
}

export interface NewWeightProfile {
  readonly name: string;
  readonly profile: WeightProfile;
  readonly hash: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface WeightProfileRepository {
  /** Stores a new immutable version and returns it. */
  insert(profile: NewWeightProfile): Promise<WeightProfileRecord>;
  get(version: number): Promise<WeightProfileRecord | undefined>;
  list(page: PageRequest): Promise<Page<WeightProfileRecord>>;
  /** The version runs use when they name none; undefined before the store is seeded. */
  defaultVersion(): Promise<number | undefined>;
  setDefaultVersion(version: number): Promise<void>;
}

export interface NewRun {
  readonly id: string;
  readonly kind: RunKind;
  readonly status: RunStatus;
  readonly batchIds: readonly string[];
  readonly weightVersion: number;
  readonly options: RunOptions;
  readonly inputHash: string;
  readonly solverVersion: string;
  readonly parentRunId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface RunState {
  readonly id: string;
  readonly status: RunStatus;
  readonly error: string | null;
}

export interface RunFilter {
  readonly status?: RunStatus;
  readonly kind?: RunKind;
}

export interface RunRepository {
  /** Stores an input snapshot under its hash (a no-op when it is already stored). */
  putInput(hash: string, snapshot: unknown, at: string): Promise<void>;
  getInput(hash: string): Promise<unknown>;
  /** Stores a snapshot already serialised (its JSON text) under its hash; a no-op when stored. */
  putInputJson(hash: string, json: string, at: string): Promise<void>;
  /** A stored snapshot as JSON text, unparsed (solvers parse it on their own thread). */
  getInputJson(hash: string): Promise<string | undefined>;
  insert(run: NewRun): Promise<void>;
  get(id: string): Promise<RunRecord | undefined>;
  /** Just the state of a run: cheaper than `get` (no summary or options to decode). */
  state(id: string): Promise<RunState | undefined>;
  list(filter: RunFilter, page: PageRequest): Promise<Page<RunRecord>>;
  markRunning(id: string, at: string): Promise<void>;
  markSucceeded(id: string, at: string, summary: RunSummary): Promise<void>;
  markFailed(id: string, at: string, error: string): Promise<void>;
  /** Marks every run in one of `statuses` failed; returns their ids (crash and shutdown recovery). */
  failAll(statuses: readonly RunStatus[], at: string, error: string): Promise<readonly string[]>;
}

export interface NewPairing extends Omit<PairingRecord, 'id' | 'version'> {}

export interface PairingFilter {
  readonly district?: string;
  readonly street?: string;
  readonly community?: string;
  readonly category?: string;
  readonly providerKind?: string;
  readonly status?: PairingStatus;
}
export type PairingSort = 'value_desc' | 'value_asc' | 'id';

export interface PairingDecision {
  readonly id: number;
  readonly expectedVersion: number;
  readonly status: PairingStatus;
  readonly reason: string | null;
  readonly by: string;
  readonly at: string;
}

/**
 * A pairing with its score breakdown and alternates left as the JSON text they are stored as
 * (`{"score":…,"alternates":[…]}`), for pages that are sent on as JSON without being decoded.
 */
export interface RawPairingRecord extends Omit<PairingRecord, 'score' | 'alternates'> {
  readonly detailJson: string;
}

export interface NewRawPairing extends Omit<RawPairingRecord, 'id' | 'version'> {}

export interface PairingRepository {
  insertMany(pairings: readonly NewPairing[]): Promise<void>;
  /** The same, with each detail already JSON text (`{"score":…,"alternates":[…]}`). */
  insertManyRaw(pairings: readonly NewRawPairing[]): Promise<void>;
  get(id: number): Promise<PairingRecord | undefined>;
  list(runId: string, filter: PairingFilter, sort: PairingSort, page: PageRequest): Promise<Page<PairingRecord>>;
  /** The same page, with each pairing's detail as stored JSON text (see RawPairingRecord). */
  listRaw(runId: string, filter: PairingFilter, sort: PairingSort, page: PageRequest): Promise<Page<RawPairingRecord>>;
  /** Every pairing of a run, in id order. */
  all(runId: string): Promise<readonly PairingRecord[]>;
  countByStatus(runId: string): Promise<Readonly<Record<PairingStatus, number>>>;
  /** Compare-and-set on the version; returns the updated record, or undefined when stale. */
  decide(decision: PairingDecision): Promise<PairingRecord | undefined>;
  /**
   * A number that moves on whenever a committed write changes the run's pairings (new pairings, a
   * decision): a key for caches of what is read from them (rendered pages). Meaningful within this
   * process only (it may start over when the store is opened), so never send it to clients. Read it
   * before the data it keys: a commit in between then only makes a cached entry look older.
   */
  revision(runId: string): Promise<number>;
}

export interface UnmetFilter {
  readonly district?: string;
  readonly community?: string;
  readonly category?: string;
  readonly reason?: string;
}

export interface UnmetRepository {
  insertMany(unmet: readonly UnmetRecord[]): Promise<void>;
  list(runId: string, filter: UnmetFilter, page: PageRequest): Promise<Page<UnmetRecord>>;
}

export interface NewAuditEntry extends Omit<AuditEntry, 'id'> {}

export interface AuditFilter {
  readonly entityType?: string;
  readonly entityId?: string;
  readonly action?: string;
  readonly actorKeyId?: string;
}

export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>>;
}

export interface IdempotencyRepository {
  get(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  put(record: IdempotencyRecord): Promise<void>;
}

/** Every repository, bound to one connection or transaction. */
export interface Repositories {
  readonly apiKeys: ApiKeyRepository;
  readonly batches: BatchRepository;
  readonly needs: NeedRepository;
  readonly weights: WeightProfileRepository;
  readonly runs: RunRepository;
  readonly pairings: PairingRepository;
  readonly unmet: UnmetRepository;
  readonly audit: AuditRepository;
  readonly idempotency: IdempotencyRepository;
}

export interface Store {
  /**
   * Runs `work` in one transaction: everything it writes commits together, or nothing does when it
   * throws. Transactions run one at a time, so a compare-and-set inside one cannot race another.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Reads outside a transaction; they see committed data only. Do not write through these. */
  readonly read: Repositories;
  /** Whether the store answers (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type { Actor };
