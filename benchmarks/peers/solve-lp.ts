/**
 * One peer solve in its own process: `solve-lp.ts highs|jslp MODEL.json` prints
 * `{"objective", "seconds", "status"}`, seconds being the solve alone (not reading or converting).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import highsModule, { type Highs } from 'highs';
import { runJsLp } from '../../src/solver/lp/js-lp-oracle.js';
import { toLpText, type LpModel } from './lp-text.js';

const [peer, file] = process.argv.slice(2);
const model = JSON.parse(readFileSync(file!, 'utf8')) as LpModel;
// The package's types describe an ES default export, but under NodeNext it resolves as CommonJS.
const loadHighs = highsModule as unknown as () => Promise<Highs>;

if (peer === 'highs') {
  const highs = await loadHighs();
  const text = toLpText(model);
  const start = performance.now();
  const out = highs.solve(text);
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ objective: out.ObjectiveValue, seconds, status: out.Status }));
} else if (peer === 'jslp') {
  const start = performance.now();
  const out = runJsLp(model as Parameters<typeof runJsLp>[0]);
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ objective: out.status === 'optimal' ? out.objective : null, seconds, status: out.status }));
} else {
  console.error('usage: solve-lp.ts highs|jslp MODEL.json');
  process.exitCode = 2;
}
