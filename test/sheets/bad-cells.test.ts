/**
 * Every class of bad cell, each named by sheet, row and column header, all in one answer; and
 * the same for whole sheets and files. Expected issues are written by hand from the inputs.
 */
import { describe, expect, it } from 'vitest';
import { importSheets } from '../../src/sheets/index.js';
import { csvFile, where, xlsxFile } from './helpers.js';

describe('bad cells are all reported at once, by sheet, row and column', () => {
  it('cell-level and batch-level problems in one workbook', async () => {
    const file = await xlsxFile('bad.xlsx', {
      社区: [
        ['社区编号', '社区名称', '所属区县', '所属街道（镇）', '社区类型', '纬度', '经度', '常住人口', '试点社区'],
        ['c1', '丽华新村社区', '天宁区', '茶山街道', '老旧小区', 31.78, 119.99, 12000, '是'],
        ['c2', '清潭社区', '钟楼区', '永红街道', '城市社区', 31.77, 119.93, 15000, '也许'],
        ['c3', '清潭社区', '钟楼区', '永红街道', '城市社区', 31.76, 119.92, 9000, '否'],
        ['c1', '重复社区', '天宁区', '茶山街道', 'village', 31.7, 119.9, 100, '否'],
      ],
      需求: [
        ['需求编号', '所属社区', '需求名称', '需求类别', '支持形式', '数量', '单位', '紧急程度', '开始日期', '结束日期'],
        ['n1', 'c1', '助餐', '养老', '人才', '十', '小时', 3, null, null],
        ['n2', '清潭社区', '法律咨询', 'legal', '技术', 5, '次', 9, '2025-02-30', '2025-03-01'],
        ['n3', 'C9', null, 'elderly', 'talent', 2.5, '元', 3, '2025-05-01', '2025-04-01'],
        ['n4', 'c2', { error: '#N/A' }, '文化活动', '资源', 3, '件', 3, null, null],
      ],
      资源: [
        ['资源编号', '提供方名称', '提供方类型', '支持形式', '供给总量', '单位', '服务类别', '纬度', '服务区县'],
        ['o1', '志愿队', '志愿服务组织', '人才', 100, '小时', '养老服务', 31.7, '天宁区'],
        ['o2', '律所', '行业协会商会', '技术', 10, '次', '法律、不存在', null, '天宁'],
      ],
    });
    const r = await importSheets([file]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.issues)).toEqual([
      ['社区', 3, '试点社区', 'invalid_boolean'],
      ['社区', 5, '社区编号', 'duplicate_id'],
      ['需求', 2, '需求类别', 'unknown_label'],
      ['需求', 2, '数量', 'not_a_number'],
      ['需求', 3, '所属社区', 'ambiguous_community'],
      ['需求', 3, '紧急程度', 'out_of_range'],
      ['需求', 3, '开始日期', 'invalid_date'],
      ['需求', 4, '所属社区', 'unknown_reference'],
      ['需求', 4, '需求名称', 'missing_field'],
      ['需求', 4, '数量', 'not_integer'],
      ['需求', 4, '单位', 'unit_form_mismatch'],
      ['需求', 4, '结束日期', 'end_before_start'],
      ['需求', 5, '需求名称', 'unusable_cell'],
      ['资源', 2, '经度', 'incomplete_pair'],
      ['资源', 3, '服务类别', 'unknown_label'],
      ['资源', 3, '服务区县', 'unknown_district'],
    ]);
    const byCell = new Map(r.issues.map((i) => [`${i.sheet}!${i.cell ?? i.column}`, i]));
    expect(byCell.get('需求!D2')?.hint).toContain('养老服务');
    expect(byCell.get('需求!B4')?.hint).toBe('did you mean "c1"?');
    expect(byCell.get('需求!C4')?.message).toBe('"需求名称" is required, but this cell is empty');
    expect(byCell.get('社区!A5')?.message).toBe('duplicate id "c1": row 5 of bad.xlsx!社区 repeats the id of row 2 of bad.xlsx!社区');
    expect(byCell.get('资源!G3')?.message).toContain('"不存在"');
    expect(byCell.get('资源!G3')?.message).toContain('"法律"');
    expect(byCell.get('需求!B3')?.message).toContain('c2, c3');
    expect(r.issues[0]!.path).toEqual(['bad.xlsx!社区', 3, '试点社区']);
  });

  it('problems with headers and sheets are reported together with the bad cells of the rows', async () => {
    const file = await xlsxFile('sheets.xlsx', {
      需求: [
        ['需求编号', '所属社区', '需求名称', '需求类别', '支持形式', '数量', '联系人', '数量', null],
        ['n1', 'c1', '助餐', '养老服务', '人才', 'x', '张三', 4, 'stray'],
      ],
      杂项: [['a', 'b'], [1, 2]],
    });
    const r = await importSheets([file]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.issues)).toEqual([
      ['需求', 1, '单位', 'missing_column'],
      ['需求', 1, '联系人', 'unknown_column'],
      ['需求', 1, '数量', 'duplicate_column'],
      ['需求', 2, '数量', 'not_a_number'],
      ['需求', 2, undefined, 'unnamed_column'],
      ['杂项', 1, undefined, 'unknown_sheet'],
      ['社区 (communities)', undefined, undefined, 'missing_sheet'],
      ['资源 (offers)', undefined, undefined, 'missing_sheet'],
    ]);
    expect(r.issues.find((i) => i.code === 'unnamed_column')?.cell).toBe('I2');
  });

  it('unreadable files, the old .xls format and broken CSV are each named, and the other files still read', async () => {
    const garbage = { name: 'garbage.xlsx', bytes: Buffer.from('not a workbook at all') };
    const zipGarbage = { name: 'broken.xlsx', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]) };
    const oldXls = { name: 'old.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) };
    const brokenCsv = { name: 'broken.csv', bytes: Buffer.from('需求编号,需求名称\nn1,"unclosed\n') };
    const good = csvFile('needs.csv', [['需求编号', '所属社区', '需求名称', '需求类别', '支持形式', '数量', '单位'], ['n1', 'c1', 't', 'elderly', 'talent', 'x', 'hour']]);
    const r = await importSheets([garbage, zipGarbage, oldXls, brokenCsv, good]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.file, i.code])).toEqual([
      ['garbage.xlsx', 'unreadable_xlsx'],
      ['broken.xlsx', 'unreadable_xlsx'],
      ['old.xls', 'unsupported_format'],
      ['broken.csv', 'unreadable_csv'],
      ['needs.csv', 'not_a_number'],
      ['', 'missing_sheet'],
      ['', 'missing_sheet'],
    ]);
  });

  it('no file with data at all is one issue', async () => {
    const r = await importSheets([await xlsxFile('empty.xlsx', { Sheet1: [] })]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(['no_data_sheet']);
  });
});
