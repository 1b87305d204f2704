/** The four batch sections in the order a workbook lists them (communities first: needs refer to them). */
import { COMMUNITY_SECTION } from './communities.js';
import { NEED_SECTION } from './needs.js';
import { OFFER_SECTION } from './offers.js';
import { PREVIOUS_PAIRING_SECTION } from './previous-pairings.js';
import type { SectionDef, SectionKey } from './types.js';

export const SECTIONS: readonly SectionDef[] = [COMMUNITY_SECTION, NEED_SECTION, OFFER_SECTION, PREVIOUS_PAIRING_SECTION];

export function sectionByKey(key: SectionKey): SectionDef {
  const section = SECTIONS.find((s) => s.key === key);
  if (!section) throw new Error(`sheets/columns: no section ${key}`);
  return section;
}
