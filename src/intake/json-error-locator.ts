/**
 * Finds where a JSON text first goes wrong. `JSON.parse` on Node 20 names a position for some
 * errors but not others ("Unexpected token '}', ... is not valid JSON"), so planners would get a
 * line and column only sometimes. This scanner walks the grammar (RFC 8259) without building
 * values and reports the offset of the first offending character. It runs only after
 * `JSON.parse` has failed, so its speed matters little; it is iterative so deep nesting cannot
 * overflow the call stack.
 */

/** Where a JSON text breaks and why. */
export interface JsonErrorLocation {
  /** Offset in UTF-16 code units (as JavaScript strings index). */
  readonly offset: number;
  readonly reason: string;
}

type Expect = 'value' | 'key_or_close' | 'key' | 'colon' | 'comma_or_close' | 'value_or_close';

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/** Describes the character at `i` for a message: `'}'`, or `end of input`. */
function describeAt(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  const ch = text.codePointAt(i) ?? 0;
  return ch < 0x20 ? `control character U+${ch.toString(16).padStart(4, '0')}` : `'${String.fromCodePoint(ch)}'`;
}

/** Scans a string starting at the opening quote; returns the offset after it or an error. */
function scanString(text: string, start: number): number | JsonErrorLocation {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) return i + 1;
    if (ch < 0x20) return { offset: i, reason: `${describeAt(text, i)} inside a string (escape it)` };
    if (ch === 0x5c) {
      const esc = text[i + 1];
      if (esc === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, reason: 'bad \\u escape (needs four hex digits)' };
        }
        i += 6;
        continue;
      }
      if (esc === undefined || !'"\\/bfnrt'.includes(esc)) {
        return { offset: i, reason: `bad escape \\${esc ?? ''} in a string` };
      }
      i += 2;
      continue;
    }
    i += 1;
  }
  return { offset: text.length, reason: 'unterminated string' };
}

/** Scans a number or literal at `i`; returns the offset after it or an error. */
function scanScalar(text: string, i: number): number | JsonErrorLocation {
  for (const lit of LITERALS) if (text.startsWith(lit, i)) return i + lit.length;
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(text);
  if (m !== null && m[0] !== '' && m[0] !== '-') {
    const end = i + m[0].length;
    // "01" or "1." : the regex stops early and the next char is a digit or dot, which is wrong.
    if (end < text.length && /[0-9.eE+-]/.test(text[end] ?? '')) {
      return { offset: end, reason: `malformed number near ${describeAt(text, end)}` };
    }
    return end;
  }
  return { offset: i, reason: `unexpected ${describeAt(text, i)}, expected a value` };
}

const EXPECTED_TEXT: Record<Expect, string> = {
  value: 'a value',
  key_or_close: "a double-quoted property name or '}'",
  key: 'a double-quoted property name',
  colon: "':' after the property name",
  comma_or_close: "',' or a closing bracket",
  value_or_close: "a value or ']'",
};

/** What one step of the scanner did: moved on (maybe opening a bracket), or found an error. */
type Step = { next: number; expect: Expect; open?: '{' | '[' } | JsonErrorLocation;

function unexpected(text: string, i: number, expect: Expect): JsonErrorLocation {
  return { offset: i, reason: `unexpected ${describeAt(text, i)}, expected ${EXPECTED_TEXT[expect]}` };
}

/** Reads the token at `i` (not whitespace, not a closing bracket) given what the grammar expects. */
function step(text: string, i: number, expect: Expect, top: '{' | '[' | undefined): Step {
  const ch = text[i];
  switch (expect) {
    case 'comma_or_close':
      return ch === ',' ? { next: i + 1, expect: top === '{' ? 'key' : 'value' } : unexpected(text, i, expect);
    case 'colon':
      return ch === ':' ? { next: i + 1, expect: 'value' } : unexpected(text, i, expect);
    case 'key':
    case 'key_or_close': {
      if (ch !== '"') return unexpected(text, i, expect);
      const end = scanString(text, i);
      return typeof end === 'number' ? { next: end, expect: 'colon' } : end;
    }
    default: {
      if (ch === '{') return { next: i + 1, expect: 'key_or_close', open: '{' };
      if (ch === '[') return { next: i + 1, expect: 'value_or_close', open: '[' };
      const end = ch === '"' ? scanString(text, i) : scanScalar(text, i);
      return typeof end === 'number' ? { next: end, expect: 'comma_or_close' } : end;
    }
  }
}

/**
 * Returns the first syntax error of `text`, or `undefined` when it is valid JSON.
 * @example locateJsonError('{"a":}') // { offset: 5, reason: "unexpected '}', expected a value" }
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const stack: Array<'{' | '['> = [];
  let expect: Expect = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && WS.has(text[i] ?? '')) i += 1;
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (stack.length === 0 && expect === 'comma_or_close') {
      return ch === undefined ? undefined : { offset: i, reason: `unexpected ${describeAt(text, i)} after the end of the JSON value` };
    }
    if (ch === undefined) return { offset: i, reason: `unexpected end of input, expected ${EXPECTED_TEXT[expect]}` };
    const closes = (ch === '}' && top === '{') || (ch === ']' && top === '[');
    if (closes && expect !== 'key' && expect !== 'value' && expect !== 'colon') {
      stack.pop();
      expect = 'comma_or_close';
      i += 1;
      continue;
    }
    const next = step(text, i, expect, top);
    if (!('next' in next)) return next;
    if (next.open !== undefined) stack.push(next.open);
    i = next.next;
    expect = next.expect;
  }
}
