/**
 * The read side caches found API keys, run states and pairing counts, and gives each run's
 * pairings a revision for the API's rendered pages; a committed write must be seen by the very
 * next read, and a rolled-back one never.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewPairing, Store } from '../../src/store/ports.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-cache-'));
  store = openSqliteStore(join(dir, 'jiedui.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const key = { id: 'key_0000000000000001', name: 'k', role: 'official' as const, hash: 'h1', createdAt: 't', revokedAt: null };

async function runWithPairings(n: number, runId = 'run_0000000000000001'): Promise<string> {
  await store.transaction(async (tx) => {
    const w = await tx.weights.insert({ name: 'w', profile: defaultWeightProfile, hash: `w-${runId}`, createdBy: 'k', createdAt: 't' });
    await tx.runs.putInput('h', { needs: [] }, 't');
    await tx.runs.insert({
      id: runId, kind: 'solve', status: 'succeeded', batchIds: [], weightVersion: w.version, inputHash: 'h', solverVersion: 'x',
      parentRunId: null, createdBy: 'k', createdAt: 't',
      options: { mode: 'flow', verify: false, locked: [], forbidden: [], previous: [], stabilityWeight: 0, alternates: 0 },
    });
    const rows: NewPairing[] = Array.from({ length: n }, (_, i) => ({
      runId, need: `n${i}`, offer: 'o', amount: 1, unit: 'hour', value: i, community: 'c', district: i % 2 ? 'A' : 'B', street: 's',
      category: 'elderly', form: 'talent', providerKind: 'volunteer', locked: false,
      status: 'proposed', reason: null, decidedBy: null, decidedAt: null, score: {} as never, alternates: [],
    }));
    await tx.pairings.insertMany(rows);
  });
  return runId;
}

describe('read caches', () => {
  it('sees a revoked key as revoked on the next lookup, and an unknown key as soon as it is added', async () => {
    expect(await store.read.apiKeys.findByHash('h1')).toBeUndefined();
    await store.transaction((tx) => tx.apiKeys.insert(key));
    expect(await store.read.apiKeys.findByHash('h1')).toMatchObject({ id: key.id, revokedAt: null });
    expect(await store.read.apiKeys.findByHash('h1')).toMatchObject({ revokedAt: null }); // cached now
    await store.transaction((tx) => tx.apiKeys.revoke(key.id, 'later'));
    expect(await store.read.apiKeys.findByHash('h1')).toMatchObject({ revokedAt: 'later' });
  });

  it('recounts a filtered page after a committed decision, not after a rolled-back one', async () => {
    const runId = await runWithPairings(10);
    const proposed = () => store.read.pairings.list(runId, { status: 'proposed', district: 'A' }, 'id', { limit: 2, offset: 0 });
    const first = await proposed();
    expect(first.total).toBe(5);
    const target = first.items[0]!;
    await expect(
      store.transaction(async (tx) => {
        await tx.pairings.decide({ id: target.id, expectedVersion: 1, status: 'approved', reason: null, by: 'k', at: 't' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await proposed()).total).toBe(5);
    await store.transaction((tx) => tx.pairings.decide({ id: target.id, expectedVersion: 1, status: 'approved', reason: null, by: 'k', at: 't' }));
    expect((await proposed()).total).toBe(4);
    expect((await store.read.pairings.listRaw(runId, { status: 'approved' }, 'id', { limit: 5, offset: 0 })).total).toBe(1);
  });

  it('does not show a count of uncommitted rows, and shows the committed ones at once', async () => {
    const runId = await runWithPairings(4);
    const all = () => store.read.pairings.list(runId, {}, 'id', { limit: 1, offset: 0 });
    expect((await all()).total).toBe(4);
    await store.transaction(async (tx) => {
      await tx.pairings.insertMany([{ ...(await tx.pairings.all(runId))[0]!, need: 'extra' }]);
      expect((await all()).total).toBe(4); // read while the transaction is open
    });
    expect((await all()).total).toBe(5);
  });

  it("moves a run's revision on each committed decision or insert of its pairings, and only its own", async () => {
    const a = await runWithPairings(3);
    const b = await runWithPairings(3, 'run_0000000000000002');
    const revisions = async () => [await store.read.pairings.revision(a), await store.read.pairings.revision(b)];
    const start = await revisions();
    const [first] = (await store.read.pairings.list(a, {}, 'id', { limit: 1, offset: 0 })).items;
    await expect(
      store.transaction(async (tx) => {
        await tx.pairings.decide({ id: first!.id, expectedVersion: 1, status: 'approved', reason: null, by: 'k', at: 't' });
        expect(await revisions()).toEqual(start); // not before the commit
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await revisions()).toEqual(start);
    // A stale decision changes nothing, so it moves nothing.
    await store.transaction((tx) => tx.pairings.decide({ id: first!.id, expectedVersion: 7, status: 'approved', reason: null, by: 'k', at: 't' }));
    expect(await revisions()).toEqual(start);
    await store.transaction((tx) => tx.pairings.decide({ id: first!.id, expectedVersion: 1, status: 'approved', reason: null, by: 'k', at: 't' }));
    const decided = await revisions();
    expect(decided[0]).not.toBe(start[0]);
    expect(decided[1]).toBe(start[1]);
    await store.transaction(async (tx) => tx.pairings.insertMany([{ ...(await tx.pairings.all(b))[0]!, need: 'extra' }]));
    const inserted = await revisions();
    expect(inserted[0]).toBe(decided[0]);
    expect(inserted[1]).not.toBe(decided[1]);
  });

  it("sees a run's new state at the next read, though the old one was cached", async () => {
    const runId = await runWithPairings(1);
    expect(await store.read.runs.state(runId)).toMatchObject({ status: 'succeeded' });
    expect(await store.read.runs.state(runId)).toMatchObject({ status: 'succeeded' }); // cached now
    await expect(
      store.transaction(async (tx) => {
        await tx.runs.markFailed(runId, 't', 'boom');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.read.runs.state(runId)).toMatchObject({ status: 'succeeded', error: null });
    await store.transaction((tx) => tx.runs.markFailed(runId, 't', 'boom'));
    expect(await store.read.runs.state(runId)).toMatchObject({ status: 'failed', error: 'boom' });
    expect(await store.read.runs.state('run_0000000000000009')).toBeUndefined();
  });
});
