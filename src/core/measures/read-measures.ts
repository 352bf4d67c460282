/**
 * Finds the measures in a workbook: a wide sheet (one row per measure, one
 * column per period) or a long one (one row per observation), read by header
 * names wherever the header row is.
 */
import type { Cell, SheetGrid, WorkbookGrids } from '../../model/grid';
import { columnLetters } from '../../model/address';
import { type Issue, IssueList } from '../../model/issue';
import { findHeaderRow, type HeaderRow, type HeaderSynonyms } from '../shared/headers';
import { isGeneratedSheet } from '../shared/sheet-names';
import { cellText, plainCellNumber } from '../shared/values';
import { readFigure } from '../wording/figure';
import { looksLikePeriodOrBenchmark } from '../wording/headers';
import { readBenchmarkName } from '../wording/benchmark-name';
import { type FieldColumns, MEASURE_HEADERS, type MeasureField, readMeasureFields, readTargetCell, toleranceTextOf } from './measure-fields';
import { comparePeriods, type Period, parsePeriod } from './period';
import { isStatusColumnHeader, type PeriodColumn, periodColumn } from './period-columns';
import { parseTolerance } from './tolerance';
import { emptyObservation, NO_BENCHMARKS, PlainFigures, PlainWideMeasure } from './plain-figures';
import { isOwnColumn, type Measure, type MeasuresSource, type Observation, type OwnColumns } from './types';

function setBenchmark(obs: Observation, name: string, value: number): void {
  if (obs.benchmarks === NO_BENCHMARKS) obs.benchmarks = {};
  obs.benchmarks[name] = value;
}

export interface MeasuresSheet extends MeasuresSource {
  measures: Measure[];
  polarityColumn?: number;
}

type LongField = MeasureField | 'period' | 'actual' | 'benchmark';

const LONG_HEADERS: HeaderSynonyms<Exclude<LongField, 'benchmark'>> = {
  ...MEASURE_HEADERS,
  period: ['period', 'reporting period', 'quarter', 'year', 'month', 'time period', 'date'],
  actual: ['actual', 'value', 'result', 'outturn', 'performance', 'la', 'figure', 'actual value', 'la value', 'data'],
};

/** Sheets that are never measures: Ragbook's own, settings, and the other reports' inputs. */
function isOtherSheet(sheet: SheetGrid): boolean {
  return isGeneratedSheet(sheet) || /^(settings|options|config|ttc|budgets?|actions?|action plan)\b/i.test(sheet.name.trim());
}

/** Ragbook's Status and Direction of travel columns (and SPC's two), known by the mark it left on them; never by their header text. */
function ownColumns(sheet: SheetGrid): OwnColumns | undefined {
  const marked = sheet.marks?.ownColumns;
  return marked && (marked.colCount === 2 || marked.colCount === 4) && marked.rowCount === 1 ? { col: marked.col, count: marked.colCount } : undefined;
}

function lastDataColumn(header: HeaderRow<string>, own: OwnColumns | undefined): number {
  let last = 0;
  header.texts.forEach((text, col) => {
    if (text && !isOwnColumn(own, col)) last = col;
  });
  return last;
}

/** The rows of the data: within the Excel table when the header is a table's, else to the sheet's end. */
function dataRowRange(sheet: SheetGrid, headerRow: number, col: number): number {
  const table = sheet.tables.find((t) => t.top === headerRow && t.left <= col && col <= t.right);
  return table ? Math.min(table.bottom, sheet.rows.length - 1) : sheet.rows.length - 1;
}

function isEmptyCell(cell: Cell | undefined): boolean {
  const value = cell?.value ?? null;
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function isBlankRow(cells: (Cell | undefined)[] | undefined): boolean {
  return !cells || cells.every(isEmptyCell);
}

/** Prose fields a Word table carries on to the next row. */
const CONTINUED_FIELDS = ['name', 'notes', 'lead'] as const;

/**
 * A row that only carries text on: no id and no figures, and its name (if
 * any) goes on mid-sentence ("looked after for 2.5 years") rather than
 * starting a heading.
 */
function continuesRowAbove(cells: (Cell | undefined)[], columns: FieldColumns): boolean {
  if (columns.id !== undefined && !isEmptyCell(cells[columns.id])) return false;
  const prose = new Set(CONTINUED_FIELDS.map((field) => columns[field]));
  let text = false;
  for (let col = 0; col < cells.length; col++) {
    if (isEmptyCell(cells[col])) continue;
    if (!prose.has(col)) return false;
    text = true;
  }
  const name = cellText(cells[columns.name ?? -1]);
  return text && (!name || /^[a-z(–—-]/.test(name));
}

function continueMeasure(measure: Measure, cells: (Cell | undefined)[], columns: FieldColumns): void {
  for (const field of CONTINUED_FIELDS) {
    const more = cellText(cells[columns[field] ?? -1]);
    if (more) measure[field] = measure[field] ? `${measure[field]} ${more}` : more;
  }
}

function filledCount(cells: (Cell | undefined)[]): number {
  let count = 0;
  for (const cell of cells) if (!isEmptyCell(cell)) count++;
  return count;
}

/** Reads a number cell into an observation's actual, reporting text that is not a figure. */
function readActual(obs: Observation, cell: Cell | undefined, sheet: string, row: number, col: number, issues: IssueList): void {
  // Most actuals are plain numbers: read without the general reading's objects, a million times over.
  const plain = plainCellNumber(cell);
  if (plain !== undefined) {
    obs.actual = plain;
    return;
  }
  const read = readFigure(cell);
  if (read.kind === 'number') {
    obs.actual = read.reading.value * read.reading.multiplier;
    obs.decimals = read.reading.decimals;
  } else if (read.kind === 'not-a-number') issues.add(sheet, row, col, `'${read.text}' is not a number — treated as no data`);
  else if (read.reason === 'error') issues.add(sheet, row, col, `the cell shows the error ${read.text} — treated as no data`);
  else if (cell?.formula !== undefined && read.reason === 'blank') {
    issues.add(sheet, row, col, 'the formula has no saved result (the workbook was saved without calculating) — treated as no data; open and save it in Excel');
  }
}

/** A benchmark figure from a cell, when it holds one. */
function benchmarkFigure(cell: Cell | undefined): number | undefined {
  const plain = plainCellNumber(cell);
  if (plain !== undefined) return plain;
  const read = readFigure(cell);
  return read.kind === 'number' ? read.reading.value : undefined;
}

/** Chronological order; labels that are not periods keep the sheet's order. */
function sortChronologically(items: { period?: Period; order: number }[]): void {
  items.sort((a, b) => comparePeriods(a.period, b.period) || a.order - b.order);
}

/** Makes ids unique, reporting the repeats. */
function dedupeIds(measures: Measure[], issues: IssueList): void {
  const seen = new Set<string>();
  /** Times each repeated id has been seen. */
  const repeats = new Map<string, number>();
  for (let i = 0; i < measures.length; i++) {
    const m = measures[i];
    // One set operation for the usual new id (a lookup and then a store would be two, a hundred thousand times).
    const known = seen.size;
    seen.add(m.id);
    if (seen.size > known) continue;
    const count = (repeats.get(m.id) ?? 1) + 1;
    repeats.set(m.id, count);
    const renamed = `${m.id}-${count}`;
    issues.add(m.source.sheet, m.source.row, m.idCol ?? m.source.col, `the measure id '${m.id}' is used more than once — this one is reported as '${renamed}'`);
    m.id = renamed;
  }
}

function readWide(sheet: SheetGrid, header: HeaderRow<MeasureField>, issues: IssueList): MeasuresSheet {
  const own = ownColumns(sheet);
  const headerCells = sheet.rows[header.row] ?? [];
  const periodColumns: PeriodColumn[] = [];
  const fieldCols = new Set(Object.values(header.columns));
  headerCells.forEach((cell, col) => {
    if (fieldCols.has(col) || isOwnColumn(own, col)) return;
    const pc = periodColumn(cell, col);
    if (!pc) {
      const text = cellText(cell);
      if (text && !isStatusColumnHeader(text) && looksLikePeriodOrBenchmark(text)) {
        issues.add(sheet.name, header.row, col, `the header '${text}' looks like a period or a benchmark, but Ragbook cannot read it (e.g. "Q1 2017/18", "2016/17", "Target Q1 2017/18", "England 2016/17") — column not used`);
      }
      return;
    }
    const twin = periodColumns.find((p) => p.label === pc.label && JSON.stringify(p.kind) === JSON.stringify(pc.kind));
    if (twin) {
      issues.add(sheet.name, header.row, col, `a second column for ${pc.label} — ignored; the first (${columnLetters(twin.col)}) is used`);
      return;
    }
    periodColumns.push(pc);
  });
  // Labels in the sheet's order, so unrecognised ones keep it.
  const labels: string[] = [];
  for (const pc of periodColumns) if (!labels.includes(pc.label)) labels.push(pc.label);
  // Periods in chronological order, sorted once for the sheet rather than once per measure.
  const periods = labels.map((label, order) => ({ label, order, period: parsePeriod(label) ?? periodColumns.find((p) => p.label === label)?.period }));
  sortChronologically(periods);
  const slotOf = periodColumns.map((pc) => periods.findIndex((p) => p.label === pc.label));
  /** One row's observations by period, reused from row to row. */
  const rowObservations: Observation[] = [];

  const measures: Measure[] = [];
  const dataRows: number[] = [];
  const lastRow = dataRowRange(sheet, header.row, header.columns.name ?? header.columns.id ?? 0);
  // A sheet of figures alone (no targets, tolerances or benchmarks by period: a column per period) keeps its plain rows' figures as numbers.
  const plain = periodColumns.every((pc) => pc.kind.role === 'actual')
    ? new PlainFigures(periods.map((p, slot) => ({ ...p, col: periodColumns[slotOf.indexOf(slot)].col })), Math.max(0, lastRow - header.row))
    : undefined;
  let sectionTheme: string | undefined;
  /** The measure above, which a row of carried-on text belongs to. */
  let continued: Measure | undefined;
  for (let r = header.row + 1; r <= lastRow; r++) {
    const cells = sheet.rows[r];
    if (isBlankRow(cells) || !cells) continue;
    const name = cellText(cells[header.columns.name ?? -1]) || cellText(cells[header.columns.id ?? -1]);
    if (continued && continuesRowAbove(cells, header.columns)) {
      // A table pasted from Word: the measure's text carried on to a row of its own.
      continueMeasure(continued, cells, header.columns);
      continue;
    }
    if (!name) continue;
    if (header.columns.theme === undefined && filledCount(cells) === 1) {
      // A title row between groups of measures ("Safeguarding") names the theme of the rows below.
      sectionTheme = name;
      continued = undefined;
      continue;
    }
    const at = plain ? plain.add(cells) : -1;
    const measure = readMeasureFields(sheet.name, r, cells, header.columns, issues, plain && at >= 0 ? new PlainWideMeasure(plain, at, r) : undefined);
    if (!measure.theme && sectionTheme) measure.theme = sectionTheme;
    // A theme cell merged down over its measures is blank below its first row.
    const previous = measures.at(-1);
    if (!measure.theme && header.columns.theme !== undefined && previous?.theme) measure.theme = previous.theme;
    continued = measure;
    if (at >= 0) {
      measures.push(measure);
      dataRows.push(r);
      continue;
    }
    for (let slot = 0; slot < periods.length; slot++) rowObservations[slot] = emptyObservation(periods[slot]);
    for (let i = 0; i < periodColumns.length; i++) {
      const pc = periodColumns[i];
      const obs = rowObservations[slotOf[i]];
      const cell = cells[pc.col];
      const kind = pc.kind;
      switch (kind.role) {
        case 'actual': {
          readActual(obs, cell, sheet.name, r, pc.col, issues);
          obs.row = r;
          obs.col = pc.col;
          break;
        }
        case 'target':
        case 'excellence': {
          const t = readTargetCell(cell, { sheet: sheet.name, row: r, col: pc.col }, issues, kind.role === 'target' ? 'target' : 'excellence target', measure.unit.kind);
          if (kind.role === 'excellence') {
            if (t.value !== undefined) obs.excellence = t.value;
          } else {
            if (t.value !== undefined) obs.target = t.value;
            if (t.follows) obs.follows = t.follows;
          }
          break;
        }
        case 'tolerance': {
          const text = toleranceTextOf(cell);
          if (!text) break;
          const reading = parseTolerance(text, measure.unit);
          if (reading.ok) obs.tolerance = reading.spec;
          else issues.add(sheet.name, r, pc.col, `${reading.reason} — the measure's own tolerance is used`);
          break;
        }
        case 'benchmark': {
          const figure = benchmarkFigure(cell);
          if (figure !== undefined) setBenchmark(obs, kind.benchmark, figure);
          break;
        }
        default: {
          const unreachable: never = kind;
          throw new Error(`unknown column role ${JSON.stringify(unreachable)}`);
        }
      }
    }
    for (let slot = 0; slot < rowObservations.length; slot++) {
      const obs = rowObservations[slot];
      if (obs.col !== undefined || obs.target !== undefined || obs.benchmarks !== NO_BENCHMARKS) measure.observations.push(obs);
    }
    measures.push(measure);
    dataRows.push(r);
  }
  dedupeIds(measures, issues);
  return { sheet: sheet.name, layout: 'wide', headerRow: header.row, measures, own, lastDataCol: lastDataColumn(header, own), dataRows, polarityColumn: header.columns.polarity };
}

function hasLabel(observations: readonly Observation[], label: string): boolean {
  for (let i = 0; i < observations.length; i++) if (observations[i].label === label) return true;
  return false;
}

function readLong(sheet: SheetGrid, header: HeaderRow<Exclude<LongField, 'benchmark'>>, issues: IssueList): MeasuresSheet {
  const own = ownColumns(sheet);
  const benchmarkCols: { col: number; name: string }[] = [];
  header.texts.forEach((text, col) => {
    const name = text ? readBenchmarkName(text) : undefined;
    if (name && !Object.values(header.columns).includes(col)) benchmarkCols.push({ col, name });
  });
  const byKey = new Map<string, Measure>();
  /** Each period label once, parsed, in the order the sheet first gives it. */
  const labels = new Map<string, { period?: Period; order: number }>();
  const dataRows: number[] = [];
  const { columns } = header;
  const measureColumns: FieldColumns = { ...columns };
  delete (measureColumns as Record<string, unknown>).target; // per row: the observation's own target
  const lastRow = dataRowRange(sheet, header.row, columns.period ?? 0);
  for (let r = header.row + 1; r <= lastRow; r++) {
    const cells = sheet.rows[r];
    if (isBlankRow(cells) || !cells) continue;
    const key = cellText(cells[columns.id ?? -1]) || cellText(cells[columns.name ?? -1]);
    const label = cellText(cells[columns.period ?? -1]);
    if (!key) continue;
    if (!label) {
      issues.add(sheet.name, r, columns.period, 'the row has no period — row skipped');
      continue;
    }
    let measure = byKey.get(key);
    if (!measure) {
      measure = readMeasureFields(sheet.name, r, cells, measureColumns, issues);
      byKey.set(key, measure);
    }
    let known = labels.get(label);
    if (!known) {
      known = { period: parsePeriod(label), order: labels.size };
      labels.set(label, known);
    }
    const actualCol = columns.actual ?? -1;
    // A plain number target goes in the literal: a property added afterwards costs every observation a second allocation.
    const plainTarget = columns.target === undefined ? undefined : plainCellNumber(cells[columns.target]);
    const obs: Observation =
      plainTarget === undefined
        ? { label, period: known.period, order: known.order, actual: null, row: r, col: actualCol, decimals: undefined, benchmarks: NO_BENCHMARKS }
        : { label, period: known.period, order: known.order, actual: null, row: r, col: actualCol, decimals: undefined, benchmarks: NO_BENCHMARKS, target: plainTarget };
    readActual(obs, cells[actualCol], sheet.name, r, actualCol, issues);
    if (columns.target !== undefined && plainTarget === undefined) {
      const t = readTargetCell(cells[columns.target], { sheet: sheet.name, row: r, col: columns.target }, issues, 'target', measure.unit.kind);
      if (t.value !== undefined) obs.target = t.value;
      if (t.follows) obs.follows = t.follows;
      if (t.range) {
        obs.target = (t.range[0] + t.range[1]) / 2;
        obs.tolerance = { kind: 'ends', low: t.range[0], high: t.range[1] };
      }
    }
    for (let i = 0; i < benchmarkCols.length; i++) {
      const figure = benchmarkFigure(cells[benchmarkCols[i].col]);
      if (figure !== undefined) setBenchmark(obs, benchmarkCols[i].name, figure);
    }
    if (hasLabel(measure.observations, label)) {
      issues.add(sheet.name, r, columns.period, `'${measure.name}' already has a row for ${label} — this row is ignored`);
      continue;
    }
    measure.observations.push(obs);
    dataRows.push(r);
  }
  const measures = [...byKey.values()];
  for (const m of measures) sortChronologically(m.observations);
  dedupeIds(measures, issues);
  return { sheet: sheet.name, layout: 'long', headerRow: header.row, measures, own, lastDataCol: lastDataColumn(header, own), dataRows, polarityColumn: columns.polarity };
}

/** Copies polarity, unit, target… from a measures list sheet onto long-layout measures that lack them. */
function mergeMetadata(data: MeasuresSheet, list: Measure[]): void {
  const find = (m: Measure) => list.find((l) => l.id === m.id) ?? list.find((l) => l.name.toLowerCase() === m.name.toLowerCase());
  for (const m of data.measures) {
    const meta = find(m);
    if (!meta) continue;
    for (const key of ['name', 'theme', 'strategy', 'category', 'polarity', 'target', 'follows', 'excellence', 'tolerance', 'toleranceLow', 'toleranceHigh', 'lead', 'notes'] as const) {
      if (m[key] === undefined || m[key] === '') (m as unknown as Record<string, unknown>)[key] = meta[key];
    }
    if (m.unit.label === '') m.unit = meta.unit;
  }
}

export interface ReadMeasuresResult {
  data?: MeasuresSheet;
  issues: readonly Issue[];
}

const readings = new WeakMap<WorkbookGrids, ReadMeasuresResult>();

/**
 * Reads the first sheet holding measures with data, wide or long. Read once
 * per grids and shared (a run asks several reports whether they apply, then
 * analyses with their options): treat the result as read-only.
 */
export function readMeasures(grids: WorkbookGrids): ReadMeasuresResult {
  let reading = readings.get(grids);
  if (!reading) readings.set(grids, (reading = read(grids)));
  return reading;
}

function read(grids: WorkbookGrids): ReadMeasuresResult {
  const issues = new IssueList();
  let data: MeasuresSheet | undefined;
  let list: Measure[] | undefined;
  // Visible sheets first: a hidden one is an old copy more often than the sheet the user works on.
  for (const sheet of [...grids.sheets.filter((s) => !s.hidden), ...grids.sheets.filter((s) => s.hidden)]) {
    if (isOtherSheet(sheet)) continue;
    const long = findHeaderRow(sheet, LONG_HEADERS, ['period', 'actual']);
    const wide = findHeaderRow(sheet, MEASURE_HEADERS, []);
    const hasKey = (h: HeaderRow<string>) => (h.columns as Record<string, number>).name !== undefined || (h.columns as Record<string, number>).id !== undefined;
    if (!data && long && hasKey(long)) {
      data = readLong(sheet, long, issues);
    } else if (wide && hasKey(wide)) {
      const hasPeriods = wide.texts.some((_, col) => periodColumn(sheet.rows[wide.row]?.[col], col) !== undefined);
      const sheetIssues = new IssueList();
      const read = readWide(sheet, wide, sheetIssues);
      if (hasPeriods && !data) {
        data = read;
        issues.addAll(sheetIssues.items);
      } else if (!hasPeriods && !list) {
        list = read.measures;
      }
    }
  }
  if (data && list) mergeMetadata(data, list);
  const measures = data?.measures ?? [];
  for (let i = 0; i < measures.length; i++) {
    const m = measures[i];
    if (!m.polarity && data?.polarityColumn === undefined) {
      issues.add(m.source.sheet, m.source.row, m.source.col, `'${m.name}' has no polarity (no Polarity column gives one) — measure left uncoloured, its status "Polarity unknown"`);
    }
  }
  return { data, issues: issues.items };
}
