/**
 * The Exceptions sheet (SPEC §5.6): the measures that need the committee's
 * attention with the reasons in words, their recent history, the change on
 * last year and the officer's commentary; then the measures improving but not
 * achieved. Landscape, one page wide, text wrapped.
 */
import type { CellStyle, PlanValue, SheetPlan } from '../../model/plan';
import { labelledStatusStyles } from '../apply/status-styles';
import { formatValue, sensibleDecimals } from '../commentary/format';
import { periodShown } from '../measures/period';
import type { Scheme } from '../measures/scheme';
import type { EvaluatedMeasure } from '../measures/types';
import { SheetBuilder } from '../shared/sheet-builder';
import { changeText, figureText, historyText, numberWord } from './exception-words';

/** One listed measure: the words for its own columns, worked out by the report. */
export interface ExceptionRow {
  evaluated: EvaluatedMeasure;
  /** Why it is listed, a sentence a line. */
  why: string;
  /** The officer's text from the Commentary sheet, "" when none. */
  officer: string;
}

export interface ExceptionsSheetInput {
  name: string;
  title: string;
  /** The reporting period's label. */
  period: string;
  scheme: Scheme;
  notMetPeriods: number;
  staleAfter: number;
  exceptions: ExceptionRow[];
  improvingNotMet: ExceptionRow[];
}

const HEADERS = ['Ref', 'Measure', 'Period', 'Status', 'Latest', 'Target', 'Why it is listed', 'History', 'Change on last year', 'Officer commentary'];
const STATUS_COL = 3;
/** Landscape A4, one page wide at full size (the text stays at 8 pt or more on paper). */
const WIDTHS: Record<number, number> = { 0: 8, 1: 22, 2: 13, 3: 11, 4: 9, 5: 9, 6: 32, 7: 24, 8: 22, 9: 32 };
const ROW_STYLES = ['text', 'text', 'text', 'text', 'exceptions.figure', 'exceptions.figure', 'text', 'text', 'text', 'text'];
const STYLES: Record<string, CellStyle> = {
  'exceptions.figure': { border: true, wrap: true, vertical: 'top', horizontal: 'right' },
  'exceptions.section': { bold: true, fontSize: 12, fontColour: '#833C0B' },
};

function targetText(evaluated: EvaluatedMeasure): string {
  const target = evaluated.current.target;
  return target === undefined ? 'No target' : formatValue(target, evaluated.measure.unit, sensibleDecimals(target));
}

function cells(row: ExceptionRow, orPrevious: boolean): PlanValue[] {
  const { measure, current, stale } = row.evaluated;
  return [
    measure.id,
    measure.name,
    periodShown(current.observation.label, stale),
    current.label,
    figureText(row.evaluated, current),
    targetText(row.evaluated),
    row.why,
    historyText(row.evaluated),
    changeText(row.evaluated, orPrevious),
    row.officer,
  ];
}

function section(builder: SheetBuilder, heading: string, note: string, rows: ExceptionRow[], none: string, orPrevious: boolean): void {
  builder.blank();
  builder.row([heading], 'exceptions.section');
  builder.row([note], 'note');
  builder.row(HEADERS, 'header');
  for (const row of rows) {
    const at = builder.row(cells(row, orPrevious), ROW_STYLES);
    const style = row.evaluated.current.style;
    if (style) builder.styleCell(at, STATUS_COL, `exceptions.${style}`);
  }
  if (rows.length === 0) builder.row([none], 'note');
}

export function buildExceptionsSheet(input: ExceptionsSheetInput): { sheet: SheetPlan; styles: Record<string, CellStyle> } {
  const period = input.period || 'no period';
  const builder = new SheetBuilder(input.name).title(
    `${input.title}: exceptions for ${period}`,
    `this sheet is replaced each time Ragbook runs. The officer commentary is taken from the "About…" columns of the Commentary sheet: write it there.`,
  );
  section(
    builder,
    'Exceptions',
    `Measures not met in each of their last ${numberWord(input.notMetPeriods)} periods with figures, worse than the same period last year, or whose latest figure is ${numberWord(input.staleAfter)} or more of their own periods old.`,
    input.exceptions,
    `No measure is an exception for ${period}.`,
    false,
  );
  section(
    builder,
    'Improving but not achieved',
    'Not met, but better than the same period last year (or, with no figure a year earlier, than the period before).',
    input.improvingNotMet,
    `No measure is improving but not achieved for ${period}.`,
    true,
  );
  builder.widths(WIDTHS).period(input.period).page({ orientation: 'landscape', fitToWidth: true });
  const styles = { ...STYLES, ...labelledStatusStyles(input.scheme, 'exceptions') };
  return { sheet: builder.useStyles(styles).build(), styles };
}
