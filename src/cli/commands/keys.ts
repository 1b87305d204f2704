/**
 * `jiedui keys create --role ROLE`: prints a new API key (the first admin key comes this way).
 * The key goes to stdout alone, so `KEY=$(jiedui keys create --role admin)` works; the rest to stderr.
 */
import { Command, Option } from 'commander';
import { issueApiKey } from '../../api/api-keys.js';
import { loadConfig } from '../../config.js';
import { InvalidInputError } from '../../domain/issues.js';
import { ROLES, SYSTEM_ACTOR, type Role } from '../../store/records.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';

interface KeysCreateFlags {
  role: string;
  db?: string;
  name?: string;
}

export async function keysCreateAction(flags: KeysCreateFlags, out: (line: string) => void, note: (line: string) => void): Promise<void> {
  if (!(ROLES as readonly string[]).includes(flags.role)) {
    throw new InvalidInputError(
      [{ path: ['--role'], code: 'invalid_enum', message: `"${flags.role}" is not a role`, hint: `one of ${ROLES.join(', ')}` }],
      'keys create',
    );
  }
  const role = flags.role as Role;
  const config = loadConfig(process.env, flags.db ? { dbFile: flags.db } : {});
  const store = openSqliteStore(config.dbFile);
  try {
    const at = new Date().toISOString();
    const name = flags.name ?? `${role} key`;
    const issued = await store.transaction((tx) => issueApiKey(tx, { role, name, at, by: SYSTEM_ACTOR }));
    out(issued.secret);
    note(`jiedui: created ${role} key ${issued.record.id} ("${name}") in ${config.dbFile}; it is shown only now.`);
  } finally {
    await store.close();
  }
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage API keys of the service');
  keys
    .command('create')
    .description('create an API key and print it (shown once; stored hashed)')
    .addOption(new Option('--role <role>', 'what the key may do').choices([...ROLES]).makeOptionMandatory())
    .option('--db <file>', 'SQLite file of the service (env JIEDUI_DB, default var/jiedui.db)')
    .option('--name <name>', 'who or what holds the key')
    .action((flags: KeysCreateFlags) =>
      keysCreateAction(flags, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`)),
    );
}
