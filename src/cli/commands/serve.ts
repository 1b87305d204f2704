/**
 * `jiedui serve`: the pairing service on an embedded SQLite file. SIGTERM/SIGINT stop it
 * gracefully: no new requests, the running solve finishes (or is marked failed after the grace
 * period), then the database is closed.
 */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config.js';
import { startService } from '../../main.js';

interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
  seedSample?: boolean;
}

export async function serveAction(flags: ServeFlags): Promise<void> {
  const overrides: Partial<Config> = {};
  if (flags.port !== undefined) (overrides as Record<string, unknown>)['port'] = flags.port;
  if (flags.host !== undefined) overrides.host = flags.host;
  if (flags.db !== undefined) overrides.dbFile = flags.db;
  if (flags.seedSample) overrides.seedSample = true;
  const config = loadConfig(process.env, overrides);
  const service = await startService(config);
  process.stderr.write(`jiedui: serving on ${service.url} (database ${config.dbFile}); API under /v1, spec at /v1/openapi.json\n`);
  const stop = (signal: string) => {
    service.deps.logger.info({ signal }, 'shutting down');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        service.deps.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the pairing service (HTTP API under /v1) on an embedded SQLite database')
    .option('--port <port>', 'TCP port (env JIEDUI_PORT, default 8080)')
    .option('--host <host>', 'address to listen on (env JIEDUI_HOST, default 0.0.0.0)')
    .option('--db <file>', 'SQLite file, created and migrated if new (env JIEDUI_DB, default var/jiedui.db)')
    .option('--seed-sample', 'load data/sample-changzhou.json, pre-verified, into a database without batches')
    .action((flags: ServeFlags) => serveAction(flags));
}
