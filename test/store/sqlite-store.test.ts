import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations/index.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/ports.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';

let dir: string;
let file: string;
let store: Store;
const actor = { keyId: 'k1', name: 'tester', role: 'admin' as const };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-store-'));
  file = join(dir, 'sub', 'jiedui.db');
  store = openSqliteStore(file);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const weights = (name: string) => ({ name, profile: { ...defaultWeightProfile, name }, hash: name, createdBy: 'k1', createdAt: 't' });

describe('sqlite store', () => {
  it('creates the folder, applies every migration once and runs in WAL mode', async () => {
    await store.close();
    store = openSqliteStore(file); // second open must not re-apply anything
    const db = new Database(file, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.audit.append({ at: 't', actor, action: 'x.y', entityType: 'x', entityId: '1', before: null, after: 1 });
        await tx.weights.insert(weights('a'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store.read.audit.list({}, { limit: 10, offset: 0 })).total).toBe(0);
    expect((await store.read.weights.list({ limit: 10, offset: 0 })).total).toBe(0);
  });

  it('readers never see a transaction in flight', async () => {
    let seenInside = -1;
    await store.transaction(async (tx) => {
      await tx.weights.insert(weights('a'));
      seenInside = (await store.read.weights.list({ limit: 10, offset: 0 })).total;
    });
    expect(seenInside).toBe(0);
    expect((await store.read.weights.list({ limit: 10, offset: 0 })).total).toBe(1);
  });

  it('serialises transactions so that a compare-and-set has exactly one winner', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        store.transaction(async (tx) => {
          const current = await tx.weights.defaultVersion();
          await new Promise((r) => setTimeout(r, 5)); // a gap where another request could interleave
          if (current !== undefined) return false;
          await tx.weights.setDefaultVersion(i);
          return true;
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets reads through during a long insert, without showing them the uncommitted rows', async () => {
    const runId = 'run_0000000000000001';
    await store.transaction(async (tx) => {
      const w = await tx.weights.insert(weights('a'));
      await tx.runs.putInput('h', { needs: [] }, 't');
      await tx.runs.insert({
        id: runId, kind: 'solve', status: 'running', batchIds: [], weightVersion: w.version, inputHash: 'h', solverVersion: 'x',
        parentRunId: null, createdBy: 'k1', createdAt: 't',
        options: { mode: 'flow', verify: false, locked: [], forbidden: [], previous: [], stabilityWeight: 0, alternates: 0 },
      });
    });
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      runId, need: `n${i}`, offer: 'o', amount: 1, unit: 'hour', value: i, community: 'c', district: 'd', street: 's',
      category: 'elderly' as const, form: 'talent' as const, providerKind: 'volunteer' as const, locked: false,
      status: 'proposed' as const, reason: null, decidedBy: null, decidedAt: null, score: {} as never, alternates: [],
    }));
    let seenDuringInsert: number | undefined;
    setImmediate(async () => {
      seenDuringInsert = (await store.read.pairings.list(runId, {}, 'id', { limit: 1, offset: 0 })).total;
    });
    await store.transaction((tx) => tx.pairings.insertMany(rows));
    expect(seenDuringInsert).toBe(0);
    expect((await store.read.pairings.list(runId, {}, 'id', { limit: 1, offset: 0 })).total).toBe(5000);
  });

  it('keeps everything across close and reopen', async () => {
    const stored = await store.transaction((tx) => tx.weights.insert(weights('kept')));
    await store.close();
    store = openSqliteStore(file);
    expect((await store.read.weights.get(stored.version))?.profile.name).toBe('kept');
  });
});
