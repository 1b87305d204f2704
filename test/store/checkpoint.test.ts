/**
 * WAL checkpoints run on a worker thread after big writes (the writer's own automatic checkpoint
 * is only a far-off backstop): the database file takes the committed pages without a COMMIT on the
 * event loop doing it, and closing the store stops the worker.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_AFTER_ROWS } from '../../src/store/sqlite/checkpointer.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

let dir = '';
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jiedui-checkpoint-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (i: number) => ({
  at: 't', actor: { keyId: 'k', name: 'n', role: 'admin' as const }, action: 'x.y', entityType: 'x', entityId: String(i), before: null, after: { pad: 'x'.repeat(500) },
});

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return condition();
}

describe('checkpoints', () => {
  it('copies a big commit into the database file from a worker thread, and stops it on close', async () => {
    const file = join(dir, 'jiedui.db');
    const store = openSqliteStore(file);
    const before = statSync(file).size;
    await store.transaction(async (tx) => {
      for (let i = 0; i < CHECKPOINT_AFTER_ROWS / 10; i++) await tx.audit.append(entry(i));
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(statSync(file).size).toBe(before); // a small commit stays in the log
    await store.transaction(async (tx) => {
      for (let i = 0; i < CHECKPOINT_AFTER_ROWS; i++) await tx.audit.append(entry(i));
    });
    expect(await until(() => statSync(file).size > before + 500 * CHECKPOINT_AFTER_ROWS, 10_000)).toBe(true);
    expect((await store.read.audit.list({}, { limit: 1, offset: 0 })).total).toBe(CHECKPOINT_AFTER_ROWS + CHECKPOINT_AFTER_ROWS / 10);
    await store.close();
  });
});
