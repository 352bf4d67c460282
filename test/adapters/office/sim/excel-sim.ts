/**
 * A simulated Excel host with Office.js's batch semantics: calls on proxy
 * objects are queued and carried out in order at `context.sync()`; a property
 * can be read only after `load()` and a sync, else it throws as Office.js
 * does; null objects, missing items, bad sheet names, mismatched array sizes,
 * changes to protected sheets and getRanges addresses over 8,192 characters
 * are refused. It counts syncs, fills and format calls; request sizes come
 * from Microsoft's own serialiser instead (real-runtime/). Values are coerced
 * as Excel coerces typed input ("=…" becomes a formula, "45%" a number, a
 * leading apostrophe is dropped) unless the cell is formatted as text ("@").
 * Runs in Node (jest) and in the browser (end-to-end tests, real runtime).
 */
import { cellAddress, parseCellAddress, quoteSheetName, rangeAddress } from '../../../../src/model/address';
import { type SimBorder, type SimCell, type SimChart, type SimName, type SimRange, SimSheet, SimWorkbook } from './model';

export class SimError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface SimCounters {
  syncs: number;
  /** Range.format.fill.color assignments. */
  fills: number;
  /** Every assignment or call on a RangeFormat (fill, font, alignment, borders, widths). */
  formatCalls: number;
  /** Ranges that received any format. */
  formattedRanges: number;
  numberFormatWrites: number;
  valueWrites: number;
  suspendCalculation: number;
  suspendScreenUpdating: number;
  /** Application.calculate calls. */
  recalculations: number;
}

type LoadOption = string | string[] | { select?: string | string[] } | undefined;

function propertyList(option: LoadOption): string[] {
  const raw = typeof option === 'object' && !Array.isArray(option) ? option?.select : option;
  const list = Array.isArray(raw) ? raw : (raw ?? '').split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

export class SimContext {
  private queue: (() => void)[] = [];
  readonly workbook: SimWorkbookProxy;
  readonly application: SimApplication;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly host: ExcelSim) {
    this.workbook = new SimWorkbookProxy(this);
    this.application = new SimApplication(this);
  }

  enqueue(run: () => void): void {
    this.queue.push(run);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.host.counters.syncs++;
    for (const op of ops) op();
  }
}

/** A proxy: resolves its target when its first queued operation runs, as Office.js does. */
abstract class SimObject<T> {
  private resolved = false;
  private target: T | null = null;
  protected readonly loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: SimContext, private readonly resolver: () => T | null) {}

  protected resolve(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target;
  }

  protected must(): T {
    const target = this.resolve();
    if (target === null) throw new SimError('ItemNotFound', `The requested resource doesn't exist (${this.constructor.name}).`);
    return target;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) {
      throw new SimError(
        'PropertyNotLoaded',
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(property) as V;
  }

  protected op(run: (target: T) => void): void {
    this.ctx.enqueue(() => run(this.must()));
  }

  /** The value of a property for load(); undefined for a property this simulation does not know. */
  protected abstract snapshot(target: T, property: string): unknown;

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  /** For items of a loaded collection: their properties are already there. */
  preload(target: T, properties: string[]): void {
    this.loaded.set('isNullObject', false);
    for (const property of properties) this.loaded.set(property, this.snapshot(target, property));
  }

  load(option?: LoadOption): this {
    const properties = propertyList(option);
    this.ctx.enqueue(() => {
      const target = this.resolve();
      this.loaded.set('isNullObject', target === null);
      if (target === null) return;
      for (const property of properties) {
        const value = this.snapshot(target, property);
        if (value === undefined) throw new SimError('InvalidArgument', `The simulated host cannot load '${property}' on ${this.constructor.name}.`);
        this.loaded.set(property, value);
      }
    });
    return this;
  }
}

export class ExcelSim {
  counters: SimCounters = ExcelSim.zeroCounters();

  constructor(readonly book: SimWorkbook = new SimWorkbook()) {}

  static zeroCounters(): SimCounters {
    return { syncs: 0, fills: 0, formatCalls: 0, formattedRanges: 0, numberFormatWrites: 0, valueWrites: 0, suspendCalculation: 0, suspendScreenUpdating: 0, recalculations: 0 };
  }

  resetCounters(): void {
    this.counters = ExcelSim.zeroCounters();
  }

  context(): SimContext {
    return new SimContext(this);
  }

  /** Excel.run: a fresh request context for the batch. */
  async run<R>(batch: (context: SimContext) => Promise<R>): Promise<R> {
    return batch(this.context());
  }

  /** Excel.createWorkbook. */
  async createWorkbook(base64?: string): Promise<void> {
    this.book.createdWorkbooks.push(base64 ?? '');
  }
}

class SimApplication extends SimObject<SimWorkbook> {
  constructor(ctx: SimContext) {
    super(ctx, () => ctx.host.book);
  }

  protected snapshot(book: SimWorkbook, property: string): unknown {
    return property === 'calculationMode' ? book.calculationMode : undefined;
  }

  get calculationMode(): string {
    return this.read('calculationMode');
  }

  calculate(type: string): void {
    this.ctx.enqueue(() => {
      if (!['Recalculate', 'Full', 'FullRebuild'].includes(type)) throw new SimError('InvalidArgument', `Unknown calculation type ${type}.`);
      this.ctx.host.counters.recalculations++;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(() => this.ctx.host.counters.suspendCalculation++);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue(() => this.ctx.host.counters.suspendScreenUpdating++);
  }
}

/** Worksheet.protection and Workbook.protection: whether they are protected. */
class SimProtection extends SimObject<{ protected: boolean }> {
  protected snapshot(target: { protected: boolean }, property: string): unknown {
    return property === 'protected' ? target.protected : undefined;
  }

  get protected(): boolean {
    return this.read('protected');
  }
}

class SimWorkbookProxy {
  readonly worksheets: SimWorksheetCollection;
  readonly tables: SimTableCollection;
  readonly settings: SimSettingCollection;
  readonly protection: SimProtection;
  readonly properties: { custom: SimCustomPropertyCollection };

  constructor(ctx: SimContext) {
    this.worksheets = new SimWorksheetCollection(ctx);
    this.tables = new SimTableCollection(ctx);
    this.settings = new SimSettingCollection(ctx);
    this.protection = new SimProtection(ctx, () => ({ protected: ctx.host.book.structureProtected }));
    this.properties = { custom: new SimCustomPropertyCollection(ctx) };
  }
}

/** Workbook.properties.custom (ExcelApi 1.7): the custom document properties, read as key and value. */
class SimCustomPropertyCollection {
  private loadedItems?: { key: string; value: unknown }[];

  constructor(private readonly ctx: SimContext) {}

  load(option?: LoadOption): this {
    const properties = propertyList(option).map((p) => p.replace(/^items\//, ''));
    for (const property of properties) {
      if (property !== 'key' && property !== 'value') throw new SimError('InvalidArgument', `The simulated host cannot load '${property}' on a custom property.`);
    }
    this.ctx.enqueue(() => (this.loadedItems = [...this.ctx.host.book.customProperties].map(([key, value]) => ({ key, value }))));
    return this;
  }

  get items(): { key: string; value: unknown }[] {
    if (!this.loadedItems) throw new SimError('PropertyNotLoaded', "The property 'items' is not available: load the collection and sync first.");
    return this.loadedItems;
  }
}

function refuseIfStructureProtected(book: SimWorkbook): void {
  if (book.structureProtected) throw new SimError('InvalidOperation', 'The workbook is protected: sheets cannot be added, deleted or renamed.');
}

const BAD_SHEET_NAME = /[[\]:*?/\\]/;

class SimWorksheetCollection extends SimObject<SimWorkbook> {
  constructor(ctx: SimContext) {
    super(ctx, () => ctx.host.book);
  }

  private loadedItems?: SimWorksheet[];

  protected snapshot(): unknown {
    return undefined;
  }

  override load(option?: LoadOption): this {
    const properties = propertyList(option).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      this.loadedItems = this.must().sheets.map((sheet) => {
        const proxy = new SimWorksheet(this.ctx, () => sheet);
        proxy.preload(sheet, properties);
        return proxy;
      });
    });
    return this;
  }

  get items(): SimWorksheet[] {
    if (!this.loadedItems) throw new SimError('PropertyNotLoaded', "The property 'items' is not available: load the collection and sync first.");
    return this.loadedItems;
  }

  getItem(name: string): SimWorksheet {
    return new SimWorksheet(this.ctx, () => {
      const sheet = this.ctx.host.book.sheet(name);
      if (!sheet) throw new SimError('ItemNotFound', `The requested resource doesn't exist: worksheet '${name}'.`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): SimWorksheet {
    return new SimWorksheet(this.ctx, () => this.ctx.host.book.sheet(name) ?? null);
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.ctx, () => {
      const book = this.ctx.host.book;
      return book.sheet(book.activeSheet ?? '') ?? book.sheets[0];
    });
  }

  add(name: string): SimWorksheet {
    let added: SimSheet | undefined;
    this.op((book) => {
      if (!name || name.length > 31 || BAD_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
        throw new SimError('InvalidArgument', `'${name}' is not a valid sheet name.`);
      }
      if (book.sheet(name)) throw new SimError('ItemAlreadyExists', `A sheet called '${name}' already exists.`);
      refuseIfStructureProtected(book);
      added = new SimSheet(name);
      book.sheets.push(added);
    });
    return new SimWorksheet(this.ctx, () => added ?? null);
  }
}

class SimWorksheet extends SimObject<SimSheet> {
  readonly freezePanes: SimFreezePanes;
  readonly pageLayout: SimPageLayoutProxy;
  readonly charts: SimChartCollection;
  readonly horizontalPageBreaks: { add(range: SimRangeProxy): object };
  readonly protection: SimProtection;
  readonly names: SimNamedItemCollection;

  constructor(ctx: SimContext, resolver: () => SimSheet | null) {
    super(ctx, () => {
      const sheet = resolver();
      if (sheet?.deleted) throw new SimError('InvalidOperation', `The worksheet '${sheet.name}' has been deleted.`);
      return sheet;
    });
    this.freezePanes = new SimFreezePanes(ctx, () => this.must());
    this.pageLayout = new SimPageLayoutProxy(ctx, () => this.must());
    this.charts = new SimChartCollection(ctx, () => this.must());
    this.horizontalPageBreaks = {
      // Returns the new break, as Office.js does (PageBreakCollection.add).
      add: (range) => {
        ctx.enqueue(() => {
          const page = this.must().page;
          page.rowBreaks = [...(page.rowBreaks ?? []), range.bounds().row];
        });
        return {};
      },
    };
    this.protection = new SimProtection(ctx, () => this.must());
    this.names = new SimNamedItemCollection(ctx, () => this.must());
  }

  protected snapshot(sheet: SimSheet, property: string): unknown {
    switch (property) {
      case 'name':
        return sheet.name;
      case 'position':
        return this.ctx.host.book.sheets.indexOf(sheet);
      case 'tabColor':
        return sheet.tabColor ?? '';
      default:
        return undefined;
    }
  }

  get name(): string {
    return this.read('name');
  }

  set name(value: string) {
    this.op((sheet) => (sheet.name = value));
  }

  set tabColor(value: string) {
    this.op((sheet) => (sheet.tabColor = value));
  }

  /** Moves the sheet to this index among the sheets, as Excel does. */
  set position(value: number) {
    this.op((sheet) => {
      const book = this.ctx.host.book;
      refuseIfStructureProtected(book);
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      book.sheets.splice(value, 0, sheet);
    });
  }

  getRange(address?: string): SimRangeProxy {
    return new SimRangeProxy(this.ctx, () => rangeTarget(this.must(), address || 'A1'));
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): SimRangeProxy {
    return new SimRangeProxy(this.ctx, () => {
      if (row < 0 || col < 0 || rowCount < 1 || colCount < 1) throw new SimError('InvalidArgument', 'The range is outside the sheet.');
      return { sheet: this.must(), row, col, rowCount, colCount };
    });
  }

  /** Worksheet.getRanges (ExcelApi 1.9): "B2:B9,D4,…", refused past Excel's 8,192 characters. */
  getRanges(address: string): SimRangeAreasProxy {
    return new SimRangeAreasProxy(this.ctx, () => {
      if (address.length > GET_RANGES_ADDRESS_LIMIT) throw new SimError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      const sheet = this.must();
      return address.split(',').map((part) => rangeTarget(sheet, part));
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRangeProxy {
    return new SimRangeProxy(this.ctx, () => {
      const sheet = this.must();
      const bounds = sheet.usedBounds(valuesOnly);
      return bounds ? { sheet, ...bounds } : null;
    });
  }

  activate(): void {
    this.op((sheet) => (this.ctx.host.book.activeSheet = sheet.name));
  }

  delete(): void {
    this.op((sheet) => {
      const book = this.ctx.host.book;
      if (book.sheets.length === 1) throw new SimError('InvalidOperation', 'A workbook must keep at least one sheet.');
      refuseIfStructureProtected(book);
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      sheet.deleted = true;
      if (book.activeSheet === sheet.name) book.activeSheet = book.sheets[0].name;
    });
  }
}

class SimFreezePanes {
  constructor(private readonly ctx: SimContext, private readonly sheet: () => SimSheet) {}

  freezeRows(count: number): void {
    this.ctx.enqueue(() => (this.sheet().freeze = { rows: count, cols: 0 }));
  }

  freezeColumns(count: number): void {
    this.ctx.enqueue(() => (this.sheet().freeze = { rows: 0, cols: count }));
  }

  freezeAt(range: SimRangeProxy): void {
    this.ctx.enqueue(() => {
      const r = range.bounds();
      if (r.row !== 0 || r.col !== 0) throw new SimError('InvalidArgument', 'freezeAt needs a range starting at A1.');
      this.sheet().freeze = { rows: r.rowCount, cols: r.colCount };
    });
  }
}

class SimPageLayoutProxy {
  constructor(private readonly ctx: SimContext, private readonly sheet: () => SimSheet) {}

  set orientation(value: string) {
    this.ctx.enqueue(() => (this.sheet().page.orientation = value));
  }

  set leftMargin(value: number) {
    this.margin('leftMargin', value);
  }

  set rightMargin(value: number) {
    this.margin('rightMargin', value);
  }

  set topMargin(value: number) {
    this.margin('topMargin', value);
  }

  set bottomMargin(value: number) {
    this.margin('bottomMargin', value);
  }

  set headerMargin(value: number) {
    this.margin('headerMargin', value);
  }

  set footerMargin(value: number) {
    this.margin('footerMargin', value);
  }

  private margin(key: string, value: number): void {
    this.ctx.enqueue(() => (this.sheet().page.margins = { ...this.sheet().page.margins, [key]: value }));
  }

  set paperSize(value: string) {
    this.ctx.enqueue(() => (this.sheet().page.paperSize = value));
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.ctx.enqueue(() => (this.sheet().page.zoom = { ...value }));
  }

  setPrintTitleColumns(columns: string): void {
    this.ctx.enqueue(() => (this.sheet().page.printTitleColumns = columns));
  }

  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const page = () => this.sheet().page;
    const ctx = this.ctx;
    const lines = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];
    return {
      defaultForAllPages: new Proxy({} as Record<string, string>, {
        set(_, key: string, value: string) {
          if (!lines.includes(key)) throw new SimError('InvalidArgument', `headersFooters has no ${key}.`);
          ctx.enqueue(() => (page().headersFooters = { ...page().headersFooters, [key]: value }));
          return true;
        },
      }),
    };
  }

  setPrintTitleRows(rows: string): void {
    this.ctx.enqueue(() => (this.sheet().page.printTitleRows = rows));
  }

  setPrintArea(area: string): void {
    this.ctx.enqueue(() => (this.sheet().page.printArea = area));
  }
}

interface RangeTarget extends SimRange {
  sheet: SimSheet;
}

/** The longest address Worksheet.getRanges takes (Microsoft's "Excel range limits"). */
export const GET_RANGES_ADDRESS_LIMIT = 8192;

function rangeTarget(sheet: SimSheet, address: string): RangeTarget {
  const [from, to] = address.split(':');
  const start = parseCellAddress(from);
  const end = parseCellAddress(to ?? from);
  if (!start || !end) throw new SimError('InvalidArgument', `'${address}' is not a cell address.`);
  return { sheet, row: start.row, col: start.col, rowCount: end.row - start.row + 1, colCount: end.col - start.col + 1 };
}

/** Every change to a cell passes here: a protected sheet refuses it, as Excel does. */
function cellsOf(t: RangeTarget, visit: (cell: SimCell, r: number, c: number) => void): void {
  if (t.sheet.protected) throw new SimError('InvalidOperation', 'The cell or chart you are trying to change is on a protected sheet.');
  for (let r = 0; r < t.rowCount; r++) for (let c = 0; c < t.colCount; c++) visit(t.sheet.cell(t.row + r, t.col + c), r, c);
}

function grid<V>(t: RangeTarget, read: (cell: SimCell | undefined) => V): V[][] {
  return Array.from({ length: t.rowCount }, (_, r) => Array.from({ length: t.colCount }, (_, c) => read(t.sheet.peek(t.row + r, t.col + c))));
}

function checkShape(t: RangeTarget, values: unknown[][], what: string): void {
  if (!Array.isArray(values) || values.length !== t.rowCount || values.some((row) => !Array.isArray(row) || row.length !== t.colCount)) {
    throw new SimError('InvalidArgument', `The number of rows or columns in the ${what} array doesn't match the size or dimensions of the range.`);
  }
}

/** What Excel makes of a string written through Range.values into a cell not formatted as text. */
function coerce(cell: SimCell, text: string): void {
  const trimmed = text.trim();
  const number = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[-+]?\d+)?%?$/i.test(trimmed) && /\d/.test(trimmed)
    ? Number(trimmed.replace(/,/g, '').replace(/%$/, '')) / (trimmed.endsWith('%') ? 100 : 1)
    : undefined;
  if (number !== undefined && Number.isFinite(number)) {
    cell.value = number;
    if (trimmed.endsWith('%') && cell.numberFormat === 'General') cell.numberFormat = '0%';
  } else if (text.startsWith("'")) {
    // Excel's text prefix: the apostrophe itself is not kept.
    cell.value = text.slice(1);
  } else if (/^[=+\-@]/.test(text)) {
    cell.formula = text.startsWith('=') ? text : `=${text}`;
    cell.value = '#NAME?';
  } else if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === 'true';
  } else {
    cell.value = text;
  }
}

function writeValue(cell: SimCell, value: unknown): void {
  if (value === null || value === undefined) return; // null leaves the cell as it is
  delete cell.formula;
  if (typeof value === 'string') {
    if (value === '') cell.value = '';
    else if (cell.numberFormat === '@') cell.value = value;
    else coerce(cell, value);
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = value;
  } else {
    throw new SimError('InvalidArgument', `Cannot write ${JSON.stringify(value)} as a cell value.`);
  }
}

/**
 * Excel grows a table over a column written right beside it (AutoExpand), as
 * it does when someone types there: the file adapter never does, so plans
 * must keep clear of a table's right edge.
 */
function growTables(t: RangeTarget): void {
  for (const table of t.sheet.tables) {
    const beside = table.right + 1;
    if (beside < t.col || beside >= t.col + t.colCount || t.row > table.bottom || t.row + t.rowCount - 1 < table.top) continue;
    let written = false;
    for (let r = Math.max(t.row, table.top); r <= Math.min(t.row + t.rowCount - 1, table.bottom); r++) written ||= (t.sheet.peek(r, beside)?.value ?? '') !== '';
    if (written) table.right = beside;
  }
}

export class SimRangeProxy extends SimObject<RangeTarget> {
  readonly format: SimRangeFormat;

  constructor(ctx: SimContext, resolver: () => RangeTarget | null) {
    super(ctx, resolver);
    this.format = new SimRangeFormat(ctx, () => [this.must()]);
  }

  bounds(): RangeTarget {
    return this.must();
  }

  /** Office.js itself writes arrays of more than 1,500 cells as row blocks, getRow(i).getBoundingRect(getRow(j)). */
  getRow(index: number): SimRangeProxy {
    return new SimRangeProxy(this.ctx, () => ({ ...this.must(), row: this.must().row + index, rowCount: 1 }));
  }

  getBoundingRect(other: SimRangeProxy): SimRangeProxy {
    return new SimRangeProxy(this.ctx, () => {
      const a = this.must();
      const b = other.bounds();
      const row = Math.min(a.row, b.row);
      const col = Math.min(a.col, b.col);
      const rowCount = Math.max(a.row + a.rowCount, b.row + b.rowCount) - row;
      const colCount = Math.max(a.col + a.colCount, b.col + b.colCount) - col;
      return { sheet: a.sheet, row, col, rowCount, colCount };
    });
  }

  protected snapshot(t: RangeTarget, property: string): unknown {
    switch (property) {
      case 'address':
        return `${quoteSheetName(t.sheet.name)}!${rangeAddress(t.row, t.col, t.rowCount, t.colCount)}`;
      case 'rowIndex':
        return t.row;
      case 'columnIndex':
        return t.col;
      case 'rowCount':
        return t.rowCount;
      case 'columnCount':
        return t.colCount;
      case 'values':
        return grid(t, (cell) => cell?.value ?? '');
      case 'formulas':
        return grid(t, (cell) => cell?.formula ?? cell?.value ?? '');
      case 'numberFormat':
        return grid(t, (cell) => cell?.numberFormat ?? 'General');
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  get values(): unknown[][] {
    return this.read('values');
  }

  set values(values: unknown[][]) {
    this.op((t) => {
      checkShape(t, values, 'values');
      this.ctx.host.counters.valueWrites++;
      cellsOf(t, (cell, r, c) => writeValue(cell, values[r][c]));
      growTables(t);
    });
  }

  get formulas(): unknown[][] {
    return this.read('formulas');
  }

  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }

  set numberFormat(formats: string[][]) {
    this.op((t) => {
      checkShape(t, formats, 'numberFormat');
      this.ctx.host.counters.numberFormatWrites++;
      cellsOf(t, (cell, r, c) => {
        if (formats[r][c] !== null) cell.numberFormat = formats[r][c];
      });
    });
  }

  set hyperlink(link: { documentReference?: string; textToDisplay?: string; address?: string }) {
    this.op((t) => {
      cellsOf(t, (cell) => {
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) writeValue(cell, link.textToDisplay);
      });
    });
  }

  /** Excel keeps each merged area's top-left value only; `across` merges each row on its own. */
  merge(across = false): void {
    this.op((t) => {
      const areas = across ? Array.from({ length: t.rowCount }, (_, r) => ({ ...t, row: t.row + r, rowCount: 1 })) : [t];
      for (const area of areas) {
        t.sheet.merges.push({ row: area.row, col: area.col, rowCount: area.rowCount, colCount: area.colCount });
        cellsOf(area, (cell, r, c) => {
          if (r > 0 || c > 0) {
            cell.value = '';
            delete cell.formula;
          }
        });
      }
    });
  }

  select(): void {
    this.op((t) => {
      this.ctx.host.book.selection = { sheet: t.sheet.name, address: rangeAddress(t.row, t.col, t.rowCount, t.colCount) };
    });
  }
}

/** Worksheet.getRanges: several rectangles formatted as one. */
export class SimRangeAreasProxy extends SimObject<RangeTarget[]> {
  readonly format: SimRangeFormat;

  constructor(ctx: SimContext, resolver: () => RangeTarget[]) {
    super(ctx, resolver);
    this.format = new SimRangeFormat(ctx, () => this.must());
  }

  protected snapshot(areas: RangeTarget[], property: string): unknown {
    return property === 'areaCount' ? areas.length : undefined;
  }
}

class SimRangeFormat {
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean; italic: boolean; size: number };
  readonly borders: { getItem(edge: string): SimBorder };
  private counted = false;

  constructor(private readonly ctx: SimContext, private readonly areas: () => RangeTarget[]) {
    const set: SimRangeFormat['set'] = (apply, isFill) => this.set(apply, isFill);
    this.fill = {
      set color(value: string) {
        set((cell) => (cell.fill = value), true);
      },
    } as { color: string };
    this.font = {
      set color(value: string) {
        set((cell) => (cell.fontColor = value));
      },
      set bold(value: boolean) {
        set((cell) => (cell.bold = value));
      },
      set italic(value: boolean) {
        set((cell) => (cell.italic = value));
      },
      set size(value: number) {
        set((cell) => (cell.size = value));
      },
    } as { color: string; bold: boolean; italic: boolean; size: number };
    this.borders = { getItem: (edge: string) => this.border(edge) };
  }

  private set(apply: (cell: SimCell, r: number, c: number, t: RangeTarget) => void, isFill = false): void {
    const counters = this.ctx.host.counters;
    this.ctx.enqueue(() => {
      const areas = this.areas();
      counters.formatCalls++;
      if (isFill) counters.fills++;
      if (!this.counted) {
        this.counted = true;
        counters.formattedRanges += areas.length;
      }
      for (const t of areas) cellsOf(t, (cell, r, c) => apply(cell, r, c, t));
    });
  }

  set wrapText(value: boolean) {
    this.set((cell) => (cell.wrap = value));
  }

  set horizontalAlignment(value: string) {
    this.set((cell) => (cell.horizontal = value));
  }

  set verticalAlignment(value: string) {
    this.set((cell) => (cell.vertical = value));
  }

  set rowHeight(points: number) {
    this.ctx.enqueue(() => {
      this.ctx.host.counters.formatCalls++;
      for (const t of this.areas()) for (let r = 0; r < t.rowCount; r++) t.sheet.rowHeights.set(t.row + r, points);
    });
  }

  set columnWidth(points: number) {
    this.ctx.enqueue(() => {
      this.ctx.host.counters.formatCalls++;
      for (const t of this.areas()) for (let c = 0; c < t.colCount; c++) t.sheet.columnWidths.set(t.col + c, points);
    });
  }

  private border(edge: string): SimBorder {
    const sides: Record<string, (r: number, c: number, t: RangeTarget) => (keyof SimCell['borders'])[]> = {
      EdgeTop: (r) => (r === 0 ? ['top'] : []),
      EdgeBottom: (r, _c, t) => (r === t.rowCount - 1 ? ['bottom'] : []),
      EdgeLeft: (_r, c) => (c === 0 ? ['left'] : []),
      EdgeRight: (_r, c, t) => (c === t.colCount - 1 ? ['right'] : []),
      InsideHorizontal: (r, _c, t) => [...(r > 0 ? ['top' as const] : []), ...(r < t.rowCount - 1 ? ['bottom' as const] : [])],
      InsideVertical: (_r, c, t) => [...(c > 0 ? ['left' as const] : []), ...(c < t.colCount - 1 ? ['right' as const] : [])],
    };
    const which = sides[edge];
    if (!which) throw new SimError('InvalidArgument', `Unknown border edge ${edge}.`);
    const setPart = (part: keyof SimBorder, value: string) =>
      this.set((cell, r, c, t) => {
        for (const side of which(r, c, t)) cell.borders[side] = { ...(cell.borders[side] ?? { style: 'Continuous' }), [part]: value };
      });
    return {
      set style(value: string) {
        setPart('style', value);
      },
      set weight(value: string) {
        setPart('weight', value);
      },
      set color(value: string) {
        setPart('color', value);
      },
    } as SimBorder;
  }
}

class SimChartCollection {
  constructor(private readonly ctx: SimContext, private readonly sheet: () => SimSheet) {}

  add(type: string, source: SimRangeProxy, seriesBy = 'Auto'): SimChartProxy {
    const chart: SimChart = { type, series: [] };
    this.ctx.enqueue(() => {
      const t = source.bounds();
      const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && t.rowCount >= t.colCount);
      const count = byColumns ? t.colCount : t.rowCount;
      for (let i = 0; i < count; i++) {
        const values = byColumns ? rangeAddress(t.row, t.col + i, t.rowCount, 1) : rangeAddress(t.row + i, t.col, 1, t.colCount);
        chart.series.push({ name: `Series${i + 1}`, values });
      }
      this.sheet().charts.push(chart);
    });
    return new SimChartProxy(this.ctx, chart);
  }
}

class SimChartProxy {
  readonly title: { text: string };
  readonly axes: { valueAxis: { title: { text: string }; minimum: number; maximum: number } };
  readonly legend: { visible: boolean; position: string };
  readonly series: { getItemAt(index: number): SimSeriesProxy; add(name: string): SimSeriesProxy };

  constructor(private readonly ctx: SimContext, private readonly chart: SimChart) {
    this.title = {
      set text(value: string) {
        ctx.enqueue(() => (chart.title = value));
      },
    } as { text: string };
    this.axes = {
      valueAxis: {
        title: {
          set text(value: string) {
            ctx.enqueue(() => (chart.valueAxisTitle = value));
          },
        } as { text: string },
        set minimum(value: number) {
          ctx.enqueue(() => (chart.valueAxis = { ...chart.valueAxis, minimum: value }));
        },
        set maximum(value: number) {
          ctx.enqueue(() => (chart.valueAxis = { ...chart.valueAxis, maximum: value }));
        },
      } as { title: { text: string }; minimum: number; maximum: number },
    };
    this.legend = {
      set visible(value: boolean) {
        ctx.enqueue(() => (chart.legend = { ...chart.legend, visible: value }));
      },
      set position(value: string) {
        ctx.enqueue(() => (chart.legend = { ...chart.legend, position: value }));
      },
    } as { visible: boolean; position: string };
    this.series = {
      getItemAt: (index) => new SimSeriesProxy(ctx, () => {
        const series = chart.series[index];
        if (!series) throw new SimError('ItemNotFound', `The chart has no series ${index}.`);
        return series;
      }),
      add: (name) => {
        let added: SimChart['series'][number] | undefined;
        ctx.enqueue(() => {
          added = { name };
          chart.series.push(added);
        });
        return new SimSeriesProxy(ctx, () => added!);
      },
    };
  }

  setPosition(start: string | SimRangeProxy, end?: string | SimRangeProxy): void {
    const address = (at: string | SimRangeProxy | undefined) => {
      if (at === undefined || typeof at === 'string') return at;
      const t = at.bounds();
      return cellAddress(t.row, t.col);
    };
    this.ctx.enqueue(() => (this.chart.position = [address(start)!, address(end)]));
  }
}

class SimSeriesProxy {
  readonly format: { line: { color: string; lineStyle: string; weight: number }; fill: { setSolidColor(colour: string): void } };

  constructor(private readonly ctx: SimContext, private readonly series: () => SimChart['series'][number]) {
    const queue = (run: (s: SimChart['series'][number]) => void) => ctx.enqueue(() => run(series()));
    this.format = {
      line: {
        set color(value: string) {
          queue((s) => (s.lineColor = value));
        },
        set lineStyle(value: string) {
          queue((s) => (s.lineStyle = value));
        },
        set weight(value: number) {
          queue((s) => (s.lineWeight = value));
        },
      } as { color: string; lineStyle: string; weight: number },
      fill: { setSolidColor: (value: string) => queue((s) => (s.fillColor = value)) },
    };
  }

  set name(value: string) {
    this.ctx.enqueue(() => (this.series().name = value));
  }

  set markerStyle(value: string) {
    this.ctx.enqueue(() => (this.series().markerStyle = value));
  }

  setValues(range: SimRangeProxy): void {
    this.ctx.enqueue(() => {
      const t = range.bounds();
      this.series().values = rangeAddress(t.row, t.col, t.rowCount, t.colCount);
    });
  }

  setXAxisValues(range: SimRangeProxy): void {
    this.ctx.enqueue(() => {
      const t = range.bounds();
      this.series().xValues = rangeAddress(t.row, t.col, t.rowCount, t.colCount);
    });
  }
}

interface TableTarget {
  sheet: SimSheet;
  name: string;
}

class SimTableCollection {
  private loadedItems?: SimTable[];

  constructor(private readonly ctx: SimContext) {}

  load(option?: LoadOption): this {
    const properties = propertyList(option).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.host.book.sheets.flatMap((sheet) =>
        sheet.tables.map((table) => {
          const proxy = new SimTable(this.ctx, () => ({ sheet, name: table.name }));
          proxy.preload({ sheet, name: table.name }, properties);
          return proxy;
        }),
      );
    });
    return this;
  }

  getItem(name: string): SimTable {
    return new SimTable(this.ctx, () => {
      const sheet = this.ctx.host.book.sheets.find((s) => s.tables.some((t) => t.name === name));
      if (!sheet) throw new SimError('ItemNotFound', `The requested resource doesn't exist: table '${name}'.`);
      return { sheet, name };
    });
  }

  get items(): SimTable[] {
    if (!this.loadedItems) throw new SimError('PropertyNotLoaded', "The property 'items' is not available: load the collection and sync first.");
    return this.loadedItems;
  }
}

class SimTable extends SimObject<TableTarget> {
  readonly worksheet: SimWorksheet;

  constructor(ctx: SimContext, resolver: () => TableTarget | null) {
    super(ctx, resolver);
    this.worksheet = new SimWorksheet(ctx, () => this.must().sheet);
  }

  protected snapshot(target: TableTarget, property: string): unknown {
    return property === 'name' ? target.name : undefined;
  }

  get name(): string {
    return this.read('name');
  }

  getRange(): SimRangeProxy {
    return new SimRangeProxy(this.ctx, () => {
      const { sheet, name } = this.must();
      const table = sheet.tables.find((t) => t.name === name)!;
      return { sheet, row: table.top, col: table.left, rowCount: table.bottom - table.top + 1, colCount: table.right - table.left + 1 };
    });
  }
}

class SimSetting extends SimObject<{ value: unknown }> {
  protected snapshot(target: { value: unknown }, property: string): unknown {
    return property === 'value' ? target.value : undefined;
  }

  get value(): unknown {
    return this.read('value');
  }
}

class SimSettingCollection {
  constructor(private readonly ctx: SimContext) {}

  add(key: string, value: unknown): void {
    this.ctx.enqueue(() => this.ctx.host.book.settings.set(key, value));
  }

  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this.ctx, () => {
      const settings = this.ctx.host.book.settings;
      return settings.has(key) ? { value: settings.get(key) } : null;
    });
  }
}

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

class SimNamedItem extends SimObject<SimName> {
  protected snapshot(target: SimName, property: string): unknown {
    return property === 'name' || property === 'formula' || property === 'visible' ? target[property] : undefined;
  }

  get name(): string {
    return this.read('name');
  }

  get formula(): string {
    return this.read('formula');
  }

  set formula(value: string) {
    this.op((target) => (target.formula = value));
  }

  set visible(value: boolean) {
    this.op((target) => (target.visible = value));
  }
}

/** A sheet's own names (Worksheet.names). */
class SimNamedItemCollection {
  private loadedItems?: SimNamedItem[];

  constructor(private readonly ctx: SimContext, private readonly sheet: () => SimSheet) {}

  load(option?: LoadOption): this {
    const properties = propertyList(option).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      this.loadedItems = this.sheet().names.map((name) => {
        const proxy = new SimNamedItem(this.ctx, () => name);
        proxy.preload(name, properties);
        return proxy;
      });
    });
    return this;
  }

  get items(): SimNamedItem[] {
    if (!this.loadedItems) throw new SimError('PropertyNotLoaded', "The property 'items' is not available: load the collection and sync first.");
    return this.loadedItems;
  }

  add(name: string, reference: string | SimRangeProxy): SimNamedItem {
    let added: SimName | undefined;
    this.ctx.enqueue(() => {
      const sheet = this.sheet();
      if (!NAME_PATTERN.test(name) || parseCellAddress(name)) throw new SimError('InvalidArgument', `'${name}' is not a valid name.`);
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new SimError('ItemAlreadyExists', `The name '${name}' already exists.`);
      const formula = typeof reference === 'string' ? reference : `=${quoteSheetName(sheet.name)}!${rangeAddress(reference.bounds().row, reference.bounds().col, reference.bounds().rowCount, reference.bounds().colCount)}`;
      added = { name, formula, visible: true };
      sheet.names.push(added);
    });
    return new SimNamedItem(this.ctx, () => added ?? null);
  }

  getItem(name: string): SimNamedItem {
    return new SimNamedItem(this.ctx, () => {
      const found = this.sheet().names.find((n) => n.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new SimError('ItemNotFound', `The name '${name}' doesn't exist.`);
      return found;
    });
  }
}
