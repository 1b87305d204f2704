/**
 * Validation of a route's path or query, remembered by the text it came from. Hot reads repeat the
 * same few query strings; parsing one with zod is a pure function of that text, so the second time
 * the answer is a map lookup. Only valid inputs are kept (an invalid one throws, as parseInput does).
 */
import type { z } from 'zod';
import type { IssueLocation } from './problem.js';
import { parseInput } from './validate-input.js';

/** Distinct texts kept per schema; when full it starts over (the hot few come back at once). */
const MAX_ENTRIES = 1_000;

export class ParseMemo {
  private readonly parsed = new Map<string, unknown>();

  constructor(
    private readonly schema: z.ZodType,
    private readonly location: IssueLocation,
  ) {}

  /**
   * The schema's output for the input `read()` builds from `text`; throws a 422 problem when it is
   * invalid. The output is frozen: every request that sends the same text shares it.
   */
  parse(text: string, read: () => unknown): unknown {
    const known = this.parsed.get(text);
    if (known !== undefined) return known;
    const value: unknown = parseInput(this.schema, read(), this.location);
    if (typeof value === 'object' && value !== null) Object.freeze(value);
    if (this.parsed.size >= MAX_ENTRIES) this.parsed.clear();
    this.parsed.set(text, value);
    return value;
  }
}
