/** Renders the solver benchmark's measurements as the Markdown section of RESULTS.md. */

export interface FamilyResult {
  readonly family: string;
  readonly ours: Record<string, unknown>;
  readonly variants: Record<string, unknown> | undefined;
  readonly highs: Record<string, unknown>;
  readonly jslp: Record<string, unknown>;
}

export interface RunInfo {
  readonly command: string;
  readonly date: string;
  /** 1-minute load average before and after (the machine has 2 cores and is shared). */
  readonly load: readonly [number, number];
  readonly runs: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const ms = (v: unknown): string => (num(v) === undefined ? '—' : num(v)! >= 100 ? num(v)!.toFixed(0) : num(v)!.toFixed(1));

function peer(r: Record<string, unknown>): string {
  if (r['failed']) return String(r['failed']);
  if (r['status'] !== 'Optimal' && r['status'] !== 'optimal') return String(r['status']);
  return ms(r['solve_ms']);
}

function ratio(r: Record<string, unknown>, ours: number | undefined): string {
  const t = num(r['solve_ms']);
  return t === undefined || ours === undefined || r['failed'] ? '—' : `${(t / ours).toFixed(0)}×`;
}

function agree(ours: number | undefined, r: Record<string, unknown>): string {
  const theirs = num(r['objective']);
  if (ours === undefined || theirs === undefined || r['failed']) return '—';
  return Math.abs(ours - theirs) <= 1e-6 * Math.max(1, Math.abs(theirs)) ? 'yes' : `NO (${theirs})`;
}

function mainTable(results: readonly FamilyResult[]): string[] {
  const rows = [
    '| family | offers | needs | edges | parse JSON / .tbin ms | our solve ms, median (CPU) | first solve in a fresh process ms | certify ms | highs ms | jslp ms | highs / ours | jslp / ours | objective | agrees highs / jslp | peak RSS MB ours / highs |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { family, ours, highs, jslp } of results) {
    if (ours['failed']) {
      rows.push(`| ${family} | | | | | ${ours['failed']} | | | ${peer(highs)} | ${peer(jslp)} | | | | | |`);
      continue;
    }
    const solve = num(ours['solve_ms']);
    const objective = num(ours['objective']);
    rows.push(
      `| ${family} | ${ours['offers']} | ${ours['needs']} | ${ours['edges']} | ${ms(ours['parse_json_ms'])} / ${ms(ours['parse_bin_ms'])} | ` +
        `${ms(solve)} (${ms(ours['solve_cpu_ms'])}) | ${ms(ours['solve_cold_ms'])} | ${ms(ours['certify_ms'])} | ${peer(highs)} | ${peer(jslp)} | ` +
        `${ratio(highs, solve)} | ${ratio(jslp, solve)} | ${objective} | ${agree(objective, highs)} / ${agree(objective, jslp)} | ` +
        `${ms(ours['peak_rss_mb'])} / ${ms(highs['peak_rss_mb'])} |`,
    );
  }
  return rows;
}

function componentTable(results: readonly FamilyResult[]): string[] {
  const rows = ['| family | components (with edges) | largest component edges | whole model ms | per component, summed ms |', '|---|---|---|---|---|'];
  for (const { family, ours } of results) {
    if (ours['failed']) continue;
    rows.push(`| ${family} | ${ours['components']} | ${ours['largest_component_edges']} | ${ms(ours['solve_ms'])} | ${ms(ours['per_component_ms'])} |`);
  }
  return rows;
}

function variantTable(results: readonly FamilyResult[]): string[] {
  const rows = ['| family | variant | ms (CPU) | pivots |', '|---|---|---|---|'];
  for (const { family, variants } of results) {
    if (!variants || variants['failed']) continue;
    for (const [name, v] of Object.entries(variants)) {
      const r = v as Record<string, unknown>;
      rows.push(`| ${family} | ${name} | ${ms(r['ms'])} (${ms(r['cpu_ms'])}) | ${r['iterations']} |`);
    }
  }
  return rows;
}

export function renderResults(results: readonly FamilyResult[], info: RunInfo): string {
  return [
    '## Solver (transport/v1)',
    '',
    `Measured ${info.date} with \`${info.command}\` (Node ${process.version}, 2 shared cores, 1-minute load average ${info.load[0].toFixed(1)} before, ${info.load[1].toFixed(1)} after: other work ran alongside, so wall times carry noise; the CPU column is the solver process's own CPU time).`,
    `Models from \`gen.mjs --seed 1\`. "our solve" = weights → integer costs, network build and network simplex, median of ${info.runs} runs in one process after one warm-up run; parsing and the certificate check are timed apart. "first solve in a fresh process" is the same solve before the JIT has warmed up (what a one-shot \`jiedui solve-model\` pays). HiGHS (\`highs\` npm, wasm) solves the same LP written in CPLEX LP format (continuous variables); javascript-lp-solver solves the same LP from its JSON model, killed after its timeout. Every peer runs in its own process; peak RSS is that process's.`,
    '',
    ...mainTable(results),
    '',
    'Reference (FORMAT.md, same machine class): LEMON network simplex (C++) changzhou 0.002 s, city 0.10 s, assign-1000 0.069 s.',
    '',
    '### Pivot rules and formulations',
    '',
    ...variantTable(results),
    '',
    '### Whole model or one solve per connected component',
    '',
    ...componentTable(results),
    '',
  ].join('\n');
}
