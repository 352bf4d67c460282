/**
 * Finds the measures in a workbook: a wide sheet (one row per measure, one
 * column per period) or a long one (one row per observation), read by header
 * names wherever the header row is.
 */
import type { Cell, SheetGrid, WorkbookGrids } from '../../model/grid';
import { columnLetters } from '../../model/address';
import { IssueList } from '../../model/issue';
import { findHeaderRow, type HeaderRow, type HeaderSynonyms } from '../shared/headers';
import { isGeneratedSheet } from '../shared/sheet-builder';
import { cellText, readCellNumber } from '../shared/values';
import { matchBenchmark } from './benchmarks';
import { MEASURE_HEADERS, type MeasureField, readMeasureFields, readTargetCell, toleranceTextOf } from './measure-fields';
import { comparePeriods, type Period, parsePeriod } from './period';
import { OWN_DIRECTION_HEADER, OWN_STATUS_HEADER, type PeriodColumn, periodColumn } from './period-columns';
import { parseTolerance } from './tolerance';
import type { Measure, MeasuresSource, Observation } from './types';

type OwnColumns = MeasuresSource['own'];

/**
 * Shared by every observation without benchmark figures (most of them): one
 * object instead of a million. Frozen, so it is replaced, never filled.
 */
const NO_BENCHMARKS: Record<string, number> = Object.freeze({});

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

function ownColumns(header: HeaderRow<string>): OwnColumns {
  const own: OwnColumns = {};
  header.texts.forEach((text, col) => {
    if (OWN_STATUS_HEADER.test(text ?? '')) own.status ??= col;
    if (OWN_DIRECTION_HEADER.test(text ?? '')) own.direction ??= col;
  });
  return own;
}

function lastDataColumn(header: HeaderRow<string>, own: OwnColumns): number {
  let last = 0;
  header.texts.forEach((text, col) => {
    if (text && col !== own.status && col !== own.direction) last = col;
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

/** Reads a number cell for an observation, reporting text that is not a figure. */
function readActual(cell: Cell | undefined, sheet: string, row: number, col: number, issues: IssueList): { actual: number | null; decimals?: number } {
  const read = readCellNumber(cell);
  if (read.kind === 'number') return { actual: read.reading.value * read.reading.multiplier, decimals: read.reading.decimals };
  if (read.kind === 'not-a-number') issues.add(sheet, row, col, `'${read.text}' is not a number — treated as no data`);
  else if (read.reason === 'error') issues.add(sheet, row, col, `the cell shows the error ${read.text} — treated as no data`);
  else if (cell?.formula !== undefined && read.reason === 'blank') {
    issues.add(sheet, row, col, 'the formula has no saved result (the workbook was saved without calculating) — treated as no data; open and save it in Excel');
  }
  return { actual: null };
}

function fieldCells<F extends string>(cells: (Cell | undefined)[], columns: Partial<Record<F, number>>): Partial<Record<F, { cell: Cell | undefined; col: number }>> {
  const out: Partial<Record<F, { cell: Cell | undefined; col: number }>> = {};
  for (const [field, col] of Object.entries(columns) as [F, number][]) out[field] = { cell: cells[col], col };
  return out;
}

function sortObservations(observations: Observation[]): void {
  observations.sort((a, b) => comparePeriods(a.period, b.period) || a.order - b.order);
}

/** Makes ids unique, reporting the repeats. */
function dedupeIds(measures: Measure[], issues: IssueList): void {
  const seen = new Map<string, number>();
  for (const m of measures) {
    const count = (seen.get(m.id) ?? 0) + 1;
    seen.set(m.id, count);
    if (count > 1) {
      const renamed = `${m.id}-${count}`;
      issues.add(m.source.sheet, m.source.row, m.source.col, `the measure id '${m.id}' is used more than once — this one is reported as '${renamed}'`);
      m.id = renamed;
    }
  }
}

function readWide(sheet: SheetGrid, header: HeaderRow<MeasureField>, issues: IssueList): MeasuresSheet {
  const own = ownColumns(header);
  const headerCells = sheet.rows[header.row] ?? [];
  const periodColumns: PeriodColumn[] = [];
  const fieldCols = new Set(Object.values(header.columns));
  headerCells.forEach((cell, col) => {
    if (fieldCols.has(col)) return;
    const pc = periodColumn(cell, col);
    if (!pc) return;
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
  const periodOf = new Map(labels.map((label) => [label, parsePeriod(label) ?? periodColumns.find((p) => p.label === label)?.period]));
  const slotOf = periodColumns.map((pc) => labels.indexOf(pc.label));

  const measures: Measure[] = [];
  const dataRows: number[] = [];
  const lastRow = dataRowRange(sheet, header.row, header.columns.name ?? header.columns.id ?? 0);
  let sectionTheme: string | undefined;
  for (let r = header.row + 1; r <= lastRow; r++) {
    const cells = sheet.rows[r];
    if (isBlankRow(cells) || !cells) continue;
    const name = cellText(cells[header.columns.name ?? -1]) || cellText(cells[header.columns.id ?? -1]);
    const filled = cells.reduce((n, c) => (isEmptyCell(c) ? n : n + 1), 0);
    if (!name) continue;
    if (filled === 1 && header.columns.theme === undefined) {
      // A title row between groups of measures ("Safeguarding") names the theme of the rows below.
      sectionTheme = name;
      continue;
    }
    const fields = readMeasureFields(sheet.name, r, fieldCells(cells, header.columns), issues);
    if (!fields.theme && sectionTheme) fields.theme = sectionTheme;
    // cell and decimals are in the literal (undefined until read) so V8 keeps them inside the object.
    const observations: Observation[] = labels.map((label, order) => ({ label, period: periodOf.get(label), order, actual: null, cell: undefined, decimals: undefined, benchmarks: NO_BENCHMARKS }));
    for (const [i, pc] of periodColumns.entries()) {
      const obs = observations[slotOf[i]];
      const cell = cells[pc.col];
      const kind = pc.kind;
      switch (kind.role) {
        case 'actual': {
          const { actual, decimals } = readActual(cell, sheet.name, r, pc.col, issues);
          obs.actual = actual;
          obs.cell = { sheet: sheet.name, row: r, col: pc.col };
          if (decimals !== undefined) obs.decimals = decimals;
          break;
        }
        case 'target':
        case 'excellence': {
          const t = readTargetCell(cell, { sheet: sheet.name, row: r, col: pc.col }, issues, kind.role === 'target' ? 'target' : 'excellence target');
          if (kind.role === 'excellence') {
            if (t.value !== undefined) obs.excellence = t.value;
          } else {
            if (t.value !== undefined) obs.target = t.value;
            if (t.benchmark) obs.targetText = t.benchmark;
          }
          break;
        }
        case 'tolerance': {
          const text = toleranceTextOf(cell);
          if (!text) break;
          const reading = parseTolerance(text, fields.unit);
          if (reading.ok) obs.tolerance = reading.spec;
          else issues.add(sheet.name, r, pc.col, `${reading.reason} — the measure's own tolerance is used`);
          break;
        }
        case 'benchmark': {
          const read = readCellNumber(cell);
          if (read.kind === 'number') setBenchmark(obs, kind.benchmark, read.reading.value);
          break;
        }
        default: {
          const unreachable: never = kind;
          throw new Error(`unknown column role ${JSON.stringify(unreachable)}`);
        }
      }
    }
    const measure: Measure = { ...fields, observations: observations.filter((o) => o.cell || o.target !== undefined || o.benchmarks !== NO_BENCHMARKS) };
    sortObservations(measure.observations);
    measures.push(measure);
    dataRows.push(r);
  }
  dedupeIds(measures, issues);
  return { sheet: sheet.name, layout: 'wide', headerRow: header.row, measures, own, lastDataCol: lastDataColumn(header, own), dataRows, polarityColumn: header.columns.polarity };
}

function readLong(sheet: SheetGrid, header: HeaderRow<Exclude<LongField, 'benchmark'>>, issues: IssueList): MeasuresSheet {
  const own = ownColumns(header);
  const benchmarkCols: { col: number; name: string }[] = [];
  header.texts.forEach((text, col) => {
    const name = text ? matchBenchmark(text) : undefined;
    if (name && !Object.values(header.columns).includes(col)) benchmarkCols.push({ col, name });
  });
  const byKey = new Map<string, Measure>();
  /** Each period label once, parsed, in the order the sheet first gives it. */
  const labels = new Map<string, { period?: Period; order: number }>();
  const dataRows: number[] = [];
  const { columns } = header;
  const measureColumns: Partial<Record<MeasureField, number>> = { ...columns };
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
      measure = { ...readMeasureFields(sheet.name, r, fieldCells(cells, measureColumns), issues), observations: [] };
      byKey.set(key, measure);
    }
    let known = labels.get(label);
    if (!known) {
      known = { period: parsePeriod(label), order: labels.size };
      labels.set(label, known);
    }
    const obs: Observation = { label, period: known.period, order: known.order, actual: null, benchmarks: NO_BENCHMARKS };
    const actualCol = columns.actual ?? -1;
    const { actual, decimals } = readActual(cells[actualCol], sheet.name, r, actualCol, issues);
    obs.actual = actual;
    obs.cell = { sheet: sheet.name, row: r, col: actualCol };
    if (decimals !== undefined) obs.decimals = decimals;
    if (columns.target !== undefined) {
      const t = readTargetCell(cells[columns.target], { sheet: sheet.name, row: r, col: columns.target }, issues, 'target');
      if (t.value !== undefined) obs.target = t.value;
      if (t.benchmark) obs.targetText = t.benchmark;
      if (t.range) {
        obs.target = (t.range[0] + t.range[1]) / 2;
        obs.tolerance = { kind: 'ends', low: t.range[0], high: t.range[1] };
      }
    }
    for (const { col, name } of benchmarkCols) {
      const read = readCellNumber(cells[col]);
      if (read.kind === 'number') setBenchmark(obs, name, read.reading.value);
    }
    if (measure.observations.some((o) => o.label === obs.label)) {
      issues.add(sheet.name, r, columns.period, `'${measure.name}' already has a row for ${label} — this row is ignored`);
      continue;
    }
    measure.observations.push(obs);
    dataRows.push(r);
  }
  const measures = [...byKey.values()];
  for (const m of measures) sortObservations(m.observations);
  dedupeIds(measures, issues);
  return { sheet: sheet.name, layout: 'long', headerRow: header.row, measures, own, lastDataCol: lastDataColumn(header, own), dataRows, polarityColumn: columns.polarity };
}

/** Copies polarity, unit, target… from a measures list sheet onto long-layout measures that lack them. */
function mergeMetadata(data: MeasuresSheet, list: Measure[]): void {
  const find = (m: Measure) => list.find((l) => l.id === m.id) ?? list.find((l) => l.name.toLowerCase() === m.name.toLowerCase());
  for (const m of data.measures) {
    const meta = find(m);
    if (!meta) continue;
    for (const key of ['name', 'theme', 'strategy', 'category', 'polarity', 'target', 'targetText', 'excellence', 'tolerance', 'toleranceLow', 'toleranceHigh', 'lead', 'notes'] as const) {
      if (m[key] === undefined || m[key] === '') (m as unknown as Record<string, unknown>)[key] = meta[key];
    }
    if (m.unit.label === '') m.unit = meta.unit;
  }
}

export interface ReadMeasuresResult {
  data?: MeasuresSheet;
  issues: IssueList;
}

/** Reads the first sheet holding measures with data, wide or long. */
export function readMeasures(grids: WorkbookGrids): ReadMeasuresResult {
  const issues = new IssueList();
  let data: MeasuresSheet | undefined;
  let list: Measure[] | undefined;
  for (const sheet of grids.sheets) {
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
  for (const m of data?.measures ?? []) {
    if (!m.polarity && data?.polarityColumn === undefined) {
      issues.add(m.source.sheet, m.source.row, m.source.col, `'${m.name}' has no polarity (no Polarity column gives one) — measure left uncoloured`);
    }
  }
  return { data, issues };
}
