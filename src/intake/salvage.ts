/**
 * Keeps what parsed well from a batch that failed its schema, so cross-record checks can still
 * run and the planner hears about every problem at once. A record that fails keeps each field
 * that passes that field's own schema; checks then look only at fields that are present, which
 * keeps them sound (a check never reasons from a value that is itself invalid).
 */
import type { z } from 'zod';
import {
  CommunitySchema,
  NeedSchema,
  OfferSchema,
  PriorPairingSchema,
  type Batch,
  type Community,
  type Need,
  type Offer,
  type PriorPairing,
} from '../domain/batch-schema.js';

/** One array of a batch, record by record, at the records' original indexes. */
export interface RecordSection<T> {
  /** False when the section is missing or not a list: checks that need it are skipped. */
  readonly usable: boolean;
  /** The fields of each record that are valid on their own (every field, for a valid record). */
  readonly records: ReadonlyArray<Partial<T>>;
  /** Each record as written (to tell an absent field from an invalid one). */
  readonly raw: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Each record's `id` when it is a string, valid or not: references to it are not dangling. */
  readonly rawIds: ReadonlyArray<string | undefined>;
}

/** A batch as far as it could be read. */
export interface SalvagedBatch {
  readonly communities: RecordSection<Community>;
  readonly needs: RecordSection<Need>;
  readonly offers: RecordSection<Offer>;
  readonly previousPairings: RecordSection<PriorPairing>;
}

type Shape = Record<string, z.ZodType>;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The fields of `raw` that pass their own schema in `shape`. */
function salvageRecord<T>(raw: unknown, schema: z.ZodType<T>, shape: Shape): Partial<T> {
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  const fields = asRecord(raw);
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const field = fieldSchema.safeParse(fields[key]);
    if (field.success && field.data !== undefined) out[key] = field.data;
  }
  return out as Partial<T>;
}

function rawIdOf(record: Readonly<Record<string, unknown>>): string | undefined {
  return typeof record['id'] === 'string' ? record['id'] : undefined;
}

function salvageSection<T>(value: unknown, schema: z.ZodType<T>, shape: Shape): RecordSection<T> {
  if (!Array.isArray(value)) return { usable: false, records: [], raw: [], rawIds: [] };
  const raw = value.map(asRecord);
  return {
    usable: true,
    records: value.map((r: unknown) => salvageRecord(r, schema, shape)),
    raw,
    rawIds: raw.map(rawIdOf),
  };
}

/** Reads every section of an unvalidated batch record by record. */
export function salvageBatch(value: unknown): SalvagedBatch {
  const root = asRecord(value);
  // A missing previousPairings list defaults to empty; any other missing section is unusable.
  const pairings = root['previousPairings'] === undefined ? [] : root['previousPairings'];
  return {
    communities: salvageSection(root['communities'], CommunitySchema, CommunitySchema.shape),
    needs: salvageSection(root['needs'], NeedSchema, NeedSchema.shape),
    offers: salvageSection(root['offers'], OfferSchema, OfferSchema.shape),
    previousPairings: salvageSection(pairings, PriorPairingSchema, PriorPairingSchema.shape),
  };
}

function wholeSection<T extends object>(records: readonly T[]): RecordSection<T> {
  return {
    usable: true,
    records,
    raw: records as ReadonlyArray<Readonly<Record<string, unknown>>>,
    rawIds: records.map((r) => rawIdOf(r as Record<string, unknown>)),
  };
}

/** The sections of a batch that passed its schema (no re-parsing). */
export function sectionsOfValidBatch(batch: Batch): SalvagedBatch {
  return {
    communities: wholeSection(batch.communities),
    needs: wholeSection(batch.needs),
    offers: wholeSection(batch.offers),
    previousPairings: wholeSection(batch.previousPairings),
  };
}
