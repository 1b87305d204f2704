export * from './types.js';
export { COMMUNITY_SECTION } from './communities.js';
export { NEED_SECTION } from './needs.js';
export { OFFER_SECTION } from './offers.js';
export { PREVIOUS_PAIRING_SECTION } from './previous-pairings.js';
export { SECTIONS, sectionByKey } from './sections.js';
