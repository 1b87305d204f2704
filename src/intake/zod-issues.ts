/**
 * zod 4 issues → InputIssue[]: stable codes a client can switch on, messages a planner can act
 * on, and the nearest valid id or field name as a hint. Call zod with `{ reportInput: true }` so
 * the offending value is known (it tells NaN from a string, and feeds the hints).
 */
import type { z } from 'zod';
import type { InputIssue } from '../domain/issues.js';
import { nearestId } from './nearest-id.js';
import { fieldNamesAt } from './schema-lookup.js';
import { vocabularyFor } from './vocabularies.js';

type ZodIssue = z.core.$ZodIssue;
type Path = ReadonlyArray<string | number>;

/** Renders a value briefly for a message: `"eldrly"`, `2.5`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const chars = [...value];
    return chars.length > 40 ? `"${chars.slice(0, 40).join('')}…" (${chars.length} characters)` : `"${value}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function cleanPath(path: readonly PropertyKey[]): Path {
  return path.map((seg) => (typeof seg === 'symbol' ? String(seg) : seg));
}

const EXPECTED_WORDS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function fromInvalidType(issue: z.core.$ZodIssueInvalidType, path: Path): InputIssue {
  const input = issue.input;
  const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
  if (typeof input === 'number' && !Number.isFinite(input)) {
    return { path, code: 'not_finite', message: `expected ${expected}, got ${String(input)}` };
  }
  if (issue.expected === 'int' && typeof input === 'number') {
    return { path, code: 'not_integer', message: `expected a whole number, got ${input}` };
  }
  if (input === undefined) return { path, code: 'missing_field', message: `required field is missing (${expected})` };
  return { path, code: 'invalid_type', message: `expected ${expected}, got ${describeValue(input)}` };
}

function bound(value: number | bigint, inclusive: boolean | undefined, word: 'least' | 'most'): string {
  return inclusive === false ? `${word === 'least' ? 'more' : 'less'} than ${value}` : `at ${word} ${value}`;
}

function fromSizeIssue(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, path: Path): InputIssue {
  const big = issue.code === 'too_big';
  const limit = big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum;
  const limitText = bound(limit, issue.inclusive, big ? 'most' : 'least');
  const got = issue.input;
  if (issue.origin === 'string') {
    const length = typeof got === 'string' ? [...got].length : undefined;
    const gotText = length === undefined ? '' : ` (got ${length})`;
    if (!big && limit === 1) return { path, code: 'empty', message: 'must not be empty' };
    return { path, code: big ? 'too_long' : 'too_short', message: `must be ${limitText} characters${gotText}` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const gotText = Array.isArray(got) ? ` (got ${got.length})` : '';
    return { path, code: big ? 'too_many' : 'too_few', message: `must have ${limitText} entries${gotText}` };
  }
  return { path, code: 'out_of_range', message: `must be ${limitText}, got ${describeValue(got)}` };
}

function fromInvalidValue(issue: z.core.$ZodIssueInvalidValue, path: Path): InputIssue {
  const allowed = issue.values.map((v) => JSON.stringify(v));
  const shown = allowed.length > 8 ? `${allowed.slice(0, 8).join(', ')}, …` : allowed.join(', ');
  const message = `${describeValue(issue.input)} is not one of ${shown}`;
  const base: InputIssue = { path, code: 'invalid_enum', message };
  if (typeof issue.input !== 'string') return base;
  const vocabulary = vocabularyFor(issue.values);
  const ids = issue.values.filter((v): v is string => typeof v === 'string');
  const nearest = nearestId(issue.input, ids, vocabulary?.labels);
  if (nearest === undefined) return base;
  const label = vocabulary?.labels[nearest];
  const labelText = label === undefined ? '' : ` (${label.zh}, ${label.en})`;
  return { ...base, hint: `did you mean "${nearest}"${labelText}?` };
}

function fromUnknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, path: Path, schema: z.ZodType): InputIssue[] {
  const known = fieldNamesAt(schema, path);
  return issue.keys.map((key) => {
    const nearest = nearestId(key, known);
    const hint = nearest === undefined ? `known fields: ${known.join(', ')}` : `did you mean "${nearest}"?`;
    return { path: [...path, key], code: 'unknown_field', message: `unknown field "${key}"`, hint };
  });
}

function fromInvalidFormat(issue: z.core.$ZodIssueInvalidStringFormat, path: Path): InputIssue {
  if (issue.format === 'date') {
    return {
      path,
      code: 'invalid_date',
      message: `expected a calendar date as YYYY-MM-DD, got ${describeValue(issue.input)}`,
    };
  }
  return { path, code: 'invalid_format', message: `${issue.message}; got ${describeValue(issue.input)}` };
}

function fromCustom(issue: z.core.$ZodIssueCustom, path: Path): InputIssue {
  const code = typeof issue.params?.['code'] === 'string' ? (issue.params['code'] as string) : 'invalid_value';
  return { path, code, message: issue.message };
}

/** Maps one zod issue to one or more input issues (one per unknown key). */
function mapIssue(issue: ZodIssue, schema: z.ZodType): InputIssue[] {
  const path = cleanPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return [fromInvalidType(issue, path)];
    case 'too_big':
    case 'too_small':
      return [fromSizeIssue(issue, path)];
    case 'invalid_value':
      return [fromInvalidValue(issue, path)];
    case 'unrecognized_keys':
      return fromUnknownKeys(issue, path, schema);
    case 'invalid_format':
      return [fromInvalidFormat(issue, path)];
    case 'custom':
      return [fromCustom(issue, path)];
    case 'not_multiple_of':
      return [{ path, code: 'not_multiple', message: `must be a multiple of ${issue.divisor}` }];
    default:
      return [{ path, code: 'invalid_value', message: issue.message }];
  }
}

/**
 * One issue per path and code. A schema built by narrowing another (`count.min(1)` on top of
 * `min(0)`) reports both bounds; the later check is the narrower one, so it wins.
 */
function dedupe(issues: readonly InputIssue[]): InputIssue[] {
  const byKey = new Map<string, InputIssue>();
  for (const issue of issues) byKey.set(`${JSON.stringify(issue.path)} ${issue.code}`, issue);
  return [...byKey.values()];
}

/**
 * Converts zod issues into input issues. `schema` is the schema that produced them (used to
 * suggest the nearest known field for an unknown one).
 */
export function fromZodIssues(issues: readonly ZodIssue[], schema: z.ZodType): InputIssue[] {
  return dedupe(issues.flatMap((issue) => mapIssue(issue, schema)));
}
