/**
 * A small valid batch to break on purpose: each bad-input test changes one thing and expects
 * exactly the issues that change should cause.
 */
import type { BatchInput } from '../../src/domain/batch-schema.js';
import { formatPath, type InputIssue } from '../../src/domain/issues.js';
import type { IntakeResult } from '../../src/intake/index.js';

/** A fresh, valid batch input (two communities in two districts, two needs, two offers). */
export function validBatch(): BatchInput {
  return {
    format: 'jiedui-batch/v1',
    communities: [
      {
        id: 'c1',
        name: '丽华新村社区',
        district: '天宁区',
        street: '茶山街道',
        kind: 'old_estate',
        location: { lat: 31.78, lon: 119.99 },
        population: 12000,
      },
      {
        id: 'c2',
        name: '清潭社区',
        district: '钟楼区',
        street: '永红街道',
        kind: 'urban',
        location: { lat: 31.77, lon: 119.93 },
        population: 15000,
      },
    ],
    needs: [
      {
        id: 'n1',
        community: 'c1',
        title: '助餐送餐',
        category: 'elderly',
        form: 'talent',
        quantity: 3,
        unit: 'person_day',
        window: { start: '2025-03-01', end: '2025-06-30' },
      },
      { id: 'n2', community: 'c2', title: '楼道扶手', category: 'environment', form: 'funds', quantity: 2, unit: 'wan_yuan', partial: false },
    ],
    offers: [
      {
        id: 'o1',
        provider: { name: '志愿者联合会', kind: 'volunteer' },
        form: 'talent',
        capacity: 100,
        unit: 'hour',
        categories: ['elderly'],
        location: { lat: 31.8, lon: 119.98 },
        radiusKm: 10,
      },
      {
        id: 'o2',
        provider: { name: '商会', kind: 'association' },
        form: 'funds',
        capacity: 500,
        unit: 'hundred_yuan',
        categories: ['environment'],
        districts: ['钟楼区'],
        minAllocation: 10,
      },
    ],
    previousPairings: [{ need: 'n1', offer: 'o1' }],
  };
}

/** A value the type system would refuse (NaN, unknown fields...), for tests of the API path. */
export type Loose = Record<string, any>;

/** `validBatch()` typed loosely so tests can break it in ways the types forbid. */
export function looseBatch(): Loose {
  return validBatch() as Loose;
}

/** The issues of a failed result as `path code` strings, e.g. `needs[0].unit unit_form_mismatch`. */
export function issueKeys(result: IntakeResult | { ok: false; issues: InputIssue[] } | { ok: true }): string[] {
  if (result.ok) return [];
  return result.issues.map((i) => `${formatPath(i.path)} ${i.code}`);
}

/** The one issue of a result that must have failed with exactly one issue. */
export function onlyIssue(result: IntakeResult): InputIssue {
  if (result.ok) throw new Error('test: expected the input to be rejected');
  if (result.issues.length !== 1) throw new Error(`test: expected one issue, got ${issueKeys(result).join('; ')}`);
  return result.issues[0]!;
}
