/**
 * Bad input to the streaming transport/v1 reader: the same issues, paths and order as the
 * whole-string reader for every class of bad content (checked by hand-written expectations and
 * by random mutations of valid documents), and for text that is not JSON one issue naming the
 * byte offset, line and column — checked against the truncation or insertion point and against
 * an independent line/column count of the bytes before the offset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIXED_BAG } from './transport-bad-documents.js';
import {
  MAX_ISSUES,
  TransportModelError,
  parseTransportJson,
  parseTransportJsonBytes,
  renderPath,
  type TransportModel,
} from '../../src/solver/transport/index.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Outcome = { model: TransportModel } | { issues: string[] };

function outcome(read: () => TransportModel): Outcome {
  try {
    return { model: read() };
  } catch (error) {
    if (error instanceof TransportModelError) return { issues: error.issues.map((i) => `${renderPath(i.path)}: ${i.message}`) };
    throw error;
  }
}

const wholeOutcome = (bytes: Uint8Array) => outcome(() => parseTransportJson(decoder.decode(bytes)));
const streamOutcome = (bytes: Uint8Array, size = 3) => outcome(() => parseTransportJsonBytes(bytes, size));

function streamIssues(text: string, size = 2): string[] {
  const result = streamOutcome(encoder.encode(text), size);
  if ('model' in result) throw new Error('expected the streaming reader to reject the input');
  return result.issues;
}

/** Line and column (code points, 1-based) of a byte offset, counted independently of the reader. */
function lineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = decoder.decode(bytes.subarray(0, offset)); // drops a leading BOM, as the reader's columns do
  const lines = before.split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

const SYNTAX = /^\(root\): not JSON: .+ at byte (\d+) \(line (\d+), column (\d+)\)$/;

/** The syntax issue's offset, checked for its line and column. */
function syntaxOffset(bytes: Uint8Array, issues: string[]): number {
  expect(issues).toHaveLength(1);
  const match = SYNTAX.exec(issues[0]!);
  expect(match, issues[0]).not.toBeNull();
  const offset = Number(match![1]);
  expect({ line: Number(match![2]), column: Number(match![3]) }).toEqual(lineColumn(bytes, offset));
  return offset;
}

const base = {
  format: 'transport/v1',
  offers: { id: ['A', 'B'], capacity: [3, 0] },
  needs: { id: ['x', 'y', 'z'], demand: [1, 2, 5] },
  edges: { offer: [0, 0, 1, 0], need: [0, 2, 1, 2], weight: [1.25, 0.01, 7, 3.5], cap: [1, 3, 0, 2] },
};

describe('bad content, each class with all its issues and paths', () => {
  function bothSay(doc: unknown, expected: string[]): void {
    const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
    expect(streamIssues(text)).toEqual(expected);
    expect(wholeOutcome(encoder.encode(text))).toEqual({ issues: expected });
  }

  it('a mixed bag: format, wrong types, lengths, indices, counts, weights', () => {
    // The same document and issues as the whole-string reader's own test (transport-readers.test.ts).
    bothSay(MIXED_BAG.doc, [...MIXED_BAG.issues]);
  });

  it('format missing, or not a string', () => {
    const { format: _, ...noFormat } = base;
    bothSay(noFormat, ['format: expected "transport/v1", got undefined']);
    bothSay({ ...base, format: { v: [1, 'x'] } }, ['format: expected "transport/v1", got {"v":[1,"x"]}']);
  });

  it('sections and arrays missing or of the wrong type', () => {
    bothSay('{"format":"transport/v1","offers":{}}', ['needs: missing', 'edges: missing', 'offers.id: missing', 'offers.capacity: missing']);
    bothSay({ ...base, needs: [1], edges: { ...base.edges, weight: 'heavy', cap: null } }, [
      'needs: expected an object',
      'edges.weight: expected an array of numbers',
      'edges.cap: expected an array of numbers',
      'edges.weight: has 0 entries but edges.offer has 4',
      'edges.cap: has 0 entries but edges.offer has 4',
      // No needs section: no need count, so every need index is out of range.
      'edges.need[0]: index 0 outside 0..-1',
      'edges.need[1]: index 2 outside 0..-1',
      'edges.need[2]: index 1 outside 0..-1',
      'edges.need[3]: index 2 outside 0..-1',
    ]);
    bothSay({ ...base, offers: { ...base.offers, id: { A: 1 } } }, ['offers.id: expected an array of strings', 'offers.capacity: has 2 entries but offers.id has 0']);
    bothSay('[1,2]', ['(root): expected a JSON object']);
    bothSay('"transport/v1"', ['(root): expected a JSON object']);
  });

  it('elements of the wrong JSON type, shown as JSON.stringify shows them', () => {
    bothSay({ ...base, edges: { ...base.edges, weight: [null, true, { a: [1, { b: 'é\n' }] }, [[]]], offer: [0, '0', 0, 0] } }, [
      'edges.offer[1]: expected a number, got "0"',
      'edges.weight[0]: expected a number, got null',
      'edges.weight[1]: expected a number, got true',
      'edges.weight[2]: expected a number, got {"a":[1,{"b":"é\\n"}]}',
      'edges.weight[3]: expected a number, got [[]]',
    ]);
    bothSay('{"format":"transport/v1","offers":{"id":["A",1e400,"\\u0041"],"capacity":[1,1,1]},"needs":{"id":[],"demand":[]},"edges":{"offer":[],"need":[],"weight":[],"cap":[]}}', [
      'offers.id[1]: expected a string, got null',
    ]);
  });

  it('bad numbers: fractional and huge indices, infinities, overflowing counts', () => {
    bothSay('{"format":"transport/v1","offers":{"id":["A"],"capacity":[1e400]},"needs":{"id":["x"],"demand":[9007199254740993]},"edges":{"offer":[0.5,-1,4294967296,1e400],"need":[0,0,0,0],"weight":[1e400,-0,1,1],"cap":[1,1,1,1]}}', [
      'edges.offer[0]: expected an integer index, got 0.5',
      'edges.offer[1]: index -1 outside 0..0',
      'edges.offer[2]: index 4294967296 outside 0..0',
      'edges.offer[3]: expected an integer index, got Infinity',
      'offers.capacity[0]: expected an integer >= 0, got Infinity',
      'needs.demand[0]: expected an integer >= 0, got 9007199254740992',
      'edges.weight[0]: expected a finite number >= 0, got Infinity',
    ]);
  });

  it('duplicate keys: the last one wins, as in JSON.parse', () => {
    const text = JSON.stringify(base)
      .replace('"format":"transport/v1"', '"format":"old","format":"transport/v1","offers":7')
      .replace('"cap":[1,3,0,2]', '"cap":"x","cap":[1,3,0,2],"weight":[1,2,3]');
    bothSay(text, ['edges.weight: has 3 entries but edges.offer has 4']);
  });

  it('stops at MAX_ISSUES like the whole-string reader, across columns', () => {
    const n = 300;
    const doc = {
      format: 'transport/v1',
      offers: { id: Array.from({ length: n }, (_, i) => (i % 2 ? i : `o${i}`)), capacity: Array.from({ length: n }, () => -1) },
      needs: { id: ['x'], demand: [1] },
      edges: { offer: Array.from({ length: n }, (_, i) => i * 7), need: Array.from({ length: n }, () => 'n'), weight: Array.from({ length: n }, () => -1), cap: Array.from({ length: n }, () => 0.5) },
    };
    const text = JSON.stringify(doc);
    const expected = wholeOutcome(encoder.encode(text));
    expect('issues' in expected && expected.issues.length).toBe(MAX_ISSUES + 0);
    expect(streamOutcome(encoder.encode(text), 4096)).toEqual(expected);
    expect(streamOutcome(encoder.encode(text), 5)).toEqual(expected);
  });
});

describe('text that is not JSON', () => {
  it('names the byte, line and column where the JSON breaks', () => {
    const cases: Array<[string, string, number]> = [
      ['', 'unexpected end of input', 0],
      ['{"format":"transport/v1",}', "expected a key, found '}'", 25],
      ['{"format" "transport/v1"}', "expected ':', found '\"'", 10],
      ["{'format':1}", "expected a key or '}', found '''", 1],
      ['{"a":[1,2,]}', "expected a value, found ']'", 10],
      ['{"a":01}', "expected ',' or '}', found '1'", 6],
      ['{"a":NaN}', "expected a value, found 'N'", 5],
      ['{"a":nul}', "invalid literal, expected 'null'", 8],
      ['{"a":-}', "'}' where a number needs a digit", 6],
      ['{"a":1.}', "'}' where a number needs a digit", 7],
      ['{"a":"x\\q"}', 'invalid escape \\q in a string', 8],
      ['{"a":"x\\\n"}', 'invalid escape: byte 0x0a after a backslash in a string', 8],
      ['{"a":"\\u12g4"}', "expected a hex digit in a \\u escape, found 'g'", 10],
      ['{"a":"tab\there"}', 'byte 0x09 (a control character) inside a string', 9],
      ['{"a":1} x', "unexpected 'x' after the JSON value", 8],
      ['{"ü":\n  "é",\n  "ö" 1}', "expected ':', found '1'", 22],
      ['\ufeff{"a":[1,\n2 3]}', "expected ',' or ']', found '3'", 14],
    ];
    for (const [text, reason, offset] of cases) {
      const bytes = encoder.encode(text);
      const issues = streamIssues(text, 1);
      expect(issues[0], text).toContain(`not JSON: ${reason} at byte ${offset} `);
      expect(syntaxOffset(bytes, issues)).toBe(offset);
      expect(wholeOutcome(bytes)).toMatchObject({ issues: [expect.stringMatching(/^\(root\): not JSON/)] });
    }
  });

  it('numbers in every kind of array are held to the JSON grammar (the hot loops included)', () => {
    const invalid = ['01', '-01', '00', '00.5', '1.', '.5', '+1', '1e', '1e+', '--1', '0x1', '1.2.3', '-', '1e5.0', '1_0', '١'];
    const columns = ['"edges":{"offer":[0,X,0]', '"edges":{"offer":[0,0,0],"need":[0,0,0],"weight":[1,X,1]', '"offers":{"id":["a"],"capacity":[X]'];
    for (const number of invalid) {
      for (const column of columns) {
        const text = `{"format":"transport/v1",${column.replace('X', number)}}}`;
        const bytes = encoder.encode(text);
        expect(wholeOutcome(bytes), text).toMatchObject({ issues: [expect.stringMatching(/^\(root\): not JSON/)] });
        for (const size of [1, 3, 4096]) {
          const result = streamOutcome(bytes, size);
          expect('issues' in result, `${text} in chunks of ${size}`).toBe(true);
          expect(syntaxOffset(bytes, (result as { issues: string[] }).issues)).toBeGreaterThanOrEqual(text.indexOf(number));
        }
      }
    }
  });

  it('a truncated model fails at its end, whatever the cut', () => {
    const bytes = encoder.encode(JSON.stringify({ ...base, offers: { ...base.offers, id: ['Ä€😀', 'B'] } }, null, 1));
    for (let length = 0; length < bytes.length; length++) {
      const truncated = bytes.subarray(0, length);
      const result = streamOutcome(truncated, 1 + (length % 5));
      expect('issues' in result && result.issues[0], `cut at ${length}`).toMatch(/unexpected end of input/);
      expect(syntaxOffset(truncated, (result as { issues: string[] }).issues)).toBe(length);
    }
  });
});

// Random documents near the format: mutations of a valid model; JSON.parse is the oracle.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const jsonValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(null, true, false, 0, -1, 2.5, 1e21, 'x', '', 'transport/v1'),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -5, max: 1e6 }),
    fc.string({ unit: 'binary', maxLength: 5 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

type Mutation = { at: number; path: number; value: Json; kind: 'set' | 'delete' | 'element' | 'unknown' };

const PATHS = [['format'], ['offers'], ['needs'], ['edges'], ['offers', 'id'], ['offers', 'capacity'], ['needs', 'id'], ['needs', 'demand'], ['edges', 'offer'], ['edges', 'need'], ['edges', 'weight'], ['edges', 'cap'], ['meta']];

function mutate(doc: Record<string, unknown>, m: Mutation): void {
  const path = PATHS[m.path % PATHS.length]!;
  let parent: unknown = doc;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, unknown>)?.[key];
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return;
  const holder = parent as Record<string, unknown>;
  const key = path[path.length - 1]!;
  if (m.kind === 'set') holder[key] = m.value;
  else if (m.kind === 'delete') delete holder[key];
  else if (m.kind === 'unknown') holder[`k${m.at % 4}`] = m.value;
  else if (Array.isArray(holder[key])) {
    const array = holder[key] as Json[];
    array[m.at % (array.length + 1)] = m.value; // may also lengthen the array by one
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  path: fc.nat(),
  value: jsonValue,
  kind: fc.constantFrom<Mutation['kind']>('set', 'delete', 'element', 'element', 'unknown'),
});

describe('random bad documents: the same outcome as the whole-string reader', () => {
  it('mutated models give the same model or the same issues', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), (mutations, size, pretty) => {
        const doc = structuredClone(base) as unknown as Record<string, unknown>;
        for (const m of mutations) mutate(doc, m);
        const bytes = encoder.encode(JSON.stringify(doc, null, pretty ? 2 : undefined));
        expect(streamOutcome(bytes, size)).toEqual(wholeOutcome(bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('a byte inserted anywhere: either still the same outcome, or not JSON at or after that byte', () => {
    const text = JSON.stringify({ ...base, meta: { s: 'é\\"', n: [1e-3, -0.5, true, null] } }, null, 1);
    fc.assert(
      fc.property(fc.nat(text.length), fc.constantFrom(...'{}[]:,"\\-.0123456789eE+tfnul x\n\t\u0001\u00e9'.split('')), fc.integer({ min: 1, max: 7 }), (at, char, size) => {
        const spoiled = text.slice(0, at) + char + text.slice(at);
        const bytes = encoder.encode(spoiled);
        const expected = wholeOutcome(bytes);
        const got = streamOutcome(bytes, size);
        const notJson = 'issues' in expected && expected.issues.length === 1 && expected.issues[0]!.startsWith('(root): not JSON');
        if (!notJson) {
          expect(got).toEqual(expected);
          return;
        }
        expect('issues' in got).toBe(true);
        const offset = syntaxOffset(bytes, (got as { issues: string[] }).issues);
        expect(offset).toBeGreaterThanOrEqual(encoder.encode(text.slice(0, at)).length);
        expect(offset).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 400 },
    );
  });
});
