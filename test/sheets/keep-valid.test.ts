/**
 * Nothing is accepted while a row is bad, unless the caller asks to keep the valid rows: then the
 * bad ones come back as rejects with every reason, rows that depended on them follow them out,
 * and a rejects sheet, once fixed, imports as it is.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { batchFiles, importSheets, rejectsWorkbook } from '../../src/sheets/index.js';
import { COMMUNITIES_ZH, NEEDS_ZH, OFFERS_ZH, xlsxFile, type Rows } from './helpers.js';

/** c2's pilot cell is bad; n2, o2 (prefers c2) and the pairing of n2 depend on c2. */
function sheets(): Record<string, Rows> {
  const communities = COMMUNITIES_ZH.map((r) => [...r]);
  communities[2]![9] = '也许';
  const offers = OFFERS_ZH.map((r) => [...r]);
  offers[0]!.push('优先社区');
  offers[1]!.push(null);
  offers[2]!.push('c2');
  return { 社区: communities, 需求: NEEDS_ZH, 资源: offers, 往期结对: [['需求编号', '资源编号'], ['n2', 'o1'], ['n1', 'o1']] };
}

describe('keep valid rows', () => {
  it('without keepValid one bad cell refuses the whole batch, and only that cell is named', async () => {
    const r = await importSheets([await xlsxFile('in.xlsx', sheets())]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([['社区', 'J3', 'invalid_boolean']]);
  });

  it('with keepValid the valid rows form the batch; the bad row and the rows that referred to it are rejected with reasons', async () => {
    const r = await importSheets([await xlsxFile('in.xlsx', sheets())], { keepValid: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batch.communities.map((c) => c.id)).toEqual(['c1']);
    expect(r.batch.needs.map((n) => n.id)).toEqual(['n1']);
    expect(r.batch.offers.map((o) => o.id)).toEqual(['o1']);
    expect(r.batch.previousPairings).toEqual([{ need: 'n1', offer: 'o1' }]);
    expect(r.rejected.map((x) => [x.section, x.row, x.reasons.map((i) => i.code)])).toEqual([
      ['communities', 3, ['invalid_boolean']],
      ['needs', 3, ['rejected_reference']],
      ['offers', 3, ['rejected_reference']],
      ['previousPairings', 2, ['rejected_reference']],
    ]);
    expect(r.rejected[1]!.reasons[0]!.message).toBe('"c2" was itself rejected (row 3 of in.xlsx!社区)');
    expect(r.rejected[0]!.cells[0]).toBe('c2');
  });

  it('problems with a header are never kept valid around', async () => {
    const s = sheets();
    s['需求'] = [[...NEEDS_ZH[0]!, '未知列'], ...NEEDS_ZH.slice(1)];
    const r = await importSheets([await xlsxFile('in.xlsx', s)], { keepValid: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain('unknown_column');
  });

  it('the rejects workbook, once the bad cell is fixed, imports with the accepted rows to the whole batch', async () => {
    const first = await importSheets([await xlsxFile('in.xlsx', sheets())], { keepValid: true });
    if (!first.ok) throw new Error('test: expected rows kept');
    const rejects = new ExcelJS.Workbook();
    await rejects.xlsx.load((await rejectsWorkbook(first.rejected, 'zh')) as never);
    expect(rejects.worksheets.map((w) => w.name)).toEqual(['社区（退回）', '需求（退回）', '资源（退回）', '往期结对（退回）']);
    const sheet = rejects.getWorksheet('社区（退回）')!;
    expect(sheet.getRow(1).getCell(13).value).toBe('退回原因');
    expect(String(sheet.getRow(2).getCell(13).value)).toContain('J3 试点社区');
    sheet.getRow(2).getCell(10).value = '否';
    const fixed = { name: 'fixed.xlsx', bytes: Buffer.from(await rejects.xlsx.writeBuffer()) };
    const [accepted] = await batchFiles(first.batch, 'zh', 'accepted');
    const again = await importSheets([{ name: accepted!.name, bytes: accepted!.bytes }, fixed]);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.batch.communities.map((c) => [c.id, c.pilot])).toEqual([['c1', true], ['c2', false]]);
    expect(again.batch.needs.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(again.batch.offers.map((o) => [o.id, o.preferredCommunities])).toEqual([['o1', []], ['o2', ['c2']]]);
  });
});
