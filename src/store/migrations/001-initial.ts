import type { Migration } from './migration.js';

/**
 * The first schema (SQLite dialect). Records that are only ever read whole (a score breakdown, a
 * batch's offers) are JSON text; what routes filter or sort on has columns of its own.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('planner', 'official', 'analyst', 'admin')),
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE batches (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  name TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  communities INTEGER NOT NULL,
  needs INTEGER NOT NULL,
  offers INTEGER NOT NULL,
  content TEXT NOT NULL
);

CREATE TABLE needs (
  batch_id TEXT NOT NULL REFERENCES batches(id),
  need_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  community TEXT NOT NULL,
  district TEXT NOT NULL,
  street TEXT NOT NULL,
  category TEXT NOT NULL,
  form TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'verified', 'returned')),
  status_reason TEXT,
  reviewed_by TEXT,
  reviewed_at TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (batch_id, need_id)
);
CREATE INDEX needs_by_status ON needs (status, batch_id, seq);

CREATE TABLE weight_profiles (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE run_inputs (
  hash TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  batch_ids TEXT NOT NULL,
  weight_version INTEGER NOT NULL REFERENCES weight_profiles(version),
  options TEXT NOT NULL,
  input_hash TEXT NOT NULL REFERENCES run_inputs(hash),
  solver_version TEXT NOT NULL,
  parent_run_id TEXT REFERENCES runs(id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  error TEXT,
  summary TEXT
);
CREATE INDEX runs_by_status ON runs (status);

CREATE TABLE pairings (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES runs(id),
  need_id TEXT NOT NULL,
  offer_id TEXT NOT NULL,
  amount REAL NOT NULL,
  unit TEXT NOT NULL,
  value REAL NOT NULL,
  community TEXT NOT NULL,
  district TEXT NOT NULL,
  street TEXT NOT NULL,
  category TEXT NOT NULL,
  form TEXT NOT NULL,
  provider_kind TEXT NOT NULL,
  locked INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
  reason TEXT,
  decided_by TEXT,
  decided_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  detail TEXT NOT NULL
);
CREATE INDEX pairings_by_run_value ON pairings (run_id, value DESC, id);

CREATE TABLE unmet (
  run_id TEXT NOT NULL REFERENCES runs(id),
  need_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  community TEXT NOT NULL,
  district TEXT NOT NULL,
  category TEXT NOT NULL,
  form TEXT NOT NULL,
  demand REAL NOT NULL,
  met REAL NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (run_id, need_id)
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_key TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_by_entity ON audit (entity_type, entity_id);

CREATE TABLE idempotency (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
`,
};
