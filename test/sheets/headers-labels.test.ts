/**
 * What planners actually type: English headers instead of Chinese, labels in either language or
 * ids, headers with required-markers or full-width brackets, a title row above the header, an
 * English header row under the Chinese one, community names for ids, dates and yes/no in many
 * spellings, lists with any of the usual separators.
 */
import { describe, expect, it } from 'vitest';
import { SECTIONS, importSheets } from '../../src/sheets/index.js';
import { COMMUNITIES_ZH, NEEDS_ZH, OFFERS_ZH, xlsxFile, type Rows } from './helpers.js';

/** Chinese header row → English header row (from the column definitions), data unchanged. */
function inEnglish(rows: Rows): Rows {
  const byZh = new Map(SECTIONS.flatMap((s) => s.columns.map((c) => [c.header.zh, c.header.en] as const)));
  return [rows[0]!.map((h) => byZh.get(String(h)) ?? String(h)), ...rows.slice(1)];
}

async function importZh(extra: Partial<Record<string, Rows>> = {}) {
  return importSheets([await xlsxFile('in.xlsx', { 社区: COMMUNITIES_ZH, 需求: NEEDS_ZH, 资源: OFFERS_ZH, ...extra } as Record<string, Rows>)]);
}

describe('headers', () => {
  it('English headers (and English sheet names) give the same batch as Chinese ones', async () => {
    const zh = await importZh();
    const en = await importSheets([await xlsxFile('en.xlsx', { communities: inEnglish(COMMUNITIES_ZH), needs: inEnglish(NEEDS_ZH), offers: inEnglish(OFFERS_ZH) })]);
    expect(zh.ok && en.ok).toBe(true);
    if (zh.ok && en.ok) expect(en.batch).toEqual(zh.batch);
  });

  it('sheets named anything are recognised by their id columns; headers with markers, spaces, full-width brackets, aliases or field names match', async () => {
    const needs: Rows = [
      ['需求编号*', ' 所属社区（必填） ', '标题', 'category', 'FORM', 'quantity', '单位', 'beneficiaries'],
      ['n1', 'c1', '助餐送餐', '养老服务', '人才', 3, '人天', 40],
    ];
    const r = await importSheets([await xlsxFile('x.xlsx', { Sheet1: COMMUNITIES_ZH, Sheet2: needs, Sheet3: OFFERS_ZH })]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.batch.needs[0]).toMatchObject({ id: 'n1', community: 'c1', title: '助餐送餐', quantity: 24, unit: 'hour', beneficiaries: 40 });
  });

  it('a title row above the header and an English header row under it are skipped', async () => {
    const needs: Rows = [['2025年春季需求汇总表'], NEEDS_ZH[0]!, inEnglish(NEEDS_ZH)[0]!, ...NEEDS_ZH.slice(1)];
    const r = await importZh({ 需求: needs });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.batch.needs.map((n) => n.id)).toEqual(['n1', 'n2']);
  });
});

describe('labels, ids and cell spellings', () => {
  it('category, form, unit, provider kind, community kind, need kind and triage accept the id, the Chinese or the English label', async () => {
    const communities: Rows = [COMMUNITIES_ZH[0]!, ['c1', 'A', '天宁区', 's', 'old_estate', 31, 120, 5, null, null], ['c2', 'B', '天宁区', 's', 'Urban Community', 31, 120, 5, null, null], ['c3', 'C', '天宁区', 's', '城中村', 31, 120, 5, null, null]];
    const header = ['需求编号', '所属社区', '需求名称', '需求类别', '支持形式', '数量', '单位', '需求类型', '三事分流'];
    const needs: Rows = [
      header,
      ['n1', 'c1', 't', 'elderly', 'talent', 1, 'person_day', 'micro_wish', 'major'],
      ['n2', 'c2', 't', '养老服务', '人才', 1, '人天', '微心愿', '大事'],
      ['n3', 'c3', 't', 'Elderly Care', 'TALENT', 1, 'person-day', 'micro-wish', 'major (government departments)'],
      ['n4', 'c3', 't', 'ＥＬＤＥＲＬＹ', ' talent ', 1, 'Person Day', 'micro wish', 'MAJOR'],
    ];
    const offers: Rows = [
      ['资源编号', '提供方名称', '提供方类型', '支持形式', '供给总量', '单位', '服务类别'],
      ['o1', 'p', '两企三新领域', '资金', 3, '万元', 'elderly、health'],
      ['o2', 'p', '"两企三新"领域', 'funds', 300, 'hundred yuan', '养老服务,医疗健康'],
      ['o3', 'p', 'enterprises and new economic/social organisations', 'Funds', 30000, 'yuan', 'elderly care；health'],
    ];
    const r = await importSheets([await xlsxFile('l.xlsx', { 社区: communities, 需求: needs, 资源: offers })]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batch.communities.map((c) => c.kind)).toEqual(['old_estate', 'urban', 'urban_village']);
    for (const need of r.batch.needs) expect(need).toMatchObject({ category: 'elderly', form: 'talent', quantity: 8, unit: 'hour', kind: 'micro_wish', triage: 'major' });
    for (const offer of r.batch.offers) expect(offer).toMatchObject({ provider: { kind: 'enterprise' }, form: 'funds', capacity: 30000, unit: 'yuan', categories: ['elderly', 'health'] });
  });

  it('community names stand for ids where they are unique', async () => {
    const needs: Rows = [NEEDS_ZH[0]!, ['n1', '丽华新村社区', '助餐', '养老服务', '人才', 3, '小时', 1, 3, null, null]];
    const offers: Rows = [[...OFFERS_ZH[0]!, '优先社区', '排除社区'], [...OFFERS_ZH[1]!, '清潭社区', null], [...OFFERS_ZH[2]!, null, 'c1、清潭社区']];
    const r = await importZh({ 需求: needs, 资源: offers });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batch.needs[0]!.community).toBe('c1');
    expect(r.batch.offers.map((o) => [o.preferredCommunities, o.excludedCommunities])).toEqual([[['c2'], []], [[], ['c1', 'c2']]]);
  });

  it('dates as Excel dates, Excel serial numbers, ISO, slashes or 年月日; yes/no in many spellings; numbers as text', async () => {
    const header = ['需求编号', '所属社区', '需求名称', '需求类别', '支持形式', '数量', '单位', '开始日期', '结束日期', '可部分满足', '纳入对接'];
    const needs: Rows = [
      header,
      ['n1', 'c1', 't', '养老服务', '人才', '1,200', '小时', new Date(Date.UTC(2025, 2, 1)), 45838, true, 'Yes'],
      ['n2', 'c1', 't', '养老服务', '人才', '１２', '小时', '2025/3/1', '2025年6月30日', '否', 'N'],
      ['n3', 'c1', 't', '养老服务', '人才', ' 7 ', '小时', '2025.3.1', '20250630', 0, '是'],
    ];
    const r = await importZh({ 需求: needs });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batch.needs.map((n) => [n.quantity, n.window, n.partial, n.pooled])).toEqual([
      [1200, { start: '2025-03-01', end: '2025-06-30' }, true, true],
      [12, { start: '2025-03-01', end: '2025-06-30' }, false, false],
      [7, { start: '2025-03-01', end: '2025-06-30' }, false, true],
    ]);
  });

  it('list cells split on 、 , ， ; ； and line breaks', async () => {
    const offers: Rows = [['资源编号', '提供方名称', '提供方类型', '支持形式', '供给总量', '单位', '服务类别', '技能', '服务区县'], ['o1', 'p', '志愿服务组织', '人才', 9, '小时', '养老服务，医疗健康;心理关怀', 'a、b,c；d\ne', '天宁区; 钟楼区']];
    const r = await importZh({ 资源: offers });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batch.offers[0]).toMatchObject({ categories: ['elderly', 'health', 'psychology'], skills: ['a', 'b', 'c', 'd', 'e'], districts: ['天宁区', '钟楼区'] });
  });
});
