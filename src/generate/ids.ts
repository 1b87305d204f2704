/** Record ids: a letter and a zero-padded number, C0001 … C12000. */

/** `prefix` + `n` padded to the digits of `total` (at least 4): padId('C', 7, 101) = 'C0007'. */
export function padId(prefix: string, n: number, total: number): string {
  const width = Math.max(4, String(total).length);
  return prefix + String(n).padStart(width, '0');
}
