import type { Command } from 'commander';
import { registerSolve } from './solve.js';
import { registerSolveModel } from './solve-model.js';
import { registerGenerate } from './generate.js';
import { registerServe } from './serve.js';
import { registerKeys } from './keys.js';
import { registerTemplate } from './template.js';
import { registerImport } from './import.js';
import { registerExport } from './export.js';

/** Every command of the CLI, in the order `jiedui --help` lists them. */
const registrations: Array<(program: Command) => void> = [registerSolve, registerSolveModel, registerGenerate, registerServe, registerKeys, registerTemplate, registerImport, registerExport];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
