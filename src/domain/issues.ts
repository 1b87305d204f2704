/**
 * A problem found in input, named by where it is and why it is wrong. Intake collects every
 * issue of a batch at once; the CLI prints them and the API returns them as problem+json.
 */
export interface InputIssue {
  /** Where: JSON path segments (`['needs', 3, 'category']`), or sheet/row/column for spreadsheets. */
  readonly path: ReadonlyArray<string | number>;
  /** A stable machine-readable code, e.g. `duplicate_id`, `unknown_reference`, `invalid_value`. */
  readonly code: string;
  /** What is wrong, in plain English. */
  readonly message: string;
  /** A suggestion where one exists (the nearest valid id for a misspelt category). */
  readonly hint?: string;
}

/** Renders a path as `needs[3].category`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '(root)' : out;
}

/** Thrown where a caller asked for a valid value and the input has issues. */
export class InvalidInputError extends Error {
  constructor(readonly issues: readonly InputIssue[], what = 'input') {
    super(`${what}: ${issues.length} issue${issues.length === 1 ? '' : 's'}`);
    this.name = 'InvalidInputError';
  }
}
