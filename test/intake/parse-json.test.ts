import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/intake/json-error-locator.js';
import { offsetToLineColumn, parseJson } from '../../src/intake/parse-json.js';
import { parseBatch } from '../../src/intake/index.js';

describe('parseJson', () => {
  it('names line and column of a missing value (which V8 reports without a position)', () => {
    // Line 3 is `  "b": }`: the `}` is the 8th character.
    const text = '{\n  "a": 1,\n  "b": }\n';
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issue.code).toBe('malformed_json');
    expect(r.issue.path).toEqual([]);
    expect(r.issue.message).toContain('line 3, column 8');
  });

  it('names line and column of a trailing comma, counting Chinese characters as one column', () => {
    // Line 2 is `{"name": "丽华新村",}`: `{"name": "` is 10 characters, 丽华新村 4, then `",` and
    // the offending `}` is character 17 (it would be 29 if UTF-8 bytes were counted).
    const text = '[\n{"name": "丽华新村",}]';
    const r = parseJson(text);
    expect(r.ok ? '' : r.issue.message).toContain('line 2, column 17');
  });

  it('reports a truncated document at its end', () => {
    const r = parseBatch('{"communities": [');
    expect(r.ok ? '' : r.issues[0]?.message).toContain('line 1, column 18');
    expect(r.ok ? '' : r.issues[0]?.message).toContain('end of input');
  });

  it('ignores a UTF-8 byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('counts CRLF line ends as one', () => {
    expect(offsetToLineColumn('a\r\nb\r\ncd', 7)).toEqual({ line: 3, column: 2 });
  });

  it('the error locator agrees with JSON.parse on what is valid (arbitrary JSON and mangled JSON)', () => {
    const mangled = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', '0', '-', '.', 'e', '\\', ' ', '\n', 'x'))
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mangled, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const located = locateJsonError(text);
        expect(located === undefined).toBe(valid);
        if (located !== undefined) expect(located.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000 },
    );
  });
});
