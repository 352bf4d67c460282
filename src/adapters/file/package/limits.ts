/**
 * Limits that keep an untrusted file from exhausting memory or time: a zip
 * bomb, a sheet of billions of cells, a package of millions of parts.
 */
import { groupThousands } from '../../../core/shared/values';

export interface ReadLimits {
  /** Total uncompressed size of the package, in bytes (default 1 GiB). */
  maxUncompressedBytes?: number;
  /** Cells read across all sheets (default 3 million: about 3 GiB of memory at the peak). */
  maxCells?: number;
  /** Parts (zip entries) in the package (default 10,000). */
  maxParts?: number;
  /**
   * The largest part Ragbook reads (default 500 MiB): a part is read as one
   * string, and a JavaScript string holds at most 2^29 - 24 characters.
   */
  maxPartBytes?: number;
}

export const DEFAULT_LIMITS: Required<ReadLimits> = {
  maxUncompressedBytes: 1024 ** 3,
  maxCells: 3_000_000,
  maxParts: 10_000,
  maxPartBytes: 500 * 1024 ** 2,
};

export function withDefaults(limits: ReadLimits | undefined): Required<ReadLimits> {
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(limits ?? {}).filter(([, v]) => v !== undefined)) };
}

/** 1073741824 → "1 GiB"; 1572864 → "1.5 MiB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${groupThousands(Number(value.toFixed(1)))} ${units[unit]}`;
}
