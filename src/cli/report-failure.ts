import { InvalidInputError, formatPath } from '../domain/issues.js';

/** Exit code for input the user can fix (bad batch, bad flags). */
export const EXIT_INVALID_INPUT = 2;
/** Exit code for a failure of ours. */
export const EXIT_INTERNAL = 1;

/**
 * Prints a failure for a person (never a stack trace, unless JIEDUI_DEBUG is set) and returns
 * the exit code. Input errors list every issue with its path.
 */
export function reportFailure(error: unknown, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): number {
  if (error instanceof InvalidInputError) {
    write(`error: ${error.message}`);
    for (const issue of error.issues) {
      const hint = issue.hint ? ` (${issue.hint})` : '';
      write(`  ${formatPath(issue.path)}: ${issue.message} [${issue.code}]${hint}`);
    }
    return EXIT_INVALID_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`error: ${message}`);
  if (process.env['JIEDUI_DEBUG'] && error instanceof Error && error.stack) write(error.stack);
  return EXIT_INTERNAL;
}
