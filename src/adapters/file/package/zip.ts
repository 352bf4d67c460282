/**
 * The zip container of an .xlsx/.xlsm package: reads the central directory
 * and writes a new archive in which unchanged entries keep their compressed
 * bytes exactly. Only the parts Ragbook reads are ever inflated.
 *
 * Node's zlib does the (de)compression: on a 6 MB sheet it deflates about
 * three times faster than fflate at the same level (see the README's
 * dependency notes).
 */
import * as zlib from 'node:zlib';
import { groupThousands } from '../../../core/shared/values';
import { WorkbookReadError, WorkbookWriteError } from '../errors';

/** One entry as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** The name's bytes as stored (kept so a rewritten archive names parts identically). */
  rawName: Uint8Array;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed bytes start in the archive. */
  dataOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const UTF8_FLAG = 0x800;
const DATA_DESCRIPTOR_FLAG = 0x8;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32ByTable(bytes: Uint8Array, crc = 0): number {
  let c = crc ^ -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * zlib's native CRC-32 where Node has it (20.15 and later), twenty times
 * faster than the table. `crc`: the CRC of the bytes before, to go on from.
 */
export const crc32: (bytes: Uint8Array, crc?: number) => number = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ?? crc32ByTable;

function corrupt(why: string): WorkbookReadError {
  return new WorkbookReadError(`the file is damaged or truncated (${why}); open it in Excel and save it again`);
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw corrupt('no zip directory at the end');
}

function tooManyParts(maxEntries: number): WorkbookReadError {
  return new WorkbookReadError(`the workbook has more than ${groupThousands(maxEntries)} parts; it is not a workbook Ragbook can read safely`);
}

/**
 * The central directory: every entry, in archive order. The directory is read
 * to the end of the size the end record gives, as Excel, Python and libzip
 * read it, so an end record that counts too few entries drops none of them.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  if (bytes.length < 22) throw corrupt('too short to be a zip package');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const zip64End = u64(view, end - 12);
    if (zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== ZIP64_END) throw corrupt('bad ZIP64 directory');
    count = u64(view, zip64End + 32);
    size = u64(view, zip64End + 40);
    offset = u64(view, zip64End + 48);
  }
  if (count > maxEntries) throw tooManyParts(maxEntries);
  if (offset + size > bytes.length) throw corrupt('the zip directory runs past the end of the file');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  while (at < offset + size) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) throw corrupt('bad zip directory entry');
    if (entries.length === maxEntries) throw tooManyParts(maxEntries);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let localOffset = view.getUint32(at + 42, true);
    // ZIP64: the sizes and offset that overflowed 32 bits sit in the extra field, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(x, true);
      const length = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let p = x + 4;
        if (size === 0xffffffff) {
          size = u64(view, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(view, p);
          p += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(view, p);
      }
      x += 4 + length;
    }
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_HEADER) throw corrupt('bad zip entry header');
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.length) throw corrupt('an entry runs past the end of the file');
    entries.push({
      name: decoder.decode(rawName),
      rawName: rawName.slice(),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      dataOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length < count) throw corrupt('the zip directory holds fewer entries than its end record counts');
  return entries;
}

/** zlib's Buffer seen as a plain Uint8Array, without copying it (a big sheet is tens of megabytes). */
function plainView(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** zlib's smallest chunk. */
const MIN_INFLATE_CHUNK = 64;

/**
 * The entry's content. Inflating stops at the size the directory declares,
 * so an entry that lies about its size cannot expand further; the size and
 * CRC checks catch any other damage.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const compressed = deflatedContent(bytes, entry);
  if (compressed === undefined) return checkedContent(entry, storedContent(bytes, entry));
  let data: Uint8Array;
  try {
    data = plainView(zlib.inflateRawSync(compressed, inflateOptions(entry)));
  } catch {
    throw corrupt(`${entry.name} does not match its checksum`);
  }
  return checkedContent(entry, data);
}

/** inflateEntry on Node's thread pool, while the caller goes on reading other parts. */
export function inflateEntryAhead(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const compressed = deflatedContent(bytes, entry);
  if (compressed === undefined) return Promise.resolve().then(() => inflateEntry(bytes, entry));
  return new Promise<Buffer>((resolve, reject) =>
    zlib.inflateRaw(compressed, inflateOptions(entry), (error, data) => (error ? reject(corrupt(`${entry.name} does not match its checksum`)) : resolve(data))),
  ).then((data) => checkedContent(entry, plainView(data)));
}

/** The entry's bytes as stored, when they are deflated and not empty; undefined for anything else (inflateEntry reads that). */
function deflatedContent(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  return entry.method === 8 && entry.size > 0 ? bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize) : undefined;
}

/** An entry that is stored, or empty. */
function storedContent(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.method === 8) return new Uint8Array(0);
  if (entry.method !== 0) throw new WorkbookReadError(`${entry.name} uses a compression method Ragbook cannot read (${entry.method})`);
  return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/**
 * Parts of 1 to 16 MB (a sheet of a few thousand to some 25,000 rows) are inflated with room to
 * spare (see inflateOptions). A bigger part's bytes are let go once read as text: kept until the
 * write, the 62 MB sheet of 100,000 measures raised the peak by 91 MiB.
 */
export function hasSpareRoom(size: number): boolean {
  return size >= 1 << 20 && size <= 16 << 20;
}

/**
 * Inflated into one buffer of the declared size (and a byte to see the stream end), not 16 KB pieces
 * joined at the end (on the thread pool, each would wait for a turn of the main thread); a part that
 * expands further is refused, here or by the size check. A big part's buffer has half as much again
 * behind its bytes, never touched, so not memory used: once the part is read as text, its patched
 * copy is written there (see PackageParts.takeSpare) instead of into fresh memory.
 */
function inflateOptions(entry: ZipEntry): zlib.ZlibOptions {
  const room = Math.max(MIN_INFLATE_CHUNK, entry.size + 1);
  return { chunkSize: hasSpareRoom(entry.size) ? room + (room >> 1) : room, maxOutputLength: room };
}

function checkedContent(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw corrupt(`${entry.name} does not match its checksum`);
  return data;
}

/** An entry of the archive to write: either copied as stored, or new content. */
export type ZipOutput =
  | { kind: 'copy'; entry: ZipEntry; source: Uint8Array }
  /** `deflated`: the data already deflated, in pieces (see deflatedAround), which may then come in pieces too; else it is deflated here. */
  | { kind: 'data'; name: string; data: Uint8Array; deflated?: undefined }
  | { kind: 'data'; name: string; data: readonly Uint8Array[]; deflated: readonly Uint8Array[] };

interface Prepared {
  rawName: Uint8Array;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  size: number;
  /** The entry's compressed bytes, in pieces written one after another. */
  compressed: readonly Uint8Array[];
  compressedSize: number;
}

/**
 * Measured on the rewritten sheets of 10,000 measures (8 MB wide, 48 MB long):
 * level 2 deflates in half of level 4's time (114 against 240 ms on the long
 * one) for a file 5–8% larger, and in a fifth of level 6's for one 20% larger;
 * level 1 is no faster than 2 and 8% larger again.
 */
export const DEFLATE_LEVEL = 2;

/** 1980-01-01 00:00: new entries carry a fixed time so the same plan gives the same bytes. */
const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;

function prepare(output: ZipOutput): Prepared {
  if (output.kind === 'copy') {
    const { entry, source } = output;
    return {
      rawName: entry.rawName,
      flags: entry.flags & ~DATA_DESCRIPTOR_FLAG,
      method: entry.method,
      dosTime: entry.dosTime,
      dosDate: entry.dosDate,
      crc: entry.crc,
      size: entry.size,
      compressed: [source.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)],
      compressedSize: entry.compressedSize,
    };
  }
  const rawName = new TextEncoder().encode(output.name);
  const ascii = rawName.every((b) => b < 0x80);
  return {
    rawName,
    flags: ascii ? 0 : UTF8_FLAG,
    method: 8,
    dosTime: 0,
    dosDate: FIXED_DOS_DATE,
    ...(output.deflated ? sizeAndCrc(output.data) : { size: output.data.length, crc: crc32(output.data) }),
    ...compressedPieces(output.deflated ?? [plainView(zlib.deflateRawSync(output.data, { level: DEFLATE_LEVEL }))]),
  };
}

function compressedPieces(compressed: readonly Uint8Array[]): Pick<Prepared, 'compressed' | 'compressedSize'> {
  let compressedSize = 0;
  for (const piece of compressed) compressedSize += piece.length;
  return { compressed, compressedSize };
}

function sizeAndCrc(pieces: readonly Uint8Array[]): { size: number; crc: number } {
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    size += piece.length;
    crc = crc32(piece, crc);
  }
  return { size, crc };
}

/** What each thread deflates of a big part at a time. */
const PIECE_BYTES = 1 << 20;
/** How far back DEFLATE refers: a piece primed with this much before it compresses as if the stream had gone on. */
const WINDOW_BYTES = 32 * 1024;

/** The bytes written so far (a ByteWriter): only `length` is read until a piece is due. */
export interface WrittenBytes {
  readonly length: number;
  bytes(): Uint8Array;
}

/**
 * Deflates a big sheet's rows on Node's thread pool while they are still
 * being written (pigz's way): each megabyte as soon as it is written, in
 * pieces the pool's threads share, while the caller goes on. Each piece ends
 * on a byte boundary (a sync flush), so the pieces joined read on from any
 * stream that ends that way; each is primed with the 32 KB before it, but
 * the first is not, since what comes before the rows (the sheet's views) may
 * still change. Bytes once written must stay as they are (see ByteWriter.rewind).
 */
export class RowsDeflater {
  private readonly pieces: Promise<Uint8Array[]>[] = [];
  /** Where the next piece starts. */
  private next: number;

  /** `rowsAt`: where the rows start in the bytes written. */
  constructor(private readonly rowsAt: number) {
    this.next = rowsAt;
  }

  /** Starts deflating every whole piece written since the last call. */
  wrote(out: WrittenBytes): void {
    if (out.length - this.next < PIECE_BYTES) return;
    const bytes = out.bytes();
    for (; bytes.length - this.next >= PIECE_BYTES; this.next += PIECE_BYTES) this.deflate(bytes, this.next, this.next + PIECE_BYTES);
  }

  /** The rows end where `out` ends: the pieces, the last one started now; undefined when the rows are less than a piece (they are deflated with their part). */
  finish(out: WrittenBytes): Promise<Uint8Array[]> | undefined {
    this.wrote(out);
    if (this.pieces.length === 0) return undefined;
    if (out.length > this.next) this.deflate(out.bytes(), this.next, out.length);
    return Promise.all(this.pieces).then((pieces) => pieces.flat());
  }

  private deflate(bytes: Uint8Array, from: number, to: number): void {
    // Room for the piece deflated (a sheet's XML shrinks to a sixth), so that zlib deflates it in one go
    // on its thread. With the default 16 KB, each 16 KB of output waits for a turn of the main thread's
    // event loop, which is busy writing the rows: the pieces would be deflated only after them.
    const options: zlib.ZlibOptions = { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: PIECE_BYTES / 4 };
    if (from > this.rowsAt) options.dictionary = bytes.subarray(from - WINDOW_BYTES, from);
    this.pieces.push(deflatedChunks(bytes.subarray(from, to), options));
  }
}

/**
 * zlib.deflateRaw on the thread pool, as the chunks zlib wrote: deflateRaw
 * joins them, and a piece ended by a flush always comes as two (what the
 * flush wrote comes after the rest), so joining them copied every piece into
 * fresh memory, 220 pages of the 10,000 measures' apply.
 */
function deflatedChunks(data: Uint8Array, options: zlib.ZlibOptions): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const stream = zlib.createDeflateRaw(options);
    stream.on('data', (chunk: Buffer) => chunks.push(plainView(chunk)));
    stream.on('end', () => resolve(chunks));
    stream.on('error', reject);
    stream.end(data);
  });
}

/**
 * A part's raw DEFLATE stream: what comes before its rows deflated now, then
 * the rows' pieces from a RowsDeflater, then what comes after them, deflated
 * now and fresh (it refers back to nothing), ending the stream.
 */
export function deflatedAround(head: Uint8Array, rows: readonly Uint8Array[], end: Uint8Array): Uint8Array[] {
  return [plainView(zlib.deflateRawSync(head, { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH })), ...rows, plainView(zlib.deflateRawSync(end, { level: DEFLATE_LEVEL }))];
}

/**
 * The fields a local header and its central directory entry share, in the
 * same order (the central one has "version made by" before them): flags,
 * method, time, date, CRC, sizes and the name's length.
 */
function writeEntryFields(view: DataView, at: number, p: Prepared): void {
  view.setUint16(at, p.flags, true);
  view.setUint16(at + 2, p.method, true);
  view.setUint16(at + 4, p.dosTime, true);
  view.setUint16(at + 6, p.dosDate, true);
  view.setUint32(at + 8, p.crc, true);
  view.setUint32(at + 12, p.compressedSize, true);
  view.setUint32(at + 16, p.size, true);
  view.setUint16(at + 20, p.rawName.length, true);
}

/** Writes a zip archive of the given entries, in order. */
export function writeZip(outputs: readonly ZipOutput[]): Uint8Array {
  const prepared = outputs.map(prepare);
  let localSize = 0;
  let centralSize = 0;
  for (const p of prepared) {
    localSize += 30 + p.rawName.length + p.compressedSize;
    centralSize += 46 + p.rawName.length;
  }
  if (localSize + centralSize > 0xffffffff || prepared.length > 0xffff) {
    throw new WorkbookWriteError('the workbook Ragbook would write is larger than it can save (4 GiB or 65,535 parts)');
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    writeEntryFields(view, at + 6, p);
    view.setUint16(at + 28, 0, true);
    out.set(p.rawName, at + 30);
    let pieceAt = at + 30 + p.rawName.length;
    for (const piece of p.compressed) {
      out.set(piece, pieceAt);
      pieceAt += piece.length;
    }
    at = pieceAt;
  }
  const centralStart = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    writeEntryFields(view, at + 8, p);
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.rawName, at + 46);
    at += 46 + p.rawName.length;
  });
  view.setUint32(at, END_OF_DIRECTORY, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
