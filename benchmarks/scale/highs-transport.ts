/**
 * HiGHS (the `highs` npm package, WebAssembly) on a transport/v1 model, as the LP our
 * transport tools write: `node --import tsx benchmarks/scale/highs-transport.ts MODEL`.
 * Prints the FORMAT.md solver line (seconds = the solve call alone).
 */
import { readFileSync } from 'node:fs';
import { readTransportModel, transportModelToLp } from '../../src/solver/transport/index.js';

const path = process.argv[2];
if (!path) throw new Error('usage: highs-transport.ts MODEL.json|MODEL.tbin');
const lp = transportModelToLp(readTransportModel(readFileSync(path)));
const mod = (await import('highs')) as unknown as { default: unknown };
const load = ((mod.default as { default?: unknown }).default ?? mod.default) as () => Promise<{ solve(lp: string): { Status: string; ObjectiveValue: number } }>;
const highs = await load();
const started = performance.now();
const solution = highs.solve(lp);
const seconds = (performance.now() - started) / 1000;
const status = solution.Status === 'Optimal' ? 'optimal' : solution.Status;
process.stdout.write(`${JSON.stringify({ objective: status === 'optimal' ? solution.ObjectiveValue : null, seconds, status })}\n`);
