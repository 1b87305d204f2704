/**
 * Needs (需求): community project needs (N…) and residents' micro-wishes (W…), with category,
 * form, quantity, urgency, beneficiaries, skills, window and triage drawn as planners report them.
 */
import type { BatchInput } from '../domain/batch-schema.js';
import { CATEGORIES, CATEGORY_IDS, SUPPORT_FORMS, type Category, type NeedKind, type SupportForm, type Triage } from '../domain/taxonomy.js';
import { toCanonical } from '../domain/units.js';
import type { PlacedCommunity } from './communities.js';
import type { FamilySpec } from './families.js';
import { padId } from './ids.js';
import { CATEGORY_PROFILES } from './need-profile.js';
import { PROJECT_TITLES, WISH_TITLES } from './need-titles.js';
import { weightedKey, type Rng } from './prng.js';
import { projectQuantity, wishQuantity } from './quantities.js';
import { bucketInt, createWeightedSampler } from './sampler.js';
import { needWindow } from './windows.js';

export type NeedRecord = BatchInput['needs'][number];

/** A need with its community's position in the community list and its canonical quantity. */
export interface PlacedNeed {
  readonly record: NeedRecord;
  readonly community: number;
  readonly canonical: number;
}

const BENEFICIARY_BUCKETS = [
  [40, 20, 80],
  [30, 80, 200],
  [18, 200, 500],
  [12, 500, 2000],
] as const;

type NeedDraft = Omit<PlacedNeed, 'record'> & { readonly record: Omit<NeedRecord, 'id'> };

/** All needs of the family: projects first (N…), then micro-wishes (W…), each sorted by community. */
export function generateNeeds(rng: Rng, family: FamilySpec, communities: readonly PlacedCommunity[]): PlacedNeed[] {
  // Projects come from active (often pilot) communities; wishes from residents, so by population.
  const projectSampler = createWeightedSampler(communities.map((c) => c.activity));
  const wishSampler = createWeightedSampler(communities.map((c) => c.record.population * (c.record.pilot ? 1.5 : 1)));
  const draw = (kind: NeedKind, count: number): NeedDraft[] => {
    const out: NeedDraft[] = [];
    for (let i = 0; i < count; i++) {
      const index = (kind === 'project' ? projectSampler : wishSampler).draw(rng);
      const community = communities[index] as PlacedCommunity;
      const record = kind === 'project' ? projectNeed(rng, community) : microWish(rng, community);
      out.push({ record, community: index, canonical: toCanonical(record.quantity, record.unit) });
    }
    return out;
  };
  return [...withIds('N', draw('project', family.projects)), ...withIds('W', draw('micro_wish', family.microWishes))];
}

/** Orders drafts by community (stable) and numbers them: N0001 is the first community's first need. */
function withIds(prefix: string, drafts: readonly NeedDraft[]): PlacedNeed[] {
  return drafts
    .map((draft, drawn) => ({ draft, drawn }))
    .sort((a, b) => a.draft.community - b.draft.community || a.drawn - b.drawn)
    .map(({ draft }, position) => ({ ...draft, record: { id: padId(prefix, position + 1, drafts.length), ...draft.record } }));
}

/** Category weights leaning towards what the community has many of (old → elderly, young → children). */
function categoryFor(rng: Rng, community: PlacedCommunity, kind: NeedKind): Category {
  const { population, vulnerable } = community.record;
  const pop = Math.max(1, population);
  const elderlyLean = (vulnerable?.elderly ?? 0) / pop / 0.2;
  const childLean = (vulnerable?.children ?? 0) / pop / 0.12;
  const weights = CATEGORY_IDS.map((c) => {
    const base = kind === 'project' ? CATEGORY_PROFILES[c].projectWeight : CATEGORY_PROFILES[c].wishWeight;
    return c === 'elderly' ? base * elderlyLean : c === 'children' ? base * childLean : base;
  });
  return CATEGORY_IDS[rng.weighted(weights)] as Category;
}

function titleFor(rng: Rng, kind: NeedKind, category: Category, form: SupportForm): { title: string; whole: boolean } {
  const set = (kind === 'project' ? PROJECT_TITLES : WISH_TITLES)[category][form];
  if (!set) return { title: `${CATEGORIES[category].zh}${SUPPORT_FORMS[form].zh}需求`, whole: false };
  if (set.whole && set.whole.length > 0 && rng.chance(0.55)) return { title: rng.pick(set.whole), whole: true };
  return { title: rng.pick(set.titles), whole: false };
}

function projectNeed(rng: Rng, community: PlacedCommunity): Omit<NeedRecord, 'id'> {
  const c = community.record;
  const category = categoryFor(rng, community, 'project');
  const form = weightedKey(rng, CATEGORY_PROFILES[category].projectForms);
  const { title, whole } = titleFor(rng, 'project', category, form);
  const amount = projectQuantity(rng, form, whole);
  // Equipment and renovations are all-or-nothing; a few other projects are too (a fixed-price course).
  const partial = whole ? rng.chance(0.1) : !rng.chance(form === 'goods' || form === 'funds' ? 0.12 : 0.05);
  const beneficiaries = Math.min(Math.max(20, c.population), bucketInt(rng, BENEFICIARY_BUCKETS));
  const fullTitle = rng.chance(0.4) ? c.name + title : title;
  const triage = drawTriage(rng);
  const window = rng.chance(0.5) ? needWindow(rng) : undefined;
  return {
    community: c.id,
    title: fullTitle,
    ...(rng.chance(0.5) ? { description: `${c.name}（${c.street}）申报：${title}，预计受益${beneficiaries}人。` } : {}),
    category,
    form,
    quantity: amount.quantity,
    unit: amount.unit,
    partial,
    beneficiaries,
    urgency: drawUrgency(rng, category),
    ...(window ? { window } : {}),
    skills: drawSkills(rng, category, form, 0.4),
    kind: 'project',
    triage,
    pooled: drawPooled(rng, triage),
    governmentFunded: rng.chance(0.03),
  };
}

function microWish(rng: Rng, community: PlacedCommunity): Omit<NeedRecord, 'id'> {
  const category = categoryFor(rng, community, 'micro_wish');
  const form = weightedKey(rng, CATEGORY_PROFILES[category].wishForms);
  const { title } = titleFor(rng, 'micro_wish', category, form);
  const amount = wishQuantity(rng, form);
  const triage = drawTriage(rng);
  const window = rng.chance(0.5) ? needWindow(rng) : undefined;
  return {
    community: community.record.id,
    title,
    category,
    form,
    quantity: amount.quantity,
    unit: amount.unit,
    partial: false,
    beneficiaries: rng.pick([1, 1, 1, 1, 1, 1, 1, 2, 2, 3]),
    urgency: drawUrgency(rng, category),
    ...(window ? { window } : {}),
    skills: drawSkills(rng, category, form, 0.2),
    kind: 'micro_wish',
    triage,
    pooled: drawPooled(rng, triage),
    governmentFunded: false,
  };
}

/** Mostly 3; relief, health and elderly needs lean more urgent. */
function drawUrgency(rng: Rng, category: Category): number {
  const urgency = 1 + rng.weighted([8, 22, 38, 22, 10]);
  const pressing = category === 'relief' || category === 'health' || category === 'elderly';
  return pressing && urgency < 5 && rng.chance(0.2) ? urgency + 1 : urgency;
}

/** Talent and tech needs sometimes name a qualification (a lawyer, a rehab therapist). */
function drawSkills(rng: Rng, category: Category, form: SupportForm, share: number): string[] {
  if ((form !== 'talent' && form !== 'tech') || !rng.chance(share)) return [];
  const vocabulary = form === 'tech' ? ['it_support', ...CATEGORY_PROFILES[category].skills] : CATEGORY_PROFILES[category].skills;
  const first = rng.pick(vocabulary);
  const second = rng.pick(vocabulary);
  return rng.chance(0.15) && second !== first ? [first, second] : [first];
}

/** 三事分流: almost everything pooled is 小事. */
function drawTriage(rng: Rng): Triage {
  return weightedKey<Triage>(rng, { minor: 96.5, major: 2.5, private: 1 });
}

/** 私事 are the resident's own; half the 大事 go to government departments instead. */
function drawPooled(rng: Rng, triage: Triage): boolean {
  if (triage === 'private') return false;
  if (triage === 'major') return rng.chance(0.5);
  return !rng.chance(0.005);
}
