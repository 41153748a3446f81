/**
 * Text parameters in PostgreSQL's binary format, built straight into a Buffer.
 *
 * Batch writes send a few hundred kilobytes of text per statement. As JS strings (an array
 * literal, the payloads joined) each was one big string that pg then scanned twice more to
 * encode, and the biggest went straight into V8's old generation, where they drove most of the
 * ingestion process's mark-compacts. A Buffer lives outside the JS heap, is encoded once, and
 * pg sends it as is, with the binary format code. PostgreSQL reads a binary text value as its
 * bytes (UTF-8, checked as text input is) and a binary array without parsing a literal.
 */

const TEXT_TYPE_OID = 25;
const ARRAY_HEADER_BYTES = 20; // dimensions, null flag, element type, length and lower bound of the one dimension

/** A `text` parameter: the values joined by `separator`, as UTF-8. */
export function binaryJoinedText(values: readonly string[], separator: string): Buffer {
  const separatorBytes = Buffer.byteLength(separator);
  let size = values.length > 0 ? (values.length - 1) * separatorBytes : 0;
  for (const value of values) size += Buffer.byteLength(value);
  const buffer = Buffer.allocUnsafe(size);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    if (i > 0) offset += buffer.write(separator, offset);
    offset += buffer.write(values[i], offset);
  }
  return buffer;
}

/** A `text[]` parameter (one dimension, no NULLs), in the binary array format `array_recv` reads. */
export function binaryTextArray(values: readonly string[]): Buffer {
  if (values.length === 0) {
    // No dimensions: the empty array.
    const empty = Buffer.alloc(12);
    empty.writeInt32BE(TEXT_TYPE_OID, 8);
    return empty;
  }
  return shortAsciiTextArray(values) ?? utf8TextArray(values);
}

/** The 4-byte big-endian length prefix of each length below 128, as characters of those bytes. */
const SHORT_LENGTH_PREFIXES = Array.from({ length: 128 }, (_, length) => `\0\0\0${String.fromCharCode(length)}`);
const NON_ASCII = /[^\0-\x7f]/; // the prefixes are ASCII too

/**
 * Most arrays (ids, kinds, pseudonyms) hold short ASCII strings, whose UTF-8 bytes are their
 * characters: the array's bytes are then built as one string (one join) and copied in one go,
 * half the time of a write per element. Null when some element is not short ASCII.
 */
function shortAsciiTextArray(values: readonly string[]): Buffer | null {
  const parts = new Array<string>(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value.length >= SHORT_LENGTH_PREFIXES.length) return null;
    parts[2 * i] = SHORT_LENGTH_PREFIXES[value.length];
    parts[2 * i + 1] = value;
  }
  const bytes = parts.join('');
  if (NON_ASCII.test(bytes)) return null;
  const buffer = arrayWithHeader(values.length, bytes.length);
  buffer.write(bytes, ARRAY_HEADER_BYTES, 'latin1');
  return buffer;
}

function utf8TextArray(values: readonly string[]): Buffer {
  let size = 4 * values.length;
  for (const value of values) size += Buffer.byteLength(value);
  const buffer = arrayWithHeader(values.length, size);
  let offset = ARRAY_HEADER_BYTES;
  for (const value of values) {
    const length = buffer.write(value, offset + 4);
    buffer.writeInt32BE(length, offset);
    offset += 4 + length;
  }
  return buffer;
}

function arrayWithHeader(length: number, elementBytes: number): Buffer {
  const buffer = Buffer.allocUnsafe(ARRAY_HEADER_BYTES + elementBytes);
  buffer.writeInt32BE(1, 0); // one dimension
  buffer.writeInt32BE(0, 4); // no NULLs
  buffer.writeInt32BE(TEXT_TYPE_OID, 8);
  buffer.writeInt32BE(length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  return buffer;
}
