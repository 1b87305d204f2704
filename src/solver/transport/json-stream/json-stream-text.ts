/**
 * Small text helpers of the streaming JSON reader: the syntax error it throws, turning the bytes
 * of a JSON string (or a captured value) back into text exactly as `JSON.parse` of the decoded
 * file would, and naming a byte in a message.
 */

/** The document is not JSON: `reason` at byte `offset` of the input (line and column 1-based). */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`solver/transport: not JSON: ${reason} at byte ${offset} (line ${line}, column ${column})`);
    this.name = 'JsonSyntaxError';
  }
}

// `ignoreBOM`: a U+FEFF inside a string is content; only the file's leading BOM is skipped.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Joins byte pieces (copies; the pieces may be views of a reused read buffer). */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Text of ASCII bytes without escapes: one char code per byte. */
export function asciiText(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > 256) return utf8.decode(bytes.subarray(from, to));
  let out = '';
  for (let i = from; i < to; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

/**
 * The value of a JSON string from the bytes between its quotes (already checked to be valid
 * string content). Invalid UTF-8 becomes U+FFFD, as decoding the whole file would make it.
 */
export function jsonStringValue(content: Uint8Array, hasEscape: boolean, nonAscii: boolean): string {
  if (!hasEscape && !nonAscii) return asciiText(content, 0, content.length);
  const text = utf8.decode(content);
  // Escapes (\uD83D\uDE00, lone surrogates, \/ …) mean exactly what JSON.parse makes of them.
  return hasEscape ? (JSON.parse(`"${text}"`) as string) : text;
}

/** `JSON.stringify(JSON.parse(text))` of a captured value's bytes: how the whole-string reader shows it. */
export function renderCapturedValue(bytes: Uint8Array): string {
  return JSON.stringify(JSON.parse(utf8.decode(bytes)));
}

/** A byte as a message shows it: `'x'` for printable ASCII, `byte 0x0a` otherwise. */
export function describeByte(byte: number): string {
  return byte > 0x20 && byte < 0x7f ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
