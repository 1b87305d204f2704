import type { Command } from 'commander';
import { registerSolve } from './solve.js';
import { registerGenerate } from './generate.js';
import { registerServe } from './serve.js';
import { registerKeys } from './keys.js';

/** Every command of the CLI, in the order `jiedui --help` lists them. */
const registrations: Array<(program: Command) => void> = [registerSolve, registerGenerate, registerServe, registerKeys];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
