// Lists of 32-bit integers as one base64 string: what JSON carries fastest, read back as a typed array in one call.
import { Buffer } from 'node:buffer';

/** A block that does not hold whole integers; the snapshot reading it refuses the file. */
export class IntegerBlockError extends Error {}

/** Little-endian, whatever the machine, so that a snapshot reads the same everywhere. */
export function integersToBase64(numbers: readonly number[]): string {
  const block = new DataView(new ArrayBuffer(numbers.length * 4));
  for (const [index, number] of numbers.entries()) block.setInt32(index * 4, number, true);
  return Buffer.from(block.buffer).toString('base64');
}

/** The block's integers: a view of the decoded bytes where the machine is little-endian, as nearly all are. */
export function integersOf(base64: string): Int32Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length % 4 !== 0) throw new IntegerBlockError('a block of integers is cut short');
  const count = bytes.length / 4;
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0)
    return new Int32Array(bytes.buffer, bytes.byteOffset, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Int32Array.from({ length: count }, (_, index) => view.getInt32(index * 4, true));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
