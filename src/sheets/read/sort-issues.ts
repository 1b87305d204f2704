/** Orders sheet issues as a planner reads the files: file and sheet order, then row, then column. */
import type { SheetIssue } from '../sheet-issue.js';
import type { SheetTable } from './sheet-table.js';

function columnNumber(cell: string | undefined): number {
  const letters = cell?.match(/^[A-Z]+/)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function sortSheetIssues(issues: readonly SheetIssue[], tables: readonly SheetTable[]): SheetIssue[] {
  const order = new Map(tables.map((t, i) => [`${t.file}\u0000${t.sheet}`, i]));
  const fileOrder = new Map<string, number>();
  tables.forEach((t, i) => fileOrder.has(t.file) || fileOrder.set(t.file, i));
  // Unreadable files (no tables) come first; problems of the whole batch (a missing sheet) last.
  const rank = (issue: SheetIssue) =>
    issue.file === '' ? Number.MAX_SAFE_INTEGER : (order.get(`${issue.file}\u0000${issue.sheet}`) ?? fileOrder.get(issue.file) ?? -1);
  return issues
    .map((issue, i) => ({ issue, i, key: [rank(issue), issue.row ?? 0, columnNumber(issue.cell)] }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]! || a.i - b.i)
    .map((x) => x.issue);
}
