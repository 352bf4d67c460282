/**
 * What the file adapter's zip code takes from Node's zlib, for the
 * browser (webpack puts this module in place of "node:zlib" in the pane's
 * export chunk), done with fflate: raw DEFLATE both ways.
 */
import { type DeflateOptions, deflateSync, inflateSync } from 'fflate';

export function deflateRawSync(data: Uint8Array, options?: { level?: number }): Uint8Array {
  return deflateSync(data, { level: (options?.level ?? 6) as DeflateOptions['level'] });
}

export function inflateRawSync(data: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array {
  const out = inflateSync(data);
  if (options?.maxOutputLength !== undefined && out.length > options.maxOutputLength) {
    throw new RangeError('Cannot create a Buffer larger than the maximum output length');
  }
  return out;
}

/** The browser has no native CRC-32: the zip code then uses its own table. */
export const crc32: ((data: Uint8Array) => number) | undefined = undefined;

/** zlib's flush constant the zip code names (its deflating ahead is the CLI's only). */
export const constants = { Z_SYNC_FLUSH: 2 };

/** Inflating on a thread pool (a package's parts read ahead): the pane has none, so the part is inflated at once. */
export function inflateRaw(data: Uint8Array, options: { maxOutputLength?: number }, callback: (error: Error | null, result?: Uint8Array) => void): void {
  let result: Uint8Array;
  try {
    result = inflateRawSync(data, options);
  } catch (error) {
    callback(error as Error);
    return;
  }
  callback(null, result);
}

/** Deflating on a thread pool (RowsDeflater): the pane never patches a package, so it never asks. */
export function createDeflateRaw(): never {
  throw new Error('createDeflateRaw is not available in the task pane');
}
