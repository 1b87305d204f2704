/**
 * Review of proposed pairings. Decisions use optimistic concurrency: the client sends the version
 * it saw (in the body, or as `If-Match: "v3"`); if someone decided in between, the answer is 409
 * with the current state, never a silent overwrite.
 */
import type { Request } from 'express';
import { z } from 'zod';
import type { Repositories } from '../../store/ports.js';
import type { Actor, PairingRecord } from '../../store/records.js';
import { recordAudit } from '../audit-log.js';
import { nowIso } from '../deps.js';
import { problemErrors, problems } from '../problem.js';
import { ALL_ROLES, route, type AnyRoute } from '../route.js';
import { PairingId } from '../schemas/common.js';
import { PairingView, pairingEtag, pairingView } from '../views.js';

const REVIEW_ROLES = ['official', 'admin'] as const;
const Decision = z.enum(['approve', 'reject']);
const Reason = z.string().trim().min(1).max(2000);
const Version = z.number().int().min(1);

const reasonForReject = (v: { decision: string; reason?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.decision === 'reject' && v.reason === undefined) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason', params: { code: 'missing_field' } });
  }
};

const DecisionBody = z.strictObject({ decision: Decision, reason: Reason.optional(), version: Version.optional() }).superRefine(reasonForReject);

const BulkBody = z.strictObject({
  decisions: z
    .array(z.strictObject({ pairing: z.number().int().min(1), decision: Decision, reason: Reason.optional(), version: Version }).superRefine(reasonForReject))
    .min(1)
    .max(1_000),
});

/** The version a decision is based on: body first, then If-Match (`"v3"`, `W/"v3"` or `3`). */
function expectedVersion(req: Request, bodyVersion: number | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = req.get('if-match');
  if (header === undefined) throw problems.preconditionRequired('send the pairing version you saw: "version" in the body or an If-Match header');
  const match = /^(?:W\/)?"?v?(\d{1,15})"?$/.exec(header.trim());
  if (!match) {
    throw problems.invalidInput(problemErrors([{ path: ['If-Match'], code: 'invalid_format', message: 'expected an ETag of this API, like "v3"' }], 'header'));
  }
  return Number(match[1]);
}

type DecisionOutcome =
  | { kind: 'done'; pairing: PairingRecord }
  | { kind: 'missing' }
  | { kind: 'stale'; current: PairingRecord };

async function decide(
  tx: Repositories,
  actor: Actor,
  at: string,
  d: { id: number; decision: 'approve' | 'reject'; reason?: string | undefined; version: number },
): Promise<DecisionOutcome> {
  const before = await tx.pairings.get(d.id);
  if (!before) return { kind: 'missing' };
  const status = d.decision === 'approve' ? 'approved' : 'rejected';
  const after = await tx.pairings.decide({ id: d.id, expectedVersion: d.version, status, reason: d.reason ?? null, by: actor.keyId, at });
  if (!after) return { kind: 'stale', current: before };
  await recordAudit(tx, actor, at, {
    action: `pairing.${d.decision}`,
    entityType: 'pairing',
    entityId: String(d.id),
    before: { status: before.status, reason: before.reason, version: before.version },
    after: { status: after.status, reason: after.reason, version: after.version, runId: after.runId, need: after.need, offer: after.offer },
  });
  return { kind: 'done', pairing: after };
}

const staleInfo = (p: PairingRecord) => ({ pairing: p.id, currentVersion: p.version, currentStatus: p.status, decidedBy: p.decidedBy });

export const pairingRoutes: AnyRoute[] = [
  route({
    method: 'post',
    path: '/v1/pairings/decisions',
    summary: 'Decide many pairings at once (all or nothing; any stale version refuses the lot with 409)',
    tag: 'review',
    roles: REVIEW_ROLES,
    body: BulkBody,
    responses: { 200: { description: 'All decided', schema: z.object({ items: z.array(PairingView) }) }, 409: { description: 'Some versions are stale; nothing changed' } },
    handler: async ({ body, actor, deps }) => {
      const at = nowIso(deps);
      const items = await deps.store.transaction(async (tx) => {
        const done: PairingRecord[] = [];
        const missing = [];
        const stale = [];
        for (const [index, d] of body.decisions.entries()) {
          const outcome = await decide(tx, actor, at, { ...d, id: d.pairing });
          if (outcome.kind === 'done') done.push(outcome.pairing);
          else if (outcome.kind === 'missing') missing.push({ path: ['decisions', index, 'pairing'], code: 'not_found', message: `no pairing ${d.pairing}` });
          else stale.push({ index, ...staleInfo(outcome.current) });
        }
        // Throwing rolls back what was applied: all or nothing.
        if (missing.length > 0) throw problems.invalidInput(problemErrors(missing, 'body'));
        if (stale.length > 0) throw problems.conflict('stale-version', `${stale.length} decision(s) were based on an old version`, { conflicts: stale });
        return done;
      });
      return { status: 200, body: { items: items.map(pairingView) } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/pairings/:pairingId',
    summary: 'One pairing with its score breakdown and alternates (ETag: its version)',
    tag: 'review',
    roles: ALL_ROLES,
    params: z.strictObject({ pairingId: PairingId }),
    responses: { 200: { description: 'The pairing', schema: PairingView }, 404: { description: 'No such pairing' } },
    // Read for every pairing a reviewer opens: served by the lean dispatch.
    lean: true,
    handler: async ({ params, deps }) => {
      const pairing = await deps.store.read.pairings.get(params.pairingId);
      if (!pairing) throw problems.notFound(`no pairing ${params.pairingId}`);
      return { status: 200, body: pairingView(pairing), headers: { ETag: pairingEtag(pairing) } };
    },
  }),
  route({
    method: 'post',
    path: '/v1/pairings/:pairingId/decision',
    summary: 'Approve or reject a pairing (reason required to reject); stale version → 409',
    tag: 'review',
    roles: REVIEW_ROLES,
    params: z.strictObject({ pairingId: PairingId }),
    body: DecisionBody,
    headers: [{ name: 'If-Match', description: 'The ETag of the version decided on (instead of "version" in the body)' }],
    responses: {
      200: { description: 'Decided', schema: PairingView },
      404: { description: 'No such pairing' },
      409: { description: 'Someone decided first: the body carries the current version' },
      428: { description: 'No version given' },
    },
    handler: async ({ params, body, actor, req, deps }) => {
      const version = expectedVersion(req, body.version);
      const at = nowIso(deps);
      const outcome = await deps.store.transaction((tx) => decide(tx, actor, at, { ...body, id: params.pairingId, version }));
      if (outcome.kind === 'missing') throw problems.notFound(`no pairing ${params.pairingId}`);
      if (outcome.kind === 'stale') {
        throw problems.conflict('stale-version', `pairing ${params.pairingId} is at version ${outcome.current.version}, not ${version}`, staleInfo(outcome.current));
      }
      return { status: 200, body: pairingView(outcome.pairing), headers: { ETag: pairingEtag(outcome.pairing) } };
    },
  }),
];
