/**
 * QuickXplain (Junker, AAAI 2004): a minimal conflicting subset of constraints with few
 * consistency checks — O(k log(n/k)) for a conflict of k among n — by splitting the candidates in
 * halves and keeping what the other half's presence still needs.
 */

/**
 * QuickXplain over items 0..n-1: a minimal subset S with `feasible(S)` false, given that
 * `feasible(all)` is false; undefined if a question could not be answered.
 */
export function quickXplain(n: number, feasible: (subset: ReadonlySet<number>) => boolean | undefined): number[] | undefined {
  let failed = false;
  const ask = (s: ReadonlySet<number>) => {
    const answer = feasible(s);
    if (answer === undefined) failed = true;
    return answer ?? true;
  };
  const qx = (background: number[], asked: boolean, items: number[]): number[] => {
    if (failed) return [];
    if (asked && !ask(new Set(background))) return [];
    if (items.length === 1) return items;
    const half = Math.ceil(items.length / 2);
    const c1 = items.slice(0, half);
    const c2 = items.slice(half);
    const d2 = qx([...background, ...c1], c1.length > 0, c2);
    const d1 = qx([...background, ...d2], d2.length > 0, c1);
    return [...d1, ...d2];
  };
  if (!ask(new Set())) return [];
  if (n === 0) return failed ? undefined : [];
  const found = qx([], false, Array.from({ length: n }, (_, i) => i));
  return failed ? undefined : found;
}

