/**
 * The service's settings, read from the environment once (in main.ts) and parsed by zod, so a bad
 * value stops the start with the variable named instead of surfacing later as odd behaviour.
 * Command-line flags (`jiedui serve --port`) override these.
 */
import { z } from 'zod';

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ConfigSchema = z.object({
  /** TCP port; 0 picks a free one (tests). */
  port: intFrom(0, 65_535).default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  /** SQLite file; created and migrated on first start. */
  dbFile: z.string().min(1).default('var/jiedui.db'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted request body, in bytes (batches of a city fit in the default). */
  bodyLimitBytes: intFrom(1_024, 1_073_741_824).default(50 * 1024 * 1024),
  /** Runs with more pooled needs than this answer 202 and are solved in the background. */
  asyncRunNeeds: intFrom(0, 100_000_000).default(2_000),
  /** Solver worker threads (one background run at a time; the rest serve interactive solves). */
  solveWorkers: intFrom(1, 64).default(2),
  /** How long shutdown waits for a running solve before marking it failed. */
  shutdownGraceMs: intFrom(0, 3_600_000).default(10_000),
  /** Load the sample batch (pre-verified) into a new database. */
  seedSample: z
    .union([z.boolean(), z.enum(['0', '1', 'true', 'false'])])
    .transform((v) => v === true || v === '1' || v === 'true')
    .default(false),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Environment variable behind each setting. */
export const CONFIG_ENV: Readonly<Record<keyof Config, string>> = {
  port: 'JIEDUI_PORT',
  host: 'JIEDUI_HOST',
  dbFile: 'JIEDUI_DB',
  logLevel: 'JIEDUI_LOG_LEVEL',
  bodyLimitBytes: 'JIEDUI_BODY_LIMIT_BYTES',
  asyncRunNeeds: 'JIEDUI_ASYNC_RUN_NEEDS',
  solveWorkers: 'JIEDUI_SOLVE_WORKERS',
  shutdownGraceMs: 'JIEDUI_SHUTDOWN_GRACE_MS',
  seedSample: 'JIEDUI_SEED_SAMPLE',
};

/**
 * Reads the config from an environment (defaults fill what is unset), with overrides on top.
 * Throws a `config:`-prefixed error naming every bad variable.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(CONFIG_ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) raw[key] = value;
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const key = String(i.path[0]) as keyof Config;
      return `${CONFIG_ENV[key] ?? key}: ${i.message}`;
    });
    throw new Error(`config: ${problems.join('; ')}`);
  }
  return parsed.data;
}
