/** Columns that needs and offers share: support form, unit, time window, skills. */
import type { ColumnDef } from './types.js';

export const FORM_COLUMN: ColumnDef = {
  field: 'form',
  header: { zh: '支持形式', en: 'Support form' },
  aliases: ['形式', 'form'],
  kind: 'enum',
  vocabulary: 'form',
  required: true,
  note: { zh: '人才、资源、技术或资金（或 talent/goods/tech/funds）', en: 'talent, goods, tech or funds (or 人才/资源/技术/资金)' },
  example: { zh: '人才', en: 'talent' },
};

export const UNIT_COLUMN: ColumnDef = {
  field: 'unit',
  header: { zh: '单位', en: 'Unit' },
  aliases: ['计量单位', 'unit'],
  kind: 'enum',
  vocabulary: 'unit',
  required: true,
  note: {
    zh: '须与支持形式一致：人才 小时/人天，资源 件，技术 次，资金 元/百元/万元',
    en: 'Must fit the form: talent hour/person-day, goods item, tech service session, funds yuan/hundred yuan/ten thousand yuan',
  },
  example: { zh: '小时', en: 'person-hour' },
};

export const WINDOW_START_COLUMN: ColumnDef = {
  field: 'window.start',
  header: { zh: '开始日期', en: 'Start date' },
  aliases: ['起始日期', '开始时间', 'start'],
  kind: 'date',
  required: false,
  note: { zh: '时间窗口的开始；与结束日期同填或同空', en: 'Start of the time window; give both dates or neither' },
  example: '2025-04-01',
};

export const WINDOW_END_COLUMN: ColumnDef = {
  field: 'window.end',
  header: { zh: '结束日期', en: 'End date' },
  aliases: ['截止日期', '结束时间', 'end'],
  kind: 'date',
  required: false,
  note: { zh: '时间窗口的结束，不早于开始日期', en: 'End of the time window, not before the start' },
  example: '2025-06-30',
};

export function skillsColumn(header: { zh: string; en: string }, note: { zh: string; en: string }): ColumnDef {
  return {
    field: 'skills',
    header,
    aliases: ['技能', '所需技能', '技能资质', '资质', 'skills'],
    kind: 'textList',
    required: false,
    note,
    example: 'caregiver、teacher',
  };
}
