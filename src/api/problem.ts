/**
 * RFC 9457 problem details: the one place where failures become HTTP answers. Routes throw an
 * `HttpProblem` (or an `InvalidInputError`); anything else is a bug and becomes a plain 500 whose
 * body says nothing about internals (the error itself goes to the log).
 */
import type { Response } from 'express';
import { InvalidInputError, formatPath, type InputIssue } from '../domain/issues.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where an invalid value was found. */
export type IssueLocation = 'body' | 'query' | 'path' | 'header';

/** One invalid value, as the API reports it. */
export interface ProblemError {
  readonly in: IssueLocation;
  /** `needs[3].category`, as `formatPath` renders it. */
  readonly path: string;
  /** RFC 6901 JSON pointer to the same place (`/needs/3/category`). */
  readonly pointer: string;
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly ProblemError[];
  readonly [extension: string]: unknown;
}

const TYPE_BASE = 'urn:jiedui:problem:';

/** A failure with a status a client can act on. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`api: ${status} ${title}${detail ? `: ${detail}` : ''}`);
    this.name = 'HttpProblem';
  }

  body(instance?: string): ProblemBody {
    return {
      type: `${TYPE_BASE}${this.slug}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}

function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((seg) => `/${String(seg).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Converts input issues to the `errors` member. */
export function problemErrors(issues: readonly InputIssue[], location: IssueLocation): ProblemError[] {
  return issues.map((issue) => ({
    in: location,
    path: formatPath(issue.path),
    pointer: pointerOf(issue.path),
    code: issue.code,
    message: issue.message,
    ...(issue.hint ? { hint: issue.hint } : {}),
  }));
}

/** The named problems of this API, so statuses and titles stay consistent. */
export const problems = {
  invalidInput: (errors: readonly ProblemError[], detail?: string) =>
    new HttpProblem(422, 'invalid-input', 'Invalid input', detail ?? `${errors.length} invalid value(s)`, { errors }),
  malformedJson: (detail: string) => new HttpProblem(400, 'malformed-json', 'Malformed JSON body', detail),
  unsupportedMediaType: (detail: string) =>
    new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', detail),
  tooLarge: (limit: number) =>
    new HttpProblem(413, 'body-too-large', 'Request body too large', `the limit is ${limit} bytes`),
  unauthenticated: (detail: string) =>
    new HttpProblem(401, 'unauthenticated', 'Authentication required', detail, {}, {
      'WWW-Authenticate': 'Bearer realm="jiedui"',
    }),
  forbidden: (detail: string) => new HttpProblem(403, 'forbidden', 'Forbidden', detail),
  notFound: (detail: string) => new HttpProblem(404, 'not-found', 'Not found', detail),
  methodNotAllowed: (allowed: readonly string[]) =>
    new HttpProblem(405, 'method-not-allowed', 'Method not allowed', `allowed: ${allowed.join(', ')}`, {}, {
      Allow: allowed.join(', '),
    }),
  conflict: (slug: string, detail: string, extensions: Record<string, unknown> = {}) =>
    new HttpProblem(409, slug, 'Conflict', detail, extensions),
  preconditionRequired: (detail: string) =>
    new HttpProblem(428, 'precondition-required', 'Precondition required', detail),
  unavailable: (detail: string) => new HttpProblem(503, 'unavailable', 'Service unavailable', detail),
  internal: () => new HttpProblem(500, 'internal', 'Internal server error', 'the error has been logged'),
} as const;

/** Errors thrown by express's body parser carry a `type` and a `status`. */
interface BodyParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly limit?: unknown;
  readonly message?: unknown;
}

function fromBodyParser(error: BodyParserError): HttpProblem | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return problems.malformedJson(typeof error.message === 'string' ? error.message : 'not valid JSON');
    case 'entity.too.large':
      return problems.tooLarge(typeof error.limit === 'number' ? error.limit : 0);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problems.unsupportedMediaType(String(error.message));
    case 'request.aborted':
      return new HttpProblem(400, 'request-aborted', 'Request aborted');
    default:
      return undefined;
  }
}

/**
 * Maps any thrown value to a problem. `expected` is false for errors that are bugs (the caller logs
 * those with their stack).
 */
export function toProblem(error: unknown): { problem: HttpProblem; expected: boolean } {
  if (error instanceof HttpProblem) return { problem: error, expected: true };
  if (error instanceof InvalidInputError) {
    return { problem: problems.invalidInput(problemErrors(error.issues, 'body'), error.message), expected: true };
  }
  if (error !== null && typeof error === 'object') {
    const fromParser = fromBodyParser(error as BodyParserError);
    if (fromParser) return { problem: fromParser, expected: true };
  }
  return { problem: problems.internal(), expected: false };
}

/** Writes a problem as `application/problem+json`. */
export function sendProblem(res: Response, problem: HttpProblem, instance?: string): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.body(instance)));
}
