/**
 * Batches as NDJSON (`jiedui-batch-ndjson/v1`): one JSON object per line, tagged by `type`,
 * so a batch of any size can be written and read one record at a time:
 *
 * ```
 * {"type":"batch","format":"jiedui-batch/v1","name":"江苏省批次"}        optional header, at most once
 * {"type":"community","id":"C1","name":"…","district":"…", …}
 * {"type":"need","id":"N1","community":"C1","category":"elderly", …}
 * {"type":"offer","id":"O1","provider":{…},"form":"talent", …}
 * {"type":"previousPairing","need":"N1","offer":"O1"}
 * ```
 *
 * Each line holds exactly the fields of the record in `jiedui-batch/v1` plus `type`. Blank lines
 * are ignored; lines of different types may interleave. The k-th `need` line is `needs[k]` of the
 * batch, so validation names the same paths as for the JSON form, and every issue about a record
 * also says its line.
 */
import type { InputIssue } from '../../domain/issues.js';
import { RecordSyntaxError, defineOwn, malformedJsonIssue, parseRecord } from './parse-record.js';
import { copyOf } from './json-record-scanner.js';

/** Record types and the batch section each one goes to. */
export const NDJSON_RECORD_TYPES = {
  community: 'communities',
  need: 'needs',
  offer: 'offers',
  previousPairing: 'previousPairings',
} as const;

/** Issues about lines that are not records at all stop after this many (a wrong file would list every line). */
const MAX_LINE_ISSUES = 100;

type Section = (typeof NDJSON_RECORD_TYPES)[keyof typeof NDJSON_RECORD_TYPES];

/** Splits NDJSON bytes into lines and assembles the batch value they describe. */
export class NdjsonBatchAssembler {
  readonly root: Record<string, unknown> = {};
  /** Problems with lines themselves (malformed JSON, unknown type), in line order. */
  readonly lineIssues: InputIssue[] = [];
  records = 0;
  private readonly sections = new Map<Section, { records: unknown[]; lines: number[] }>();
  private readonly decoder = new TextDecoder();
  private carry: Uint8Array = new Uint8Array(0);
  private line = 0;
  private sawHeader = false;
  private first = true;

  feed(chunk: Uint8Array): void {
    let bytes = this.carry.length > 0 ? concat(this.carry, chunk) : chunk;
    if (this.first && bytes.length >= 3) {
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3); // UTF-8 BOM
    }
    let from = 0;
    for (let nl = bytes.indexOf(0x0a, from); nl >= 0; nl = bytes.indexOf(0x0a, from)) {
      this.takeLine(bytes.subarray(from, nl));
      from = nl + 1;
    }
    this.carry = copyOf(bytes, from);
  }

  /** Ends the input; returns the assembled value. */
  end(): Record<string, unknown> {
    if (this.carry.length > 0) this.takeLine(this.carry);
    this.carry = new Uint8Array(0);
    for (const section of Object.values(NDJSON_RECORD_TYPES)) {
      defineOwn(this.root, section, this.sections.get(section)?.records ?? []);
    }
    return this.root;
  }

  /** The line a record of a section came from. */
  lineOf(section: string, index: number): number | undefined {
    return this.sections.get(section as Section)?.lines[index];
  }

  private takeLine(bytes: Uint8Array): void {
    this.line++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length; // CRLF
    const text = this.decoder.decode(bytes.subarray(0, end));
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = parseRecord(text, { line: this.line, column: 1 }, false);
    } catch (error) {
      if (!(error instanceof RecordSyntaxError)) throw error;
      return this.lineIssue(malformedJsonIssue(error.at, error.reason));
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return this.lineIssue({ path: [], code: 'invalid_record', message: `line ${this.line}: expected a JSON object with a "type"` });
    }
    const { type, ...record } = value as Record<string, unknown>;
    if (type === 'batch') return this.header(record);
    const section = typeof type === 'string' && Object.hasOwn(NDJSON_RECORD_TYPES, type) ? NDJSON_RECORD_TYPES[type as keyof typeof NDJSON_RECORD_TYPES] : undefined;
    if (section === undefined) {
      const known = ['batch', ...Object.keys(NDJSON_RECORD_TYPES)].join(', ');
      return this.lineIssue({ path: [], code: 'unknown_record_type', message: `line ${this.line}: "type" is ${JSON.stringify(type)}, expected one of ${known}` });
    }
    let target = this.sections.get(section);
    if (!target) this.sections.set(section, (target = { records: [], lines: [] }));
    target.records.push(record);
    target.lines.push(this.line);
    this.records++;
  }

  private header(fields: Record<string, unknown>): void {
    if (this.sawHeader) {
      return this.lineIssue({ path: [], code: 'duplicate_header', message: `line ${this.line}: a second "batch" header line` });
    }
    this.sawHeader = true;
    for (const [key, value] of Object.entries(fields)) defineOwn(this.root, key, value);
  }

  private lineIssue(issue: InputIssue): void {
    if (this.lineIssues.length < MAX_LINE_ISSUES) this.lineIssues.push(issue);
  }
}

/** Adds "(line N)" to issues about a record, so a planner finds it in the file. */
export function withLineNumbers(issues: readonly InputIssue[], assembler: NdjsonBatchAssembler): InputIssue[] {
  return issues.map((issue) => {
    const [section, index] = issue.path;
    const line = typeof section === 'string' && typeof index === 'number' ? assembler.lineOf(section, index) : undefined;
    return line === undefined ? issue : { ...issue, message: `${issue.message} (line ${line})` };
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
