/**
 * Writes a javascript-lp-solver model as CPLEX LP text for HiGHS. Rows named `u…` hold a single
 * variable's upper bound (that is how the pipeline's LP states arc capacities); they become
 * variable bounds, which is how HiGHS is meant to be given them.
 */
export interface LpModel {
  readonly optimize: string;
  readonly opType: 'max' | 'min';
  readonly constraints: Record<string, { max?: number; min?: number; equal?: number }>;
  readonly variables: Record<string, Record<string, number>>;
}

const term = (coef: number, name: string) => `${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${name}`;

export function toLpText(model: LpModel): string {
  const rows = new Map<string, string[]>();
  const objective: string[] = [];
  const bounds: string[] = [];
  for (const [name, column] of Object.entries(model.variables)) {
    let upper = Number.POSITIVE_INFINITY;
    for (const [row, coef] of Object.entries(column)) {
      if (row === model.optimize) {
        if (coef !== 0) objective.push(term(coef, name));
      } else if (row.startsWith('u')) {
        upper = Math.min(upper, model.constraints[row]?.max ?? upper);
      } else {
        let terms = rows.get(row);
        if (!terms) rows.set(row, (terms = []));
        terms.push(term(coef, name));
      }
    }
    bounds.push(` 0 <= ${name} <= ${Number.isFinite(upper) ? upper : '+inf'}`);
  }
  const lines = [model.opType === 'max' ? 'Maximize' : 'Minimize', ` obj: ${wrap(objective) || '0 dummy'}`, 'Subject To'];
  for (const [row, terms] of rows) {
    const c = model.constraints[row] ?? {};
    const rhs = c.equal !== undefined ? `= ${c.equal}` : c.max !== undefined ? `<= ${c.max}` : `>= ${c.min ?? 0}`;
    lines.push(` ${row}: ${wrap(terms)} ${rhs}`);
  }
  lines.push('Bounds', ...bounds, 'End');
  return lines.join('\n');
}

/** Long rows are wrapped, 50 terms a line: LP readers limit line length. */
function wrap(terms: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 50) lines.push(terms.slice(i, i + 50).join(' '));
  return lines.join('\n   ');
}
