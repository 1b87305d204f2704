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
  const rows = ['| family | components (with edges) | largest component edges | whole model in one network ms (CPU) | one solve per component ms (CPU) |', '|---|---|---|---|---|'];
  for (const { family, ours } of results) {
    if (ours['failed']) continue;
    rows.push(
      `| ${family} | ${ours['components']} | ${ours['largest_component_edges']} | ${ms(ours['whole_ms'])} (${ms(ours['whole_cpu_ms'])}) | ` +
        `${ms(ours['split_ms'])} (${ms(ours['split_cpu_ms'])}) |`,
    );
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
    '### Notes',
    '',
    ...NOTES,
    '',
  ].join('\n');
}

/** What the tables show and what was decided from them (the numbers are in the tables above). */
const NOTES = [
  '- **Candidate arcs.** Pricing starts on each node\'s 3 cheapest outgoing and 3 cheapest incoming arcs and widens to every eligible arc when none of those improves (one pass over the rest; optimality is always proven over all arcs). Compare the pivots of the default with "block search over all arcs": most of the generators\' edges never enter an optimal basis, and pricing them from the start costs both scans and (mostly degenerate) pivots.',
  '- **Block size.** With the candidate set, blocks of √(priced arcs)/4 (min 10) priced 1.8–2.2× fewer arcs than blocks of √(priced arcs) for 0–12 % more pivots (counted on changzhou, city, assign-1000); the "LEMON block size" row shows LEMON\'s √arcs without the candidate set.',
  '- **First eligible vs block search.** First-eligible makes more pivots than block search but each is cheap on a 24k-edge model; it is kept only as an option for comparison (measured on changzhou only: on city and larger it is far slower).',
  '- **Formulation.** Offers → needs as a circulation (source → offers, needs → sink, sink → source return arc, all supplies 0) needs fewer pivots than a source with supply min(Σ capacity, Σ demand) and a zero-cost bypass arc (row "source/sink supplies with bypass arc"); a third variant (each offer supplying its capacity with its own bypass to the sink) was slower still and was dropped.',
  '- **Hot loop.** Saturated non-tree arcs are turned round (cost negated, flow 0), so every non-tree arc sits at its lower bound and an arc is eligible iff cost + π(tail) − π(head) < 0: the pricing loop reads 4 typed arrays and no state (≈25 % less time per priced arc than `state × reduced cost`). The priced arcs are one contiguous block (arcs are swapped into it), so the scan streams through memory.',
  '- **WebAssembly core.** The pivots run in WebAssembly compiled from AssemblyScript (`src/solver/min-cost-flow/assembly/`); the JavaScript version of the same algorithm (same pivots, bit-identical flows) took, measured in this benchmark before the move: changzhou 20.7 ms, city 420 ms, assign-1000 282 ms, province 5.3 s (table in git history, commit 70aaefe).',
  '- **Cold start.** The first solve in a fresh process includes compiling the 5 KB module eagerly with V8\'s optimising compiler (about 7 ms; `jiedui solve-model` does that before its clock starts) and the JavaScript around it (network build, copying in and out) before V8 has optimised it.',
  '- **Components.** `solveTransport` can split the model into connected components (union-find, O(edges)) and solve each on its own. That pays on province (13 components; smaller arrays stay in cache) but not on changzhou or city (2 components each: two solves cost more than the pivots they save), so it splits above 1M edges only. A source/sink pair per component inside one network was tried as well and did not help. The pipeline splits components itself; worker threads could solve them in parallel on top.',
  '- **Exactness.** Weights with ≤ 6 decimals become exact integer costs (the generator\'s 2-decimal weights → cents), so the objective and the certificate gap (0 on every model) are exact; javascript-lp-solver 1.0.3 is run with presolve off because its presolve returned wrong objectives on small flow LPs in our property tests.',
];
