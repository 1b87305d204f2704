/**
 * How stored records look on the wire, with zod schemas of those shapes for the OpenAPI document.
 * Labels (zh/en) ride along where officials read them.
 */
import { z } from 'zod';
import { CATEGORIES, PROVIDER_KINDS, SUPPORT_FORMS } from '../domain/taxonomy.js';
import type { RawPairingRecord } from '../store/ports.js';
import type { BatchRecord, NeedRecord, PairingRecord, PairingStatus, RunRecord, RunSummary, WeightProfileRecord } from '../store/records.js';

const Label = z.object({ zh: z.string(), en: z.string() });
const Json = z.unknown();

export const BatchView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  contentHash: z.string(),
  counts: z.object({ communities: z.number(), needs: z.number(), offers: z.number() }),
  needStatus: z.object({ submitted: z.number(), verified: z.number(), returned: z.number() }),
});
export const batchView = (b: BatchRecord): z.infer<typeof BatchView> => ({ ...b, counts: { ...b.counts }, needStatus: { ...b.needStatus } });

export const NeedView = z.object({
  batchId: z.string(),
  id: z.string(),
  community: z.string(),
  district: z.string(),
  street: z.string(),
  status: z.enum(['submitted', 'verified', 'returned']),
  statusReason: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  need: Json.describe('The need as validated (quantities in canonical units)'),
});
export const needView = (n: NeedRecord) => ({
  batchId: n.batchId,
  id: n.need.id,
  community: n.need.community,
  district: n.district,
  street: n.street,
  status: n.status,
  statusReason: n.statusReason,
  reviewedBy: n.reviewedBy,
  reviewedAt: n.reviewedAt,
  need: n.need,
});

export const WeightProfileView = z.object({
  version: z.number().int(),
  name: z.string(),
  isDefault: z.boolean(),
  hash: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  profile: Json,
});
export const weightProfileView = (w: WeightProfileRecord, defaultVersion: number | undefined) => ({
  version: w.version,
  name: w.name,
  isDefault: w.version === defaultVersion,
  hash: w.hash,
  createdBy: w.createdBy,
  createdAt: w.createdAt,
  profile: w.profile,
});

export const RunView = z.object({
  id: z.string(),
  kind: z.enum(['solve', 'resolve', 'replay', 'what-if']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  batchIds: z.array(z.string()),
  weightProfileVersion: z.number().int(),
  mode: z.enum(['flow', 'one-to-one']),
  options: Json.describe('Every option the run was solved with (locks, forbidden pairs, previous pairings included)'),
  inputHash: z.string().describe('SHA-256 of the input snapshot (canonical JSON)'),
  solverVersion: z.string(),
  parentRunId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  progress: z.object({ stage: z.string(), queuePosition: z.number().int().nullable(), elapsedMs: z.number().nullable() }),
  totals: z.object({ pairings: z.number(), unmet: z.number(), totalValue: z.number(), objective: z.number(), gap: z.number() }).nullable(),
});
export function runView(run: RunRecord, queuePosition: number | undefined, now: number) {
  const { locked, forbidden, previous, ...rest } = run.options;
  const started = run.startedAt ? Date.parse(run.startedAt) : undefined;
  const ended = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    batchIds: run.batchIds,
    weightProfileVersion: run.weightVersion,
    mode: run.options.mode,
    options: { ...rest, locked: locked.length, forbidden: forbidden.length, previous: previous.length },
    inputHash: run.inputHash,
    solverVersion: run.solverVersion,
    parentRunId: run.parentRunId,
    createdBy: run.createdBy,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    progress: {
      stage: run.status === 'queued' ? 'waiting for a solver' : run.status === 'running' ? 'solving' : run.status,
      queuePosition: queuePosition ?? null,
      elapsedMs: started === undefined ? null : ended - started,
    },
    totals: run.summary
      ? {
          pairings: run.summary.pairings,
          unmet: run.summary.unmet,
          totalValue: run.summary.totalValue,
          objective: run.summary.solve.objective,
          gap: run.summary.solve.gap,
        }
      : null,
  };
}

export const PairingView = z.object({
  id: z.number().int(),
  runId: z.string(),
  need: z.string(),
  offer: z.string(),
  amount: z.number(),
  unit: z.string(),
  value: z.number(),
  community: z.string(),
  district: z.string(),
  street: z.string(),
  category: z.string(),
  form: z.string(),
  providerKind: z.string(),
  labels: z.object({ category: Label, form: Label, providerKind: Label }),
  locked: z.boolean(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int().describe('Send it back with a decision; a stale one is refused with 409'),
  score: Json.describe('Why the pair scores what it scores (fit and value terms)'),
  alternates: z
    .array(z.object({ offer: z.string(), valuePerUnit: z.number(), shortfallPerUnit: z.number() }))
    .describe('Next-best offers for this need, best first'),
});
/** Everything of a pairing's view but its score breakdown and alternates (which come last). */
const pairingHeadView = (p: Omit<PairingRecord, 'score' | 'alternates'>) => ({
  id: p.id,
  runId: p.runId,
  need: p.need,
  offer: p.offer,
  amount: p.amount,
  unit: p.unit,
  value: p.value,
  community: p.community,
  district: p.district,
  street: p.street,
  category: p.category,
  form: p.form,
  providerKind: p.providerKind,
  labels: { category: CATEGORIES[p.category], form: SUPPORT_FORMS[p.form], providerKind: PROVIDER_KINDS[p.providerKind] },
  locked: p.locked,
  status: p.status,
  reason: p.reason,
  decidedBy: p.decidedBy,
  decidedAt: p.decidedAt,
  version: p.version,
});

export const pairingView = (p: PairingRecord) => ({ ...pairingHeadView(p), score: p.score, alternates: p.alternates });

const DETAIL_PREFIX = '{"score":';

/**
 * `JSON.stringify(pairingView(p))`, written without decoding the stored detail: the view ends with
 * `score` and `alternates`, which is the detail's own text (`{"score":…,"alternates":[…]}`), so it
 * is spliced in as it is. Decoding and re-encoding it was most of the cost of a page of pairings.
 */
export function pairingViewJson(p: RawPairingRecord): string {
  if (!p.detailJson.startsWith(DETAIL_PREFIX)) {
    const detail = JSON.parse(p.detailJson) as Pick<PairingRecord, 'score' | 'alternates'>;
    return JSON.stringify(pairingView({ ...p, score: detail.score, alternates: detail.alternates }));
  }
  const head = JSON.stringify(pairingHeadView(p));
  return `${head.slice(0, -1)},${p.detailJson.slice(1)}`;
}

/** The strong ETag of a pairing's current version. */
export const pairingEtag = (p: Pick<PairingRecord, 'version'>) => `"v${p.version}"`;

export const StatisticsView = z.object({
  totals: z.object({ pairings: z.number(), unmet: z.number(), totalValue: z.number() }),
  review: z.object({ proposed: z.number(), approved: z.number(), rejected: z.number() }),
  coverage: z.unknown().describe('Needs met, communities reached, beneficiaries: in total and by district, category, provider kind, form'),
  solve: z.unknown().describe('Status, objective, proven bound and gap, certificate, timings'),
  candidates: z.unknown(),
  offers: z.unknown().describe('Use of each offer'),
});

export function statisticsView(summary: RunSummary, review: Readonly<Record<PairingStatus, number>>) {
  return {
    totals: { pairings: summary.pairings, unmet: summary.unmet, totalValue: summary.totalValue },
    review: { ...review },
    coverage: summary.coverage,
    solve: summary.solve,
    candidates: summary.candidates,
    offers: summary.offers,
  };
}
