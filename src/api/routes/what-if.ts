/**
 * What-if: the same batches solved under two weight profiles, statistics side by side and the
 * pairings that differ. Nothing is stored unless `store: true` (then both become runs).
 */
import { z } from 'zod';
import type { MatchResult } from '../../match/types.js';
import { diffPairings } from '../../review/diff-runs.js';
import { summaryOf } from '../../jobs/run-results.js';
import { nowIso } from '../deps.js';
import { assembleSnapshot, recordSolvedRun, solveNow, weightsFor } from '../run-service.js';
import { route, type AnyRoute } from '../route.js';
import type { WeightProfileRecord } from '../../store/records.js';
import { BatchIdList, RunOptionsBody } from './runs.js';

const WhatIfBody = z.strictObject({
  batchIds: BatchIdList,
  baseline: z.number().int().min(1).optional().describe('Weight profile version to compare against (default: the default profile)'),
  candidate: z.number().int().min(1).describe('Weight profile version being considered'),
  mode: z.enum(['flow', 'one-to-one']).default('flow'),
  options: RunOptionsBody,
  store: z.boolean().default(false).describe('Also store both solves as runs'),
});

const SideView = z.object({
  weightProfile: z.object({ version: z.number().int(), name: z.string() }),
  totals: z.object({ pairings: z.number(), unmet: z.number(), totalValue: z.number() }),
  coverage: z.unknown(),
  runId: z.string().optional(),
});

function side(weights: WeightProfileRecord, result: MatchResult, runId: string | undefined) {
  const summary = summaryOf(result);
  return {
    weightProfile: { version: weights.version, name: weights.name },
    totals: { pairings: summary.pairings, unmet: summary.unmet, totalValue: summary.totalValue },
    coverage: summary.coverage,
    ...(runId ? { runId } : {}),
  };
}

/** Candidate minus baseline for the headline coverage numbers. */
function delta(a: MatchResult, b: MatchResult) {
  const ta = a.coverage.total;
  const tb = b.coverage.total;
  return {
    needsMet: tb.needsMet - ta.needsMet,
    demandMet: tb.demandMet - ta.demandMet,
    communitiesReached: tb.communitiesReached - ta.communitiesReached,
    beneficiariesReached: tb.beneficiariesReached - ta.beneficiariesReached,
    pairings: b.pairings.length - a.pairings.length,
  };
}

export const whatIfRoutes: AnyRoute[] = [
  route({
    method: 'post',
    path: '/v1/what-if',
    summary: 'Solve the same batches under two weight profiles and compare',
    tag: 'weights',
    roles: ['official', 'analyst', 'admin'],
    body: WhatIfBody,
    responses: {
      200: {
        description: 'Both sides and the pairings that differ (from baseline to candidate)',
        schema: z.object({ baseline: SideView, candidate: SideView, delta: z.unknown(), differences: z.unknown() }),
      },
    },
    handler: async ({ body, actor, deps }) => {
      const snapshot = await assembleSnapshot(deps, body.batchIds);
      const [baseW, candW] = await Promise.all([weightsFor(deps, body.baseline, 'baseline'), weightsFor(deps, body.candidate, 'candidate')]);
      const options = { mode: body.mode, ...body.options, locked: [], forbidden: [], previous: [] };
      const startedAt = nowIso(deps);
      const [base, cand] = await Promise.all([solveNow(deps, 'what-if', snapshot, baseW, options), solveNow(deps, 'what-if', snapshot, candW, options)]);
      let runIds: [string, string] | undefined;
      if (body.store) {
        const spec = { kind: 'what-if' as const, batchIds: body.batchIds, snapshot, options, parentRunId: null, background: false };
        const a = await recordSolvedRun(deps, actor, { ...spec, weights: baseW }, base, startedAt);
        const b = await recordSolvedRun(deps, actor, { ...spec, weights: candW }, cand, startedAt);
        runIds = [a.id, b.id];
      }
      return {
        status: 200,
        body: {
          baseline: side(baseW, base, runIds?.[0]),
          candidate: side(candW, cand, runIds?.[1]),
          delta: delta(base, cand),
          differences: diffPairings(base.pairings, cand.pairings),
        },
      };
    },
  }),
];
