import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keysCreateAction } from '../../src/cli/commands/keys.js';
import { loadConfig } from '../../src/config.js';
import { InvalidInputError } from '../../src/domain/issues.js';
import { expectProblem, send, startTestService, tempDir } from './harness.js';

describe('jiedui keys create', () => {
  it('prints a key (and only the key) that the service then accepts with its role', async () => {
    const dir = tempDir();
    const db = join(dir, 'jiedui.db');
    const out: string[] = [];
    const notes: string[] = [];
    await keysCreateAction({ role: 'analyst', db, name: 'ana' }, (l) => out.push(l), (l) => notes.push(l));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^jd_[A-Za-z0-9_-]{43}$/);
    expect(notes.join('\n')).toContain('analyst');
    const t = await startTestService({ dir });
    const keys = { mine: out[0]! };
    expect((await send<any>(t.url, keys, 'GET', '/v1/weights', { as: 'mine' })).status).toBe(200);
    expectProblem(await send(t.url, keys, 'GET', '/v1/audit', { as: 'mine' }), 403);
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown role before touching the database', async () => {
    await expect(keysCreateAction({ role: 'root', db: join(tempDir(), 'x.db') }, () => {}, () => {})).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('config', () => {
  it('reads the environment, with flags on top', () => {
    const config = loadConfig({ JIEDUI_PORT: '9000', JIEDUI_DB: '/tmp/x.db', JIEDUI_SEED_SAMPLE: 'true' }, { port: 0 });
    expect(config).toMatchObject({ port: 0, dbFile: '/tmp/x.db', seedSample: true, asyncRunNeeds: 2000 });
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ JIEDUI_PORT: 'eighty', JIEDUI_SOLVE_WORKERS: '0' })).toThrow(/JIEDUI_PORT.*JIEDUI_SOLVE_WORKERS|JIEDUI_SOLVE_WORKERS.*JIEDUI_PORT/);
  });
});
