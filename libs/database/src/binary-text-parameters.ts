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
  let size = ARRAY_HEADER_BYTES + 4 * values.length;
  for (const value of values) size += Buffer.byteLength(value);
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(1, 0); // one dimension
  buffer.writeInt32BE(0, 4); // no NULLs
  buffer.writeInt32BE(TEXT_TYPE_OID, 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  let offset = ARRAY_HEADER_BYTES;
  for (const value of values) {
    const length = buffer.write(value, offset + 4);
    buffer.writeInt32BE(length, offset);
    offset += 4 + length;
  }
  return buffer;
}
