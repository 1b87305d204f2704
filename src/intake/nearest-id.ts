/**
 * Suggests the valid id nearest to a misspelt or translated value: "eldrly" → elderly,
 * "养老" → elderly, "legal aid" → legal. Compares against each id and its zh/en labels.
 */
import type { Label } from '../domain/taxonomy.js';

/** Levenshtein distance over code points (a Chinese character counts as one edit, not two). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = new Uint32Array(t.length + 1);
  let curr = new Uint32Array(t.length + 1);
  for (let j = 0; j <= t.length; j += 1) prev[j] = j;
  for (let i = 1; i <= s.length; i += 1) {
    curr[0] = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      curr[j] = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[t.length] ?? 0;
}

/** Lower case, separators (`_`, `-`, spaces, `/`) folded to one space, trimmed. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[\s_\-/]+/g, ' ').trim();
}

/**
 * How far `input` is from `candidate` (lower is nearer), or `Infinity` when too far to suggest.
 * A candidate that starts with the input ("养老" of "养老服务", "legal aid" of "legal aid and
 * mediation") or contains it counts as near, since planners often shorten labels.
 */
function closeness(input: string, candidate: string): number {
  if (input === candidate) return 0;
  const inputLength = [...input].length;
  if (inputLength >= 2 && candidate.startsWith(input)) return 0.5;
  if (inputLength >= 2 && candidate.includes(input)) return 0.75;
  // The other way round: "health care" starts with the label "health".
  if ([...candidate].length >= 2 && input.startsWith(candidate)) return 0.9;
  const d = editDistance(input, candidate);
  // Allow about one edit in three characters: "eldrly" (1) yes, "xyz" → "legal" no.
  const allowed = Math.max(1, Math.floor(Math.max(inputLength, [...candidate].length) / 3));
  return d <= allowed ? 1 + d : Infinity;
}

/**
 * The id whose own spelling or label is nearest to `input`, or `undefined` when none is close.
 * Ties go to the id listed first.
 * @example nearestId('养老', ['elderly', 'health'], CATEGORIES) // 'elderly'
 */
export function nearestId(
  input: string,
  ids: readonly string[],
  labels?: Readonly<Record<string, Label | undefined>>,
): string | undefined {
  const folded = fold(input);
  if (folded === '') return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const id of ids) {
    const label = labels?.[id];
    const names = label === undefined ? [id] : [id, label.en, label.zh];
    for (const name of names) {
      const score = closeness(folded, fold(name));
      if (score < bestScore) {
        bestScore = score;
        best = id;
      }
    }
  }
  return best;
}
