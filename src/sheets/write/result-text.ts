/**
 * Words of the result export in both languages: sheet names, column headers, unmet reasons,
 * review statuses, coverage dimensions.
 */
import type { Label } from '../../domain/taxonomy.js';
import type { UnmetReason } from '../../match/types.js';
import type { Lang } from '../vocabulary.js';

export const RESULT_SHEETS = {
  pairings: { zh: '结对结果', en: 'pairings' },
  unmet: { zh: '未满足需求', en: 'unmet needs' },
  statistics: { zh: '统计', en: 'statistics' },
  summary: { zh: '概要', en: 'summary' },
} as const satisfies Record<string, Label>;
export type ResultSheet = keyof typeof RESULT_SHEETS;
export const RESULT_SHEET_KEYS = Object.keys(RESULT_SHEETS) as ResultSheet[];

/** Column headers; `needId` and `offerId` equal the batch sheets' headers, so pairings re-import as earlier pairings. */
export const H = {
  needId: { zh: '需求编号', en: 'Need ID' },
  needTitle: { zh: '需求名称', en: 'Need title' },
  offerId: { zh: '资源编号', en: 'Offer ID' },
  provider: { zh: '提供方名称', en: 'Provider name' },
  communityId: { zh: '社区编号', en: 'Community ID' },
  district: { zh: '区县', en: 'District' },
  street: { zh: '街道（镇）', en: 'Street or town' },
  category: { zh: '需求类别', en: 'Category' },
  form: { zh: '支持形式', en: 'Support form' },
  providerKind: { zh: '提供方类型', en: 'Provider kind' },
  amount: { zh: '分配数量', en: 'Amount' },
  unit: { zh: '单位', en: 'Unit' },
  value: { zh: '价值', en: 'Value' },
  fit: { zh: '匹配度', en: 'Fit' },
  valuePerUnit: { zh: '单位价值', en: 'Value per unit' },
  locked: { zh: '已锁定', en: 'Locked' },
  alternates: { zh: '备选资源', en: 'Alternates' },
  status: { zh: '审核状态', en: 'Review status' },
  decision: { zh: '审核意见', en: 'Decision reason' },
  demand: { zh: '需求量', en: 'Demand' },
  met: { zh: '已满足', en: 'Met' },
  gap: { zh: '缺口', en: 'Shortfall' },
  reason: { zh: '未满足原因', en: 'Reason' },
  detail: { zh: '说明', en: 'Detail' },
  dimension: { zh: '维度', en: 'Dimension' },
  group: { zh: '分组', en: 'Group' },
  needs: { zh: '需求数', en: 'Needs' },
  needsMet: { zh: '全部满足', en: 'Needs met' },
  needsPartlyMet: { zh: '部分满足', en: 'Needs partly met' },
  demandMet: { zh: '已满足量', en: 'Demand met' },
  demandMetShare: { zh: '需求满足率', en: 'Share of demand met' },
  communities: { zh: '社区数', en: 'Communities' },
  communitiesReached: { zh: '覆盖社区数', en: 'Communities reached' },
  beneficiaries: { zh: '受益人数', en: 'Beneficiaries' },
  beneficiariesReached: { zh: '覆盖受益人数', en: 'Beneficiaries reached' },
  item: { zh: '项目', en: 'Item' },
  itemValue: { zh: '值', en: 'Value' },
} as const satisfies Record<string, Label>;

export const REASONS: Readonly<Record<UnmetReason['code'], Label>> = {
  not_pooled: { zh: '未纳入对接（三事分流）', en: 'not pooled for matching (triage)' },
  no_candidate: { zh: '没有符合条件的资源', en: 'no offer passes the hard rules' },
  outcompeted: { zh: '资源已被更优先的需求占用', en: 'outcompeted by more valuable needs' },
  no_value: { zh: '按当前权重无价值', en: 'no value under these weights' },
  all_or_nothing: { zh: '须全额满足而未能满足', en: 'all-or-nothing need could not be met in full' },
};

export const STATUSES: Readonly<Record<string, Label>> = {
  proposed: { zh: '待审核', en: 'proposed' },
  approved: { zh: '已通过', en: 'approved' },
  rejected: { zh: '已驳回', en: 'rejected' },
};

export const DIMENSIONS = {
  total: { zh: '合计', en: 'total' },
  district: { zh: '区县', en: 'district' },
  category: { zh: '需求类别', en: 'category' },
  providerKind: { zh: '提供方类型', en: 'provider kind' },
  form: { zh: '支持形式', en: 'support form' },
} as const satisfies Record<string, Label>;

const YES_NO: Readonly<Record<Lang, readonly [string, string]>> = { zh: ['是', '否'], en: ['yes', 'no'] };

export function yesNo(value: boolean, lang: Lang): string {
  return YES_NO[lang][value ? 0 : 1];
}

/** The details of an unmet reason, in words. */
export function reasonDetail(reason: UnmetReason, lang: Lang): string {
  const zh = lang === 'zh';
  const list = (ids: readonly string[]) => (ids.length > 5 ? `${ids.slice(0, 5).join(', ')} …` : ids.join(', '));
  switch (reason.code) {
    case 'not_pooled':
      return '';
    case 'no_candidate':
      return `${zh ? '排除规则' : 'excluded by'}: ${Object.entries(reason.excludedBy).map(([rule, n]) => `${rule} ${n}`).join(', ')}`;
    case 'outcompeted':
      return `${zh ? '资源' : 'offers'} ${list(reason.offers)}; ${zh ? '被占用于' : 'taken by'} ${list(reason.by)}`;
    case 'no_value':
      return `${zh ? '资源' : 'offers'} ${list(reason.offers)}`;
    case 'all_or_nothing':
      return reason.detail;
  }
}
