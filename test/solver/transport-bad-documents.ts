/** Bad transport/v1 documents with the issues every reader must report for them, in order. */

/** A bit of everything: format, wrong types, lengths, indices, counts, weights. */
export const MIXED_BAG = {
  doc: {
    format: 'transport/v2',
    offers: { id: ['A', 7], capacity: [3, -1] },
    needs: { id: ['x'], demand: [1.5] },
    edges: { offer: [0, 2, 0], need: [0, 0, 'q'], weight: [1, -2, 3], cap: [1, 1] },
  },
  issues: [
    'format: expected "transport/v1", got "transport/v2"',
    'offers.id[1]: expected a string, got 7',
    'edges.need[2]: expected a number, got "q"',
    'edges.cap: has 2 entries but edges.offer has 3',
    'edges.offer[1]: index 2 outside 0..1',
    'offers.capacity[1]: expected an integer >= 0, got -1',
    'needs.demand[0]: expected an integer >= 0, got 1.5',
    'edges.weight[1]: expected a finite number >= 0, got -2',
  ],
} as const;
