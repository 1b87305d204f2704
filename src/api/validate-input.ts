/**
 * Parses a request part with its zod schema; on failure throws a 422 problem listing every invalid
 * value with its path (the intake's issue mapping gives stable codes and "did you mean" hints).
 */
import type { z } from 'zod';
import { fromZodIssues } from '../intake/zod-issues.js';
import { problemErrors, problems, type IssueLocation } from './problem.js';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: IssueLocation): z.output<S> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = fromZodIssues(parsed.error.issues, schema);
  throw problems.invalidInput(problemErrors(issues, location), `invalid ${location === 'path' ? 'path parameter' : location}`);
}
