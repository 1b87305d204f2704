import type { Label, SupportForm } from './taxonomy.js';

/**
 * Units per support form. Every quantity is normalised to its form's canonical unit (factor 1)
 * as an integer, so that a flow unit means the same thing on both sides of an edge.
 */
export interface UnitDef {
  readonly form: SupportForm;
  /** How many canonical units one of this unit is. */
  readonly factor: number;
  readonly label: Label;
}

export const UNITS = {
  hour: { form: 'talent', factor: 1, label: { zh: '小时', en: 'person-hour' } },
  person_day: { form: 'talent', factor: 8, label: { zh: '人天', en: 'person-day' } },
  item: { form: 'goods', factor: 1, label: { zh: '件', en: 'item' } },
  service: { form: 'tech', factor: 1, label: { zh: '次', en: 'service session' } },
  yuan: { form: 'funds', factor: 1, label: { zh: '元', en: 'yuan' } },
  hundred_yuan: { form: 'funds', factor: 100, label: { zh: '百元', en: 'hundred yuan' } },
  wan_yuan: { form: 'funds', factor: 10_000, label: { zh: '万元', en: 'ten thousand yuan' } },
} as const satisfies Record<string, UnitDef>;
export type Unit = keyof typeof UNITS;
export const UNIT_IDS = Object.keys(UNITS) as [Unit, ...Unit[]];

/** The canonical unit of each form: what normalised quantities are counted in. */
export const CANONICAL_UNIT: Readonly<Record<SupportForm, Unit>> = {
  talent: 'hour',
  goods: 'item',
  tech: 'service',
  funds: 'yuan',
};

/** Converts a quantity in `unit` to its form's canonical unit. */
export function toCanonical(quantity: number, unit: Unit): number {
  return quantity * UNITS[unit].factor;
}
