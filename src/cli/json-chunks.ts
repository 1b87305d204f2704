/**
 * A value as pretty JSON text in pieces, byte for byte what `JSON.stringify(value, null, indent)`
 * gives, so a province result (hundreds of MB as text) is written without ever being one string.
 * Large arrays and the objects above them are taken apart; a large array's elements are
 * stringified natively a slice at a time, wrapped in arrays to the depth they sit at so that
 * `JSON.stringify` itself indents them (no re-indenting pass over the text).
 */

/** Arrays longer than this are written in slices. */
const SPLIT_ARRAY = 256;
/** Elements stringified in one call. */
const SLICE = 512;

/** Yields the JSON text of `value` (plain data: objects, arrays, strings, numbers, booleans, null). */
export function* jsonChunks(value: unknown, indent = 1): Generator<string> {
  yield* chunksAt(value, 0, indent);
}

function* chunksAt(value: unknown, depth: number, indent: number): Generator<string> {
  if (!isSplittable(value)) {
    yield indented(JSON.stringify(value, null, indent) ?? 'null', depth * indent);
    return;
  }
  const pad = ' '.repeat((depth + 1) * indent);
  const close = ' '.repeat(depth * indent);
  if (Array.isArray(value)) {
    yield '[\n';
    for (let i = 0; i < value.length; i += SLICE) {
      yield elementsAt(value.slice(i, i + SLICE), depth + 1, indent);
      yield i + SLICE < value.length ? ',\n' : '\n';
    }
    yield `${close}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !isOmitted(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i]!;
    yield `${pad}${JSON.stringify(key)}: `;
    yield* chunksAt(v, depth + 1, indent);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${close}}`;
}

/**
 * Whether a value holds a large array within `levels` levels, so it is worth taking apart (looking
 * no deeper keeps the check cheap for each of a hundred thousand small records).
 */
function isSplittable(value: unknown, levels = 2): boolean {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return value.length > SPLIT_ARRAY;
  return levels > 0 && Object.values(value).some((v) => isSplittable(v, levels - 1));
}

function isOmitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * The elements of `slice` as they appear inside an array at `depth`: `depth` levels of wrapping
 * arrays make JSON.stringify indent them so; their opening and closing lines are cut off again.
 */
function elementsAt(slice: readonly unknown[], depth: number, indent: number): string {
  let wrapped: unknown = slice;
  for (let d = 1; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, indent);
  let from = 0;
  for (let d = 0; d < depth; d++) from = text.indexOf('\n', from) + 1;
  let to = text.length;
  for (let d = 0; d < depth; d++) to = text.lastIndexOf('\n', to - 1);
  return text.slice(from, to);
}

/** Text stringified at depth 0, moved to `spaces` of indentation (all lines but the first). */
function indented(text: string, spaces: number): string {
  return spaces === 0 ? text : text.replaceAll('\n', `\n${' '.repeat(spaces)}`);
}
