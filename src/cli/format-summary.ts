/**
 * A run's result as text a person reads in a terminal: the proof, the times, coverage tables,
 * the most valuable pairings and why needs went unmet. Labels in zh-CN or en.
 */
import { CATEGORIES, PROVIDER_KINDS, SUPPORT_FORMS, type Label } from '../domain/taxonomy.js';
import type { Batch } from '../domain/batch-schema.js';
import type { CoverageRow, MatchResult, UnmetReason } from '../match/types.js';
import type { NeedBlocker } from '../match/policy/floors.js';

export type Lang = 'zh' | 'en';

const TEXT = {
  title: { zh: '结对结果', en: 'Pairing result' },
  needs: { zh: '需求', en: 'needs' },
  offers: { zh: '资源', en: 'offers' },
  candidates: { zh: '候选配对', en: 'candidate pairs' },
  removed: { zh: '硬性规则排除', en: 'removed by hard rules' },
  solve: { zh: '求解', en: 'solve' },
  times: { zh: '耗时', en: 'times' },
  coverage: { zh: '覆盖', en: 'coverage' },
  top: { zh: '价值最高的结对', en: 'most valuable pairings' },
  unmet: { zh: '未满足的需求', en: 'unmet needs' },
  group: { zh: '分组', en: 'group' },
  met: { zh: '满足', en: 'met' },
  partly: { zh: '部分', en: 'partly' },
  share: { zh: '需求满足率', en: 'demand met' },
  reached: { zh: '覆盖社区', en: 'communities reached' },
  beneficiaries: { zh: '受益人数', en: 'beneficiaries' },
} as const satisfies Record<string, Label>;

const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function labelOf(key: string, lang: Lang): string {
  const table: Record<string, Label> = { ...CATEGORIES, ...PROVIDER_KINDS, ...SUPPORT_FORMS };
  return table[key]?.[lang] ?? key;
}

/** Renders rows as an aligned text table (columns padded to their widest cell). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function coverageTable(title: string, rows: readonly CoverageRow[], lang: Lang): string {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const body = rows.map((r) => [
    labelOf(r.key, lang),
    fmt(r.needs),
    fmt(r.needsMet),
    fmt(r.needsPartlyMet),
    pct(r.demandMetShare),
    `${fmt(r.communitiesReached)}/${fmt(r.communities)}`,
    `${fmt(r.beneficiariesReached)}/${fmt(r.beneficiaries)}`,
  ]);
  return `${title}\n${table([t('group'), t('needs'), t('met'), t('partly'), t('share'), t('reached'), t('beneficiaries')], body)}`;
}

function reasonText(reason: UnmetReason): string {
  switch (reason.code) {
    case 'not_pooled':
      return 'not pooled for matching (三事分流)';
    case 'no_candidate':
      return `no candidate offer; excluded by ${Object.entries(reason.excludedBy).map(([r, n]) => `${r} ${n}`).join(', ')}`;
    case 'outcompeted':
      return `outcompeted for ${reason.offers.slice(0, 3).join(', ')} by ${reason.by.slice(0, 3).join(', ')}`;
    case 'no_value':
      return `candidates ${reason.offers.slice(0, 3).join(', ')} had room but no value under these weights`;
    case 'all_or_nothing':
      return reason.detail;
  }
}

/** The whole summary. `batch` supplies titles and provider names for the pairing lines. */
export function formatSummary(result: MatchResult, batch: Batch, source: string, lang: Lang = 'en', topN = 10): string {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const s = result.solve;
  const needTitle = new Map(batch.needs.map((n) => [n.id, n.title]));
  const provider = new Map(batch.offers.map((o) => [o.id, o.provider.name]));
  const removed = Object.entries(result.candidates.removedBy)
    .filter(([, n]) => n > 0)
    .map(([rule, n]) => `${rule} ${fmt(n)}`)
    .join(' · ');
  const timings = Object.entries(s.timings).map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`).join(' · ');
  const verification = s.verification
    ? `\n  javascript-lp-solver: ${fmt(s.verification.objective, 4)} (${s.verification.agrees ? 'agrees' : 'DISAGREES'}; ${s.verification.componentsChecked} components checked, ${s.verification.componentsSkipped} too large skipped)`
    : '';
  const lines = [
    `${t('title')} — ${source} (mode ${result.mode}, weights "${result.weightProfile}")`,
    `${fmt(batch.needs.length)} ${t('needs')} · ${fmt(batch.offers.length)} ${t('offers')} · ${fmt(result.candidates.candidates)} ${t('candidates')} of ${fmt(result.candidates.pairsConsidered)}`,
    `${t('removed')}: ${removed || '—'}`,
    `${t('solve')}: ${s.status}, objective ${fmt(s.objective, 4)}, bound ${fmt(s.bound, 4)}, gap ${fmt(s.gap, 6)}; ${s.components} components (largest ${fmt(s.largestComponentArcs)} arcs); ${certificateText(s)} (${fmt(s.certificate.checkedArcs)} arcs checked)${verification}`,
    `${t('times')}: ${timings}`,
    ...policyLines(result),
    ...priceLines(result, lang),
    '',
    coverageTable(`${t('coverage')} — total`, [result.coverage.total], lang),
    '',
    coverageTable(`${t('coverage')} — district`, result.coverage.byDistrict, lang),
    '',
    coverageTable(`${t('coverage')} — category`, result.coverage.byCategory, lang),
    '',
    coverageTable(`${t('coverage')} — provider kind`, result.coverage.byProviderKind, lang),
    '',
    coverageTable(`${t('coverage')} — form`, result.coverage.byForm, lang),
    '',
    `${t('top')} (${fmt(result.pairings.length)} pairings)`,
    table(
      ['need', 'offer', 'amount', 'value', 'fit', 'alternate'],
      result.pairings.slice(0, topN).map((p) => [
        `${p.need} ${needTitle.get(p.need) ?? ''}`,
        `${p.offer} ${provider.get(p.offer) ?? ''}`,
        `${fmt(p.amount)} ${p.unit}`,
        fmt(p.value, 2),
        p.score.fit.toFixed(2),
        p.alternates[0] ? `${p.alternates[0].offer} (−${fmt(p.alternates[0].shortfallPerUnit, 4)}/unit)` : '—',
      ]),
    ),
    '',
    `${t('unmet')} (${fmt(result.unmet.length)}): ${unmetCounts(result)}`,
    ...result.unmet.slice(0, topN).map((u) => `  ${u.need} ${needTitle.get(u.need) ?? ''} — ${fmt(u.met)}/${fmt(u.demand)}: ${reasonText(u.reason)}`),
  ];
  return lines.join('\n');
}

function unmetCounts(result: MatchResult): string {
  const counts = new Map<string, number>();
  for (const u of result.unmet) counts.set(u.reason.code, (counts.get(u.reason.code) ?? 0) + 1);
  return [...counts.entries()].map(([code, n]) => `${code} ${n}`).join(' · ') || '—';
}

/** Runs with rules: the bound and how each part was solved, floors, conflicts and needs a rule kept unmet. */
function policyLines(result: MatchResult): string[] {
  const p = result.policy;
  if (!p) return [];
  const s = result.solve;
  const share = s.bound !== 0 ? ` (${(100 * s.gap / Math.abs(s.bound)).toFixed(3)}% of the bound)` : '';
  const lines = [
    '',
    `rules: ${p.rules.join(', ')} — ${s.status === 'optimal' ? 'proven optimal' : `best found, proven gap ${fmt(s.gap, 4)}${share}`}${s.timeLimitReached ? '; stopped at the time limit' : ''}`,
    ...p.sets.map((x) => `  ${x.blocks} block(s), ${fmt(x.arcs)} arcs: ${x.method}, objective ${fmt(x.objective, 4)}, bound ${fmt(x.bound, 4)}${x.proven ? ' (proven)' : ''} — ${x.detail}`),
  ];
  const removed = Object.entries(p.removedPairs).map(([rule, n]) => `${rule} ${fmt(n)}`).join(' · ');
  if (removed) lines.push(`  pairs ruled out: ${removed}`);
  if (p.violations.length > 0) lines.push(`  RULES BROKEN: ${p.violations.map((v) => `${v.rule} ${v.key} (${v.detail})`).join('; ')}`);
  for (const e of p.floorExemptions.slice(0, 10)) {
    const why = e.needs.slice(0, 3).map((n) => `${n.need}: ${blockerText(n.blocker)}`).join('; ');
    lines.push(`  floor lowered in ${e.community} (${e.district}) from ${e.floor} to ${e.loweredTo}: ${why || 'no pooled needs'}`);
  }
  if (p.floorExemptions.length > 10) lines.push(`  … ${p.floorExemptions.length - 10} more communities with a lowered floor`);
  for (const f of p.floorsNotMet) lines.push(`  floor not met in ${f.community} (${f.district}): ${f.met} of ${f.floor} — conflicts with the other floors or rules`);
  for (const c of result.infeasibility?.conflicts ?? []) {
    lines.push(`  conflict: ${c.rules.join(' + ')} — ${c.explanation}`);
    for (const r of c.relaxations) {
      const change = r.change === undefined || r.applied ? '' : `, ${r.change >= 0 ? '+' : ''}${fmt(r.change, 2)} value${r.changeShare === undefined ? '' : ` (${r.changeShare >= 0 ? '+' : ''}${(100 * r.changeShare).toFixed(2)}%)`}`;
      lines.push(`    ${r.applied ? '→ applied: ' : '· '}${r.action}${change}`);
    }
  }
  const byRule = new Map<string, number>();
  for (const u of p.unmetByRule) byRule.set(u.rule, (byRule.get(u.rule) ?? 0) + 1);
  if (byRule.size > 0) lines.push(`  needs a rule kept unmet: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(' · ')}`);
  return lines;
}

function blockerText(b: NeedBlocker): string {
  switch (b.code) {
    case 'not_pooled':
      return 'not pooled';
    case 'no_candidate':
      return 'no candidate offer';
    case 'cut_by_rules':
      return `every candidate pair ruled out (${b.rules.join(', ')})`;
    case 'capacity':
      return `candidates have ${fmt(b.available)} of ${fmt(b.needed)}`;
    case 'budget':
      return `${b.district} budget has ${fmt(b.left)} of ${fmt(b.needed)} left`;
    case 'limit':
      return `${b.rule} limit reached`;
    case 'bundle':
      return `bundle ${b.bundle}: ${b.member} cannot be met`;
  }
}

/** Bottleneck table, scarcest first, and the price of fairness. */
function priceLines(result: MatchResult, lang: Lang): string[] {
  const lines: string[] = [];
  const pr = result.prices;
  if (pr) {
    const rows = [...pr.bottlenecks.byForm, ...pr.bottlenecks.hotspots.slice(0, 8)];
    lines.push('', `bottlenecks — value of 10% more capacity (${pr.note})`);
    lines.push(
      table(
        ['group', 'offers', 'scarce', 'used', 'price/unit (mean · max)', '+10% capacity'],
        rows.map((r) => [
          r.dimension === 'hotspot' ? [r.form, r.category, r.district].map((k) => labelOf(k ?? '', lang)).join(' · ') : labelOf(r.key, lang),
          fmt(r.offers),
          fmt(r.scarceOffers),
          `${fmt(r.used)}/${fmt(r.capacity)}`,
          `${fmt(r.meanPrice, 4)} · ${fmt(r.maxPrice, 4)}`,
          fmt(r.valueOfTenPercent, 2),
        ]),
      ),
    );
    const shown = pr.unmet.filter((u) => u.valueRisePerUnit !== undefined || u.offer).slice(0, 5);
    for (const u of shown) {
      const rise = u.needValueRise === undefined ? '' : u.needValueRise > 1e-9 ? `its value +${fmt(u.needValueRise, 2)}` : 'partly met: any more value draws more units';
      const more = u.offer ? `${u.offer.offer} +${fmt(u.offer.extraUnits)} units` : '';
      lines.push(`  to meet ${u.need}: ${[rise, more].filter(Boolean).join(' or ')}`);
    }
  }
  const pof = result.priceOfFairness;
  if (pof) {
    lines.push(
      '',
      `price of fairness: ${fmt(pof.cost, 2)} value (${(100 * pof.costShare).toFixed(2)}%) — coverage floor ${fmt(pof.coverageFloorCost, 2)}, spreading ${fmt(pof.spreadCost, 2)}; pilot communities with a need met: ${pof.communitiesCoveredAsRun} as run, ${pof.communitiesCoveredWithoutEither} without either${pof.allProven ? '' : ' (not every compared run proven optimal)'}`,
    );
  }
  return lines;
}

/** The flow certificate; in a policy run it covers the network solves under the rules' choices. */
function certificateText(s: MatchResult['solve']): string {
  if (s.certificate.ok) return s.method === 'policy' ? 'network solves under the rules\' choices certified' : 'certificate ok';
  return s.method === 'policy' ? 'network solves under the rules\' choices within their costs\' coarsening (see bound)' : 'certificate FAILED';
}
