/** Dotted field paths (`location.lat`) on plain JSON records: how columns address nested fields. */

/** Sets a dotted field on a record, creating the objects on the way. */
export function setField(record: Record<string, unknown>, field: string, value: unknown): void {
  const keys = field.split('.');
  let node = record;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** Reads a dotted field; undefined when any step is missing. */
export function getField(record: Readonly<Record<string, unknown>>, field: string): unknown {
  let node: unknown = record;
  for (const key of field.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}
