/**
 * Orders issues as their paths appear in the input document, so a planner reads them top to
 * bottom: `needs[2].unit` before `needs[10].category`, and within a record in field order.
 */
import type { InputIssue } from '../domain/issues.js';

/** The rank of each path segment: array index, or the key's position in the object as written. */
function rankPath(root: unknown, path: ReadonlyArray<string | number>): number[] {
  const ranks: number[] = [];
  let node: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      ranks.push(seg);
    } else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const keys = Object.keys(node);
      const at = keys.indexOf(seg);
      // A missing field has no place in the text: list it after the fields that are there.
      ranks.push(at === -1 ? keys.length : at);
    } else {
      ranks.push(Number.MAX_SAFE_INTEGER);
    }
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  }
  return ranks;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Returns the issues sorted by where their paths appear in `input` (stable for ties). */
export function sortIssuesByPath(issues: readonly InputIssue[], input: unknown): InputIssue[] {
  const ranked = issues.map((issue, i) => ({ issue, i, rank: rankPath(input, issue.path) }));
  ranked.sort((x, y) => compareRanks(x.rank, y.rank) || x.i - y.i);
  return ranked.map((r) => r.issue);
}
