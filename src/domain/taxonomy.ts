/**
 * The programme's vocabulary: need categories, provider kinds, support forms, community kinds.
 * Ids are stable (they are stored and exchanged); labels are bilingual, zh-CN first.
 */

/** A user-facing label in both languages the service speaks. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** Need categories (需求类别), after DOMAIN.md. */
export const CATEGORIES = {
  elderly: { zh: '养老服务', en: 'elderly care' },
  children: { zh: '儿童青少年', en: 'children and youth' },
  disability: { zh: '助残服务', en: 'disability support' },
  relief: { zh: '救助帮困', en: 'social relief' },
  health: { zh: '医疗健康', en: 'health' },
  legal: { zh: '法律服务与调解', en: 'legal aid and mediation' },
  culture: { zh: '文化活动', en: 'culture' },
  environment: { zh: '环境与空间微改造', en: 'environment and small public-space renewal' },
  employment: { zh: '就业创业', en: 'employment' },
  education: { zh: '教育培训', en: 'education and training' },
  psychology: { zh: '心理关怀', en: 'psychological support' },
  digital: { zh: '智慧社区', en: 'digital/smart community' },
  property: { zh: '物业治理', en: 'property-management disputes' },
  new_employment: { zh: '新就业群体服务', en: 'services for new-employment workers' },
} as const satisfies Record<string, Label>;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [Category, ...Category[]];

/**
 * Pairs of categories close enough that an offer serving one partly fits a need of the other
 * (an elderly-care team can help with a health need). Symmetric; fit 0.6 by default.
 */
export const RELATED_CATEGORIES: ReadonlyArray<readonly [Category, Category]> = [
  ['elderly', 'health'],
  ['elderly', 'disability'],
  ['elderly', 'psychology'],
  ['children', 'education'],
  ['children', 'psychology'],
  ['children', 'culture'],
  ['disability', 'relief'],
  ['disability', 'health'],
  ['relief', 'employment'],
  ['health', 'psychology'],
  ['legal', 'property'],
  ['legal', 'new_employment'],
  ['culture', 'education'],
  ['environment', 'property'],
  ['employment', 'education'],
  ['employment', 'new_employment'],
  ['education', 'digital'],
  ['digital', 'elderly'],
];

/** Provider kinds: the four forces (四支力量) first, then the other sources programmes name. */
export const PROVIDER_KINDS = {
  association: { zh: '行业协会商会', en: 'industry associations and chambers of commerce' },
  enterprise: { zh: '"两企三新"领域', en: 'enterprises and new economic/social organisations' },
  social_work: { zh: '社会工作人才', en: 'social-work professionals and agencies' },
  volunteer: { zh: '志愿服务组织', en: 'volunteer organisations' },
  institution: { zh: '驻区单位', en: 'institutions based in the area' },
  university: { zh: '高校', en: 'universities' },
  charity: { zh: '社区基金/慈善', en: 'community funds and charity' },
  venture_fund: { zh: '公益创投', en: 'public-benefit venture funding' },
} as const satisfies Record<string, Label>;
export type ProviderKind = keyof typeof PROVIDER_KINDS;
export const PROVIDER_KIND_IDS = Object.keys(PROVIDER_KINDS) as [ProviderKind, ...ProviderKind[]];

/** Support forms (人才、资源、技术、资金). Units never mix across forms. */
export const SUPPORT_FORMS = {
  talent: { zh: '人才', en: 'talent' },
  goods: { zh: '资源', en: 'goods' },
  tech: { zh: '技术', en: 'technology' },
  funds: { zh: '资金', en: 'funds' },
} as const satisfies Record<string, Label>;
export type SupportForm = keyof typeof SUPPORT_FORMS;
export const SUPPORT_FORM_IDS = Object.keys(SUPPORT_FORMS) as [SupportForm, ...SupportForm[]];

/** Community kinds (社区类型). */
export const COMMUNITY_KINDS = {
  urban: { zh: '城市社区', en: 'urban community' },
  village: { zh: '村', en: 'village' },
  village_to_community: { zh: '村改居', en: 'village-turned-community' },
  urban_village: { zh: '城中村', en: 'urban village' },
  new_build: { zh: '新建社区', en: 'new-build community' },
  old_estate: { zh: '老旧小区', en: 'old estate' },
} as const satisfies Record<string, Label>;
export type CommunityKind = keyof typeof COMMUNITY_KINDS;
export const COMMUNITY_KIND_IDS = Object.keys(COMMUNITY_KINDS) as [CommunityKind, ...CommunityKind[]];

/** Need kinds: a community project (项目需求) or one resident's micro-wish (微心愿). */
export const NEED_KINDS = {
  project: { zh: '项目需求', en: 'project need' },
  micro_wish: { zh: '微心愿', en: 'micro-wish' },
} as const satisfies Record<string, Label>;
export type NeedKind = keyof typeof NEED_KINDS;
export const NEED_KIND_IDS = Object.keys(NEED_KINDS) as [NeedKind, ...NeedKind[]];

/** Triage (三事分流): only what the programme pools goes to matching. */
export const TRIAGE = {
  major: { zh: '大事', en: 'major (government departments)' },
  minor: { zh: '小事', en: 'minor (community consultation)' },
  private: { zh: '私事', en: 'private (the resident)' },
} as const satisfies Record<string, Label>;
export type Triage = keyof typeof TRIAGE;
export const TRIAGE_IDS = Object.keys(TRIAGE) as [Triage, ...Triage[]];
