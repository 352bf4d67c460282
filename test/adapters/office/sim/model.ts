/**
 * The state of the simulated Excel host: a workbook of sheets of cells, with
 * the formats, layout and charts Ragbook writes. Plain data, so tests can look
 * at it directly after the adapter has run.
 */
import type { SheetGrid, TableInfo, WorkbookGrids } from '../../../../src/model/grid';
import { type DefinedName, marksToWrite } from '../../../../src/model/marks';
import { isCellError } from '../../../../src/model/grid';

export interface SimBorder {
  style: string;
  weight?: string;
  color?: string;
}

export interface SimCell {
  /** What Range.values shows: '' for empty; errors as their text ("#N/A"). */
  value: string | number | boolean;
  /** "=…" when the cell holds a formula. */
  formula?: string;
  numberFormat: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  borders: { top?: SimBorder; bottom?: SimBorder; left?: SimBorder; right?: SimBorder };
  hyperlink?: { documentReference?: string; textToDisplay?: string; address?: string };
}

export interface SimSeries {
  name: string;
  /** A1 address of the values, e.g. "B4:B9". */
  values?: string;
  xValues?: string;
  lineColor?: string;
  lineStyle?: string;
  fillColor?: string;
  markerStyle?: string;
  lineWeight?: number;
}

export interface SimChart {
  type: string;
  title?: string;
  position?: [string, string | undefined];
  series: SimSeries[];
  valueAxisTitle?: string;
  valueAxis?: { minimum?: number; maximum?: number };
  legend?: { visible?: boolean; position?: string };
}

export interface SimPageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printTitleColumns?: string;
  printArea?: string;
  /** Rows (0-based) a manual page break sits above. */
  rowBreaks?: number[];
  /** leftMargin, topMargin… in points. */
  margins?: Record<string, number>;
  /** leftHeader, centerFooter… as set on headersFooters.defaultForAllPages. */
  headersFooters?: Record<string, string>;
}

export interface SimRange {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** A name scoped to a sheet; the formula starts with "=", as Office.js shows it. */
export interface SimName {
  name: string;
  formula: string;
  visible: boolean;
}

export class SimSheet {
  readonly cells = new Map<string, SimCell>();
  /** Column index → width in points. */
  readonly columnWidths = new Map<number, number>();
  /** Row index → height in points. */
  readonly rowHeights = new Map<number, number>();
  readonly merges: SimRange[] = [];
  readonly charts: SimChart[] = [];
  readonly tables: TableInfo[] = [];
  readonly names: SimName[] = [];
  readonly page: SimPageLayout = {};
  freeze?: { rows: number; cols: number };
  tabColor?: string;
  deleted = false;
  /** Review ▸ Protect Sheet: the host refuses every change to its cells. */
  protected = false;

  constructor(public name: string) {}

  peek(row: number, col: number): SimCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  cell(row: number, col: number): SimCell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', numberFormat: 'General', borders: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The bounds of the cells holding a value or formula, or undefined when there are none. */
  usedBounds(valuesOnly: boolean): SimRange | undefined {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && cell.value === '' && !cell.formula) continue;
      const [r, c] = key.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? undefined : { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  }
}

export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  readonly settings = new Map<string, unknown>();
  /** File ▸ Info ▸ Properties ▸ Custom, as a sensitivity label leaves them (MSIP_Label_…_Name). */
  readonly customProperties = new Map<string, unknown>();
  activeSheet?: string;
  /** Review ▸ Protect Workbook: sheets cannot be added, deleted or renamed. */
  structureProtected = false;
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  selection?: { sheet: string; address: string };
  /** Base64 files passed to Excel.createWorkbook. */
  readonly createdWorkbooks: string[] = [];

  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Every sheet's cells, layout and charts as plain data, cells in address order: two runs compare as JSON. */
  snapshot(): unknown {
    const sorted = <V>(map: Map<string | number, V>) => [...map].sort(([a], [b]) => String(a).localeCompare(String(b), 'en', { numeric: true }));
    return this.sheets.map((s) => ({
      name: s.name,
      cells: sorted(s.cells),
      columnWidths: sorted(s.columnWidths),
      rowHeights: sorted(s.rowHeights),
      merges: s.merges,
      charts: s.charts,
      page: s.page,
      freeze: s.freeze,
      tabColor: s.tabColor,
    }));
  }

  /** A workbook holding the grids' values, formulas, number formats and tables. */
  static fromGrids(grids: WorkbookGrids): SimWorkbook {
    const book = new SimWorkbook();
    for (const grid of grids.sheets) {
      const sheet = new SimSheet(grid.name);
      grid.rows.forEach((row, r) =>
        row?.forEach((source, c) => {
          if (!source) return;
          const cell = sheet.cell(r, c);
          cell.value = source.value === null ? '' : isCellError(source.value) ? source.value.error : source.value;
          if (source.formula !== undefined) cell.formula = `=${source.formula}`;
          if (source.numberFormat) cell.numberFormat = source.numberFormat;
        }),
      );
      sheet.tables.push(...grid.tables.map((t) => ({ ...t })));
      for (const { name, formula } of gridMarks(grid)) sheet.names.push({ name, formula: `=${formula}`, visible: false });
      book.sheets.push(sheet);
    }
    book.activeSheet = book.sheets[0]?.name;
    return book;
  }
}

/** The names that carry a grid's marks, as the adapters write them. */
function gridMarks(grid: SheetGrid): DefinedName[] {
  const marks = grid.marks;
  if (!marks) return [];
  return marksToWrite({ name: grid.name, mode: marks.generated ? 'generated' : 'existing', values: [], styles: [], ownColumns: marks.ownColumns });
}
