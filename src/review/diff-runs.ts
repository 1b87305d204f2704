/**
 * The difference between two sets of pairings (two runs, or two weight profiles in a what-if):
 * pairs added, removed (with why), and changed in amount. Pure.
 */

export interface PairingLike {
  readonly need: string;
  readonly offer: string;
  readonly amount: number;
  readonly value: number;
}

export type RemovalReason =
  /** An official rejected the pair. */
  | { readonly code: 'rejected' }
  /** The need is now served (wholly or partly) by other offers. */
  | { readonly code: 'need_reassigned'; readonly offers: readonly string[] }
  /** The need lost it to other needs, which now hold the offer's capacity. */
  | { readonly code: 'capacity_reassigned'; readonly needs: readonly string[] }
  /** Neither the need nor the offer is paired in the new set. */
  | { readonly code: 'dropped' };

export interface PairingDiff {
  readonly added: readonly PairingLike[];
  readonly removed: readonly (PairingLike & { readonly reason: RemovalReason })[];
  readonly changed: readonly {
    readonly need: string;
    readonly offer: string;
    readonly amountBefore: number;
    readonly amountAfter: number;
    readonly valueBefore: number;
    readonly valueAfter: number;
  }[];
  readonly summary: {
    readonly added: number;
    readonly removed: number;
    readonly changed: number;
    readonly unchanged: number;
    /** Pairings of `before` that an official did not reject but that are not kept as they were. */
    readonly moved: number;
    readonly removedBy: Readonly<Record<RemovalReason['code'], number>>;
    readonly valueBefore: number;
    readonly valueAfter: number;
  };
}

const key = (p: { need: string; offer: string }) => `${p.need}\u0000${p.offer}`;
/** Amounts are whole units; anything closer than this is the same amount. */
const SAME_AMOUNT = 1e-9;
const REASON_LIST_MAX = 3;

function groupBy(pairings: readonly PairingLike[], field: 'need' | 'offer', other: 'need' | 'offer'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of pairings) {
    const list = out.get(p[field]) ?? [];
    list.push(p[other]);
    out.set(p[field], list);
  }
  return out;
}

function removalReason(
  p: PairingLike,
  rejected: ReadonlySet<string>,
  needsOffersAfter: Map<string, string[]>,
  offerNeedsAfter: Map<string, string[]>,
): RemovalReason {
  if (rejected.has(key(p))) return { code: 'rejected' };
  const otherOffers = (needsOffersAfter.get(p.need) ?? []).filter((o) => o !== p.offer);
  if (otherOffers.length > 0) return { code: 'need_reassigned', offers: otherOffers.slice(0, REASON_LIST_MAX) };
  const otherNeeds = (offerNeedsAfter.get(p.offer) ?? []).filter((n) => n !== p.need);
  if (otherNeeds.length > 0) return { code: 'capacity_reassigned', needs: otherNeeds.slice(0, REASON_LIST_MAX) };
  return { code: 'dropped' };
}

/**
 * Compares two pairing sets. `rejected` are the pair keys (`need`, `offer`) officials rejected in
 * `before`; their removal is expected and not counted as a move.
 */
export function diffPairings(
  before: readonly PairingLike[],
  after: readonly PairingLike[],
  rejected: ReadonlySet<string> = new Set(),
): PairingDiff {
  const afterByKey = new Map(after.map((p) => [key(p), p]));
  const beforeKeys = new Set(before.map(key));
  const needsOffersAfter = groupBy(after, 'need', 'offer');
  const offerNeedsAfter = groupBy(after, 'offer', 'need');
  const removed: (PairingLike & { reason: RemovalReason })[] = [];
  const changed: PairingDiff['changed'][number][] = [];
  let unchanged = 0;
  for (const p of before) {
    const now = afterByKey.get(key(p));
    if (!now) removed.push({ need: p.need, offer: p.offer, amount: p.amount, value: p.value, reason: removalReason(p, rejected, needsOffersAfter, offerNeedsAfter) });
    else if (Math.abs(now.amount - p.amount) > SAME_AMOUNT) {
      changed.push({ need: p.need, offer: p.offer, amountBefore: p.amount, amountAfter: now.amount, valueBefore: p.value, valueAfter: now.value });
    } else unchanged += 1;
  }
  const added = after.filter((p) => !beforeKeys.has(key(p))).map((p) => ({ need: p.need, offer: p.offer, amount: p.amount, value: p.value }));
  const removedBy = { rejected: 0, need_reassigned: 0, capacity_reassigned: 0, dropped: 0 };
  for (const r of removed) removedBy[r.reason.code] += 1;
  const sum = (ps: readonly PairingLike[]) => ps.reduce((s, p) => s + p.value, 0);
  return {
    added,
    removed,
    changed,
    summary: {
      added: added.length,
      removed: removed.length,
      changed: changed.length,
      unchanged,
      moved: removed.length - removedBy.rejected + changed.length,
      removedBy,
      valueBefore: sum(before),
      valueAfter: sum(after),
    },
  };
}

/** The key `diffPairings` expects in its `rejected` set. */
export const pairKeyOf = key;
