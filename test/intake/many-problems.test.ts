/**
 * A batch with many different problems, schema and cross-record mixed, must report every one of
 * them at once, at the right path, in the order they appear in the document.
 */
import { describe, expect, it } from 'vitest';
import { parseBatch, validateBatch } from '../../src/intake/index.js';
import { issueKeys, looseBatch } from './fixtures.js';

describe('a batch with many problems', () => {
  it('reports all of them, each at its own path, in document order', () => {
    const b = looseBatch();
    b.communities[0].location.lat = 95; // out of range
    b.communities.push({ ...b.communities[1], id: 'c1', name: '重复社区' }); // communities[2]: duplicate id
    b.needs[0].category = 'eldrly'; // unknown category
    b.needs[0].quantity = -1; // negative
    b.needs[0].window = { start: '2025-06-30', end: '2025-03-01' }; // end before start
    b.needs[1].community = 'c7'; // dangling
    b.needs[1].unit = 'hour'; // a funds need in hours
    delete b.offers[0].location; // radius without a location
    b.offers[0].capacity = Number.NaN; // not finite
    b.offers[1].provider.fax = '0519-1234'; // unknown nested field
    b.offers[1].districts = ['钟楼']; // no such district in the batch
    b.offers[1].minAllocation = 1000; // more than capacity 500
    b.previousPairings[0].need = 'n9'; // dangling
    b.version = 2; // unknown top-level field (written last)

    const expected = [
      'communities[0].location.lat out_of_range',
      'communities[2].id duplicate_id',
      'needs[0].category invalid_enum',
      'needs[0].quantity out_of_range',
      'needs[0].window.end end_before_start',
      'needs[1].community unknown_reference',
      'needs[1].unit unit_form_mismatch',
      'offers[0].capacity not_finite',
      'offers[0].radiusKm radius_without_location',
      'offers[1].provider.fax unknown_field',
      'offers[1].districts[0] unknown_district',
      'offers[1].minAllocation min_allocation_exceeds_capacity',
      'previousPairings[0].need unknown_reference',
      'version unknown_field',
    ];
    expect(issueKeys(validateBatch(b))).toEqual(expected);
  });

  it('reports the same problems from JSON text (where NaN can only arrive as null)', () => {
    const b = looseBatch();
    b.needs[0].category = '养老';
    b.needs[1].community = 'c7';
    b.offers[0].capacity = null;
    b.offers[1].minAllocation = 1000;
    expect(issueKeys(parseBatch(JSON.stringify(b, null, 2)))).toEqual([
      'needs[0].category invalid_enum',
      'needs[1].community unknown_reference',
      'offers[0].capacity invalid_type',
      'offers[1].minAllocation min_allocation_exceeds_capacity',
    ]);
  });
});
