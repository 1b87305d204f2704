/** Columns of the earlier-pairings sheet (往期结对): continuity with last round. */
import type { SectionDef } from './types.js';

export const PREVIOUS_PAIRING_SECTION: SectionDef = {
  key: 'previousPairings',
  sheetName: { zh: '往期结对', en: 'previous pairings' },
  fileStem: 'previous-pairings',
  // A run's exported pairings sheet ("结对结果") may be fed back as last round's pairings.
  sheetAliases: ['上期结对', '已有结对', '结对结果', 'pairings', 'previouspairings'],
  ignoreUnknownColumns: true,
  columns: [
    {
      field: 'need',
      header: { zh: '需求编号', en: 'Need ID' },
      aliases: ['需求', 'need', 'needid'],
      kind: 'id',
      required: true,
      note: { zh: '上一轮结对的需求编号', en: 'Need of an earlier pairing' },
      example: 'N0016',
    },
    {
      field: 'offer',
      header: { zh: '资源编号', en: 'Offer ID' },
      aliases: ['资源', 'offer', 'offerid'],
      kind: 'id',
      required: true,
      note: { zh: '上一轮结对的资源编号', en: 'Offer of an earlier pairing' },
      example: 'O0126',
    },
  ],
};
