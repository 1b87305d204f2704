#!/usr/bin/env node
/**
 * `jiedui` command line. Each command lives in its own file under commands/ and registers itself
 * on the program; this file only wires them together and turns failures into exit codes.
 */
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { reportFailure } from './report-failure.js';

const program = new Command()
  .name('jiedui')
  .description('jiedui (结对): pair community needs with offers by exact optimisation')
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.exitCode = reportFailure(error);
});
