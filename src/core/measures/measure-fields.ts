/**
 * The columns of a measures sheet: header wordings, and reading one row's
 * fixed fields (id, name, polarity, target, tolerance…) into a Measure.
 */
import { type Cell, isCellError } from '../../model/grid';
import type { IssueList } from '../../model/issue';
import type { HeaderSynonyms } from '../shared/headers';
import { memoByText } from '../shared/memo';
import { type CellNumber, cellText, plainCellNumber, readCellNumber } from '../shared/values';
import { readFigure } from '../wording/figure';
import { polarityInName, readPolarityWording } from '../wording/polarity';
import { readTargetWording } from '../wording/target';
import { parsePolarity, parseUnit } from './polarity';
import { parseTolerance } from './tolerance';
import type { FollowedBenchmark, Measure, Unit, UnitKind } from './types';

export type MeasureField =
  | 'id' | 'name' | 'theme' | 'strategy' | 'category' | 'unit' | 'polarity' | 'target' | 'excellence'
  | 'tolerance' | 'toleranceLow' | 'toleranceHigh' | 'lead' | 'notes' | 'rebaseAt';

export const MEASURE_HEADERS: HeaderSynonyms<MeasureField> = {
  id: ['id', 'measure id', 'ref', 'reference', 'measure ref', 'indicator id', 'indicator ref', 'kpi id', 'kpi ref', 'pi ref', 'pi', 'code', 'measure code'],
  name: ['measure', 'indicator', 'performance measure', 'kpi', 'measure name', 'indicator name', 'performance indicator', 'measure description', 'description', 'name', 'title'],
  theme: ['theme', 'outcome', 'priority', 'service area', 'area', 'outcome area', 'directorate', 'service'],
  strategy: ['strategy', 'commissioning strategy'],
  category: ['rba category', 'category', 'measure category', 'rba measure type', 'rba type'],
  unit: ['unit', 'units', 'unit of measure', 'measure type', 'type', 'format'],
  polarity: ['polarity', 'good is', 'direction', 'good performance is', 'better is', 'direction of good performance', 'what good looks like', 'good performance', 'is higher or lower better'],
  target: ['target', 'annual target', 'current target', 'year end target', 'target value'],
  excellence: ['excellence target', 'stretch target', 'excellence', 'stretch'],
  tolerance: ['tolerance', 'tolerance band', 'tolerance range', 'target range', 'threshold', 'tolerances'],
  toleranceLow: ['tolerance low', 'lower tolerance', 'low tolerance', 'tolerance lower', 'lower threshold', 'tolerance from'],
  toleranceHigh: ['tolerance high', 'upper tolerance', 'high tolerance', 'tolerance upper', 'upper threshold', 'tolerance to'],
  lead: ['officer lead', 'lead officer', 'lead', 'responsible officer', 'owner', 'accountable officer'],
  notes: ['notes', 'note', 'comments', 'comment'],
  rebaseAt: ['rebase at', 'spc rebase at', 'rebase from'],
};

/** "Children in care per 10,000" → "children-in-care-per-10-000". */
export function slugId(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'measure';
}

/**
 * A number from a target-like cell, or the benchmark it follows in words
 * ("In line with national (58%)"); other text is reported and dropped.
 */
export function readTargetCell(
  cell: Cell | undefined,
  where: { sheet: string; row: number; col: number },
  issues: IssueList,
  what: string,
  unitKind: UnitKind,
): { value?: number; follows?: FollowedBenchmark; range?: [number, number] } {
  const plain = plainCellNumber(cell);
  if (plain !== undefined) return { value: plain };
  const read = readFigure(cell);
  if (read.kind === 'number') return { value: read.reading.value };
  if (read.kind === 'no-data') {
    if (read.reason === 'error') issues.add(where.sheet, where.row, where.col, `the ${what} is the error ${read.text} — treated as no ${what}`);
    return {};
  }
  const wording = readTargetWording(read.text, unitKind);
  if (wording?.kind === 'none') return {};
  if (wording) return { follows: { ...wording.target, text: read.text, row: where.row, col: where.col } };
  const range = /^\s*(-?[\d.,]+)\s*%?\s*(?:-|–|to)\s*(-?[\d.,]+)\s*%?\s*$/.exec(read.text);
  if (range) {
    const a = Number(range[1].replace(/,/g, ''));
    const b = Number(range[2].replace(/,/g, ''));
    if (Number.isFinite(a) && Number.isFinite(b)) return { range: [Math.min(a, b), Math.max(a, b)] };
  }
  issues.add(where.sheet, where.row, where.col, `'${read.text}' is not a ${what} Ragbook can use — treated as no ${what}`);
  return {};
}

/** The column of each field a sheet has. */
export type FieldColumns = Partial<Record<MeasureField, number>>;

/** A field's text in a row, undefined when blank or when the sheet has no such column. */
function fieldText(cells: readonly (Cell | undefined)[], columns: FieldColumns, field: MeasureField): string | undefined {
  const col = columns[field];
  return (col !== undefined && cellText(cells[col])) || undefined;
}

const TEXT_FIELDS = ['theme', 'strategy', 'category', 'lead', 'notes', 'rebaseAt'] as const;
const TOLERANCE_ENDS = ['toleranceLow', 'toleranceHigh'] as const;

/**
 * Reads the fixed fields of one measure row into a Measure, its observations
 * left for the caller to add; or onto `into`, a measure that has its
 * observations already (see PlainWideMeasure).
 */
export function readMeasureFields(sheet: string, row: number, cells: readonly (Cell | undefined)[], columns: FieldColumns, issues: IssueList, into?: Pick<Measure, 'observations'>): Measure {
  const name = fieldText(cells, columns, 'name') ?? fieldText(cells, columns, 'id') ?? '';
  const unit: Unit = parseUnit(fieldText(cells, columns, 'unit'));
  const id = fieldText(cells, columns, 'id') ?? slugId(name);
  const source = { sheet, row, col: columns.name ?? columns.id ?? 0 };
  const measure: Measure = into ? Object.assign(into, { id, name, unit, source }) : { id, name, unit, source, observations: [] };
  // Indexed, not for-of: read once per measure, mostly before V8 optimises it.
  for (let i = 0; i < TEXT_FIELDS.length; i++) {
    const field = TEXT_FIELDS[i];
    const value = fieldText(cells, columns, field);
    if (value) measure[field] = value;
  }
  if (columns.id !== undefined) measure.idCol = columns.id;
  if (measure.rebaseAt) measure.rebaseCol = columns.rebaseAt;

  const polarityText = fieldText(cells, columns, 'polarity');
  const polarityCol = columns.polarity;
  const named = polarityText ? undefined : polarityInName(name);
  if (named) {
    // "Rate of Fixed Term Exclusions (smaller is better)": the polarity is in the name.
    measure.name = named.name;
    measure.polarity = named.polarity;
  } else if (polarityText) {
    measure.polarity = parsePolarity(polarityText) ?? readPolarityWording(polarityText);
    if (!measure.polarity) {
      issues.add(sheet, row, polarityCol, `'${polarityText}' is not a polarity Ragbook knows (e.g. "Higher is better", "Lower is better", "Plan is best") — measure left uncoloured, its status "Polarity unknown"`);
    }
  } else if (polarityCol !== undefined) {
    issues.add(sheet, row, polarityCol, `'${name}' has no polarity — measure left uncoloured, its status "Polarity unknown"`);
  }

  const plainTarget = columns.target === undefined ? undefined : plainCellNumber(cells[columns.target]);
  // Most targets are plain numbers: read without the general reading's objects.
  if (plainTarget !== undefined) measure.target = plainTarget;
  else if (columns.target !== undefined) {
    const target = readTargetCell(cells[columns.target], { sheet, row, col: columns.target }, issues, 'target', unit.kind);
    if (target.value !== undefined) measure.target = target.value;
    if (target.follows) measure.follows = target.follows;
    if (target.range) {
      // "43 - 47" as a target: the band itself, aimed at its middle.
      measure.target = (target.range[0] + target.range[1]) / 2;
      measure.toleranceLow = target.range[0];
      measure.toleranceHigh = target.range[1];
    }
  }
  if (columns.excellence !== undefined) {
    const excellence = readTargetCell(cells[columns.excellence], { sheet, row, col: columns.excellence }, issues, 'excellence target', unit.kind);
    if (excellence.value !== undefined) measure.excellence = excellence.value;
  }
  for (let i = 0; i < TOLERANCE_ENDS.length; i++) {
    const field = TOLERANCE_ENDS[i];
    const col = columns[field];
    if (col === undefined) continue;
    const value = readTargetCell(cells[col], { sheet, row, col }, issues, 'tolerance', unit.kind).value;
    if (value !== undefined) {
      measure[field] = value;
      measure.toleranceCol ??= col;
    }
  }
  const toleranceCol = columns.tolerance;
  if (toleranceCol !== undefined) {
    const cell = cells[toleranceCol];
    if (cell && isCellError(cell.value)) issues.add(sheet, row, toleranceCol, `the tolerance is the error ${cell.value.error} — no tolerance band used`);
    const toleranceText = toleranceTextOf(cell);
    if (toleranceText) {
      const reading = parseTolerance(toleranceText, unit);
      if (reading.ok) {
        measure.tolerance = reading.spec;
        measure.toleranceCol = toleranceCol;
      } else issues.add(sheet, row, toleranceCol, `${reading.reason} — no tolerance band used`);
    }
  }
  return measure;
}

/** Tolerance cells may hold text ("±5") or a number (5, or 5% formatted as a percentage). */
export function toleranceTextOf(cell: Cell | undefined): string | undefined {
  // The same text repeats down a sheet: each distinct text is read once.
  if (typeof cell?.value === 'string') return toleranceTextOfText(cell.value);
  return toleranceText(readCellNumber(cell));
}

const toleranceTextOfText = memoByText((text) => toleranceText(readCellNumber({ value: text })));

function toleranceText(read: CellNumber): string | undefined {
  if (read.kind === 'number') return `${read.reading.value}${read.reading.percent ? '%' : ''}`;
  if (read.kind === 'not-a-number') return read.text;
  return undefined;
}
