/**
 * The real service for the browser tests: the console built fresh by src/web/build.mjs into a
 * temp folder, the service on port 0 with a temp SQLite file and the Changzhou sample, one API
 * key per role, and a small fetch helper to set up and check state through the API.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { issueApiKey } from '../../src/api/api-keys.js';
import { loadConfig } from '../../src/config.js';
import { startService, type Service } from '../../src/main.js';
import { ROLES, SYSTEM_ACTOR, type Role } from '../../src/store/records.js';

export interface ConsoleService {
  readonly url: string;
  readonly keys: Readonly<Record<Role, string>>;
  readonly keyIds: Readonly<Record<Role, string>>;
  api<T = any>(role: Role, method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

const BUILD_SCRIPT = fileURLToPath(new URL('../../src/web/build.mjs', import.meta.url));

/** Builds the console into `dir` the way `npm run build` does (into dist/web). */
export function buildConsole(dir: string): void {
  execFileSync(process.execPath, [BUILD_SCRIPT, '--out', dir], { stdio: 'pipe' });
}

export async function startConsoleService(): Promise<ConsoleService> {
  const dir = mkdtempSync(join(tmpdir(), 'jiedui-web-'));
  const webRoot = join(dir, 'web');
  buildConsole(webRoot);
  const config = loadConfig({}, { port: 0, host: '127.0.0.1', dbFile: join(dir, 'jiedui.db'), logLevel: 'silent', solveWorkers: 1, seedSample: true });
  const service: Service = await startService(config, { logger: pino({ level: 'silent' }), webRoot });
  const keys = {} as Record<Role, string>;
  const keyIds = {} as Record<Role, string>;
  for (const role of ROLES) {
    const issued = await service.deps.store.transaction((tx) => issueApiKey(tx, { role, name: `${role} (browser test)`, at: new Date().toISOString(), by: SYSTEM_ACTOR }));
    keys[role] = issued.secret;
    keyIds[role] = issued.record.id;
  }
  return {
    url: service.url,
    keys,
    keyIds,
    async api(role, method, path, body) {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${keys[role]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
    },
    async close() {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
