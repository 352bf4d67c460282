/**
 * The unzipped package as parts: path → bytes. Parts are inflated only when
 * asked for, and every part nobody changed is written back with its original
 * compressed bytes. Paths have no leading slash ("xl/workbook.xml") and are
 * matched case-insensitively, as the Open Packaging Conventions say.
 *
 * This is the representation later steps work on (native charts run after the
 * sheets are written): get/set/delete parts, then the relationship and
 * content-type helpers beside this module.
 */
import { joinBytes } from '../../../core/shared/bytes';
import { WorkbookReadError } from '../errors';
import { formatBytes, type ReadLimits, withDefaults } from './limits';
import { PartsDeflater } from './parts-deflater';
import { DEFLATE_LEVEL, deflatedAround, hasSpareRoom, inflateEntry, inflateEntryAhead, readZipDirectory, writeZip, type ZipEntry, type ZipOutput } from './zip';

const AHEAD_MAX_BYTES = 16 * 1024 * 1024;
/** Written parts smaller than this are deflated with the zip, not sent to the deflating thread (see set). */
const DEFLATE_AHEAD_MIN_BYTES = 4096;

/**
 * A worksheet as a plan wrote it: the bytes before its rows, its rows
 * (<sheetData>…</sheetData>; none when it has no sheetData) and the bytes
 * after, kept apart so that an edit around the rows never copies them (a
 * commentary of 10,000 measures has 60 MB of them). `rowsDeflating`: the
 * rows' pieces, when they were deflated as they were written (see RowsDeflater).
 */
export interface SheetBytes {
  head: Uint8Array;
  rows: Uint8Array;
  tail: Uint8Array;
  rowsDeflating?: Promise<Uint8Array[]>;
}

export class PackageParts {
  /** Output order: the original entries first, new parts after. */
  private readonly order: string[] = [];
  private readonly byLowerName = new Map<string, string>();
  private readonly original = new Map<string, ZipEntry>();
  private inflated = new Map<string, Uint8Array>();
  /** Original parts read as text, kept as text only (a big sheet is read, then patched, from one string). */
  private texts = new Map<string, string>();
  /**
   * The bytes a big part was read as text from, no longer needed and never
   * lent by get(): a writer's to take (takeSpare). One part's at most, the
   * biggest read (a workbook's measures sheet, as a rule): kept for every
   * sheet, a workbook of several would hold them all until the write.
   */
  private spares = new Map<string, Uint8Array>();
  /** Parts whose inflated bytes get() has handed out: someone may still read them, so they are never spare. */
  private lent = new Set<string>();
  private readonly written = new Map<string, Uint8Array>();
  /** Worksheets as a plan wrote them (see setSheet), and their rows once deflated (see deflatedAhead). */
  private readonly sheets = new Map<string, SheetBytes>();
  private readonly deflatedRows = new Map<string, Uint8Array[]>();
  /** Written parts being deflated on a thread of their own (see set), and deflated (see deflatedAhead). */
  private deflater: PartsDeflater | undefined;
  private readonly deflating = new Map<string, Promise<Uint8Array>>();
  private readonly deflated = new Map<string, Uint8Array>();

  private constructor(
    private readonly source: Uint8Array,
    private readonly maxPartBytes: number,
  ) {}

  /** Reads the zip directory, refusing packages over the limits before inflating anything. */
  static fromZip(bytes: Uint8Array, limits?: ReadLimits): PackageParts {
    const { maxParts, maxUncompressedBytes, maxPartBytes } = withDefaults(limits);
    const entries = readZipDirectory(bytes, maxParts);
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total > maxUncompressedBytes) {
      throw new WorkbookReadError(`the workbook expands to more than ${formatBytes(maxUncompressedBytes)}; use --max-size to raise the limit`);
    }
    const parts = new PackageParts(bytes, maxPartBytes);
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue; // folder entries carry nothing
      const twin = parts.nameOf(entry.name);
      if (twin !== undefined) {
        // Part names are case-insensitive in a package: which of the two a reader sees would be chance.
        throw new WorkbookReadError(`it has two parts named ${twin} and ${entry.name}, which a workbook cannot have (part names ignore case); open the file in Excel and save it again`);
      }
      parts.original.set(entry.name, entry);
      parts.add(entry.name);
    }
    return parts;
  }

  /** A fresh copy to write into; it shares what was already inflated. */
  clone(): PackageParts {
    const copy = new PackageParts(this.source, this.maxPartBytes);
    for (const name of this.order) copy.add(name);
    for (const [name, entry] of this.original) copy.original.set(name, entry);
    for (const [name, data] of this.written) copy.written.set(name, data);
    for (const [name, sheet] of this.sheets) copy.sheets.set(name, sheet);
    copy.inflated = this.inflated;
    copy.texts = this.texts;
    copy.spares = this.spares;
    copy.lent = this.lent;
    return copy;
  }

  private add(name: string): void {
    this.order.push(name);
    this.byLowerName.set(name.toLowerCase(), name);
  }

  /** The stored name of a part, whatever case the caller used. */
  private nameOf(path: string): string | undefined {
    return this.byLowerName.get(stripSlash(path).toLowerCase());
  }

  has(path: string): boolean {
    return this.nameOf(path) !== undefined;
  }

  /** Every part's path, in package order. */
  paths(): string[] {
    return [...this.order];
  }

  get(path: string): Uint8Array | undefined {
    const name = this.nameOf(path);
    if (name === undefined) return undefined;
    const written = this.writtenBytes(name);
    if (written) return written;
    let data = this.inflated.get(name);
    if (!data) {
      data = this.inflate(name);
      this.inflated.set(name, data);
    }
    this.lent.add(name);
    return data;
  }

  text(path: string): string | undefined {
    const name = this.nameOf(path);
    if (name === undefined) return undefined;
    const written = this.writtenBytes(name);
    if (written) return decodeUtf8(written);
    let text = this.texts.get(name);
    if (text === undefined) {
      const data = this.inflated.get(name) ?? this.inflate(name);
      text = decodeUtf8(data);
      this.texts.set(name, text);
      this.inflated.delete(name);
      const held: Uint8Array | undefined = this.spares.values().next().value;
      if (hasSpareRoom(data.length) && !this.lent.has(name) && (held === undefined || held.length < data.length)) {
        this.spares.clear();
        this.spares.set(name, data);
      }
    }
    return text;
  }

  /**
   * The bytes the part was read as text from, which nothing reads any more,
   * for a writer to write over: the part's patched copy then takes memory
   * already in use, with the room inflating left behind them (see
   * inflateOptions), instead of fresh memory. Given once; undefined when there are none.
   */
  takeSpare(path: string): Uint8Array | undefined {
    const name = this.nameOf(path);
    if (name === undefined) return undefined;
    const spare = this.spares.get(name);
    this.spares.delete(name);
    return spare;
  }

  /**
   * Starts inflating a part on Node's thread pool, for a later get() or
   * text() to find it done. A part that cannot be inflated is left for that
   * read, which reports it as it always does; so is a part of more than
   * AHEAD_MAX_BYTES, whose bytes would outlive the read by a collection or
   * two (the 62 MB sheet of 100,000 measures raised the peak by 51 MiB) for
   * a gain that is small beside its own reading.
   */
  async inflateAhead(path: string): Promise<void> {
    const name = this.nameOf(path);
    if (name === undefined || this.isWritten(name) || this.inflated.has(name) || this.texts.has(name)) return;
    const entry = this.original.get(name) as ZipEntry;
    if (entry.size > Math.min(this.maxPartBytes, AHEAD_MAX_BYTES)) return;
    try {
      this.inflated.set(name, await inflateEntryAhead(this.source, entry));
    } catch {
      // Read again, and refused, where the part is read.
    }
  }

  private inflate(name: string): Uint8Array {
    const entry = this.original.get(name) as ZipEntry;
    if (entry.size > this.maxPartBytes) {
      throw new WorkbookReadError(`the part ${name} expands to ${formatBytes(entry.size)}, more than the ${formatBytes(this.maxPartBytes)} Ragbook reads in one part`);
    }
    return inflateEntry(this.source, entry);
  }

  /**
   * From now on, each part set of DEFLATE_AHEAD_MIN_BYTES or more is sent to
   * a thread to be deflated (see PartsDeflater). For a writer that awaits
   * deflatedAhead() before toZip(), which then takes the parts deflated.
   */
  deflateWhenSet(): void {
    this.deflater = new PartsDeflater(DEFLATE_LEVEL);
  }

  set(path: string, content: Uint8Array | string): void {
    const name = this.replacing(path);
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.written.set(name, data);
    if (this.deflater && data.length >= DEFLATE_AHEAD_MIN_BYTES) {
      const deflating = this.deflater.deflate(data);
      // Awaited by deflatedAhead(); one that fails, or whose part is set again first, is deflated with the zip.
      deflating.catch(() => undefined);
      this.deflating.set(name, deflating);
    }
  }

  /** The name of a part about to be set, added when it is new; what it held before is let go. */
  private replacing(path: string): string {
    const name = this.nameOf(path) ?? stripSlash(path);
    if (!this.byLowerName.has(name.toLowerCase())) this.add(name);
    // The old text is never read again: keeping it would hold a big sheet's XML to the end.
    this.texts.delete(name);
    this.forget(name);
    return name;
  }

  /** Edits a part as text; it stays as it was when the edit changes nothing. */
  edit(path: string, edit: (xml: string) => string): void {
    const xml = this.text(path);
    if (xml === undefined) return;
    const edited = edit(xml);
    if (edited !== xml) this.set(path, edited);
  }

  /** Sets a worksheet as a plan wrote it, its rows kept as they are. */
  setSheet(path: string, sheet: SheetBytes): void {
    const name = this.replacing(path);
    // Awaited by deflatedAhead(); a part set again before then drops its pieces, and their failure with them.
    sheet.rowsDeflating?.catch(() => undefined);
    this.sheets.set(name, sheet);
  }

  /** The worksheet as setSheet() set it, when nothing has set the part since. */
  sheetAsWritten(path: string): SheetBytes | undefined {
    const name = this.nameOf(path);
    return name === undefined ? undefined : this.sheets.get(name);
  }

  /** Waits for the rows and parts still being deflated: toZip() then uses them. */
  async deflatedAhead(): Promise<void> {
    this.deflater?.finish();
    for (const [name, sheet] of this.sheets) if (sheet.rowsDeflating) this.deflatedRows.set(name, await sheet.rowsDeflating);
    for (const [name, deflating] of this.deflating) {
      const deflated = await deflating.catch(() => undefined);
      if (deflated) this.deflated.set(name, deflated);
    }
    this.deflating.clear();
  }

  /** Lets the deflating thread go (see deflateWhenSet): the writer that asked for it calls this once it is done, written or failed. */
  stopDeflating(): void {
    this.deflater?.close();
    this.deflater = undefined;
  }

  private isWritten(name: string): boolean {
    return this.written.has(name) || this.sheets.has(name);
  }

  /** A written part's bytes (a worksheet's joined: only where something reads it whole). */
  private writtenBytes(name: string): Uint8Array | undefined {
    const sheet = this.sheets.get(name);
    return sheet ? joinBytes([sheet.head, sheet.rows, sheet.tail]) : this.written.get(name);
  }

  delete(path: string): void {
    const name = this.nameOf(path);
    if (name === undefined) return;
    this.order.splice(this.order.indexOf(name), 1);
    this.byLowerName.delete(name.toLowerCase());
    this.original.delete(name);
    this.texts.delete(name);
    this.forget(name);
  }

  /** Drops what was written to a part. */
  private forget(name: string): void {
    this.written.delete(name);
    this.deflating.delete(name);
    this.deflated.delete(name);
    this.sheets.delete(name);
  }

  /** True when the part is new or was rewritten since the package was read. */
  isChanged(path: string): boolean {
    const name = this.nameOf(path);
    return name !== undefined && this.isWritten(name);
  }

  /** The package as a zip: unchanged parts keep their stored bytes. */
  toZip(): Uint8Array {
    const outputs: ZipOutput[] = this.order.map((name) => {
      const sheet = this.sheets.get(name);
      const rows = this.deflatedRows.get(name);
      if (sheet && rows) return { kind: 'data', name, data: [sheet.head, sheet.rows, sheet.tail], deflated: deflatedAround(sheet.head, rows, sheet.tail) };
      const data = this.writtenBytes(name);
      const deflated = this.deflated.get(name);
      if (data && deflated) return { kind: 'data', name, data: [data], deflated: [deflated] };
      if (data) return { kind: 'data', name, data };
      return { kind: 'copy', entry: this.original.get(name) as ZipEntry, source: this.source };
    });
    return writeZip(outputs);
  }
}

function stripSlash(path: string): string {
  return path.startsWith('/') ? path.slice(1) : path;
}

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** XML parts are UTF-8 (with or without a byte-order mark) or, rarely, UTF-16. */
export function decodeUtf8(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return utf16le.decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return utf16be.decode(data.subarray(2));
  return utf8.decode(data);
}
