/**
 * Cells beginning with =, +, - or @ (or a tab or carriage return) are neutralised in every file
 * we write, so that a hostile value from a submission cannot run as a formula in an official's
 * spreadsheet; our readers undo the guard, so values survive a round trip.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BatchSchema, type BatchInput } from '../../src/domain/batch-schema.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { validateBatch } from '../../src/intake/load-batch.js';
import { runMatching } from '../../src/match/run-matching.js';
import { batchFiles, exportResultFiles, importSheets, neutraliseFormula } from '../../src/sheets/index.js';
import { xlsxFile } from './helpers.js';

const HOSTILE = ['=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(1,2)', '\t=1', '\r=1'];


/** A batch whose free-text fields carry formula-looking text (ids cannot: they allow no = + @). */
function hostileBatch(): BatchInput {
  return {
    communities: [{ id: 'c1', name: HOSTILE[0]!, district: HOSTILE[1]!, street: HOSTILE[2]!, kind: 'urban', location: { lat: 31.7, lon: 119.9 }, population: 100 }],
    needs: [{ id: '-n1', community: 'c1', title: HOSTILE[3]!, description: HOSTILE[4]!, category: 'elderly', form: 'talent', quantity: 5, unit: 'hour', skills: [] }],
    offers: [{ id: 'o1', provider: { name: HOSTILE[5]!, kind: 'volunteer' }, form: 'talent', capacity: 10, unit: 'hour', categories: ['elderly'] }],
  };
}

const DANGEROUS_START = /^[=+\-@\t\r]/;

describe('formula injection', () => {
  it('prefixes a quote to text starting with = + - @ tab or CR, and leaves other text alone', () => {
    for (const text of HOSTILE) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['养老服务', 'a=b', '1+1', "'=already"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it('no string cell of an exported workbook or CSV starts like a formula, and no cell is a formula', async () => {
    const valid = validateBatch(hostileBatch());
    if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
    const result = runMatching(valid.batch, defaultWeightProfile);
    expect(result.pairings.length).toBe(1);
    const files = [
      ...(await exportResultFiles(result, { format: 'xlsx', lang: 'zh', batch: valid.batch })),
      ...(await exportResultFiles(result, { format: 'csv', lang: 'en', batch: valid.batch })),
      ...(await batchFiles(BatchSchema.parse(hostileBatch()), 'zh', 'batch')),
    ];
    let strings = 0;
    for (const file of files.filter((f) => f.name.endsWith('.xlsx'))) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.bytes as never);
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            expect(typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value).toBe(false);
            if (typeof cell.value === 'string') {
              strings += 1;
              expect(cell.value, `${file.name} ${sheet.name}!${cell.address}`).not.toMatch(DANGEROUS_START);
            }
          }),
        ),
      );
    }
    expect(strings).toBeGreaterThan(50);
    const csvTexts = files.filter((f) => f.name.endsWith('.csv')).map((f) => f.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(csvTexts.length).toBe(8);
    for (const text of csvTexts) {
      // Every field, quoted or not, after its opening quote (a field never starts with a line break: those are quoted).
      for (const field of text.split(/,|\r\n/)) expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@\t]/);
    }
    expect(csvTexts.join('')).toContain("'=cmd|");
    expect(csvTexts.join('')).toContain("\"'@SUM(1,2)\"");
  });

  it('guarded values come back unguarded when our files are read again', async () => {
    const [xlsx] = await batchFiles(BatchSchema.parse(hostileBatch()), 'zh', 'batch');
    const r = await importSheets([{ name: 'batch.xlsx', bytes: xlsx!.bytes }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batch.communities[0]!.name).toBe(HOSTILE[0]);
    expect(r.batch.needs[0]!.title).toBe(HOSTILE[3]);
    expect(r.batch.needs[0]!.id).toBe('-n1');
    // Text cells are trimmed on reading, so a leading tab or line break does not survive.
    expect(r.batch.needs[0]!.description).toBe('=1');
    expect(r.batch.offers[0]!.provider.name).toBe('=1');
  });

  it('an uploaded cell holding a formula gives its saved result, never the formula text', async () => {
    const file = await xlsxFile('f.xlsx', {
      需求: [
        ['需求编号', '所属社区', '需求名称', '需求类别', '支持形式', '数量', '单位'],
        ['n1', 'c1', { formula: 'CONCAT("助","餐")', result: '助餐' }, '养老服务', '人才', { formula: '2*3', result: 6 }, '小时'],
      ],
      社区: [['社区编号', '社区名称', '所属区县', '所属街道（镇）', '社区类型', '纬度', '经度', '常住人口'], ['c1', 'x', 'd', 's', '村', 31, 120, 5]],
      资源: [['资源编号', '提供方名称', '提供方类型', '支持形式', '供给总量', '单位', '服务类别']],
    });
    const r = await importSheets([file]);
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.batch.needs[0]!.title, r.batch.needs[0]!.quantity]).toEqual(['助餐', 6]);
  });
});
