import type { Issue } from '../../model/issue';
import type { BenchmarkTarget } from '../wording/target';
import type { Period } from './period';
import type { ToleranceSpec } from './tolerance';
import type { Scheme, Status } from './scheme';

export type Polarity = 'higher' | 'lower' | 'band';

export type UnitKind = 'number' | 'percent' | 'rate' | 'days' | 'money';

export interface Unit {
  kind: UnitKind;
  /** As written in the workbook: "%", "Rate per 10,000", "£m"… ("" when none). */
  label: string;
  /** For rates: the population base, e.g. 10000. */
  per?: number;
  /** For counts: what is counted, when the label says ("Children", "Number of families" → "families"). */
  noun?: string;
}

/** A target written as a benchmark, with the words and the cell it was read from. */
export interface FollowedBenchmark extends BenchmarkTarget {
  text: string;
  row: number;
  col: number;
}

/** A numeric band [low, high] with low ≤ high. */
export interface Band {
  low: number;
  high: number;
}

/** Where a value sits in the workbook (0-based). */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export interface Observation {
  /** The period label as written. */
  label: string;
  /** Undefined when the label is not a recognised period. */
  period?: Period;
  /** Position in the sheet's own order (for unrecognised labels). */
  order: number;
  /** Null when there is no figure (blank, "n/a", an error…). */
  actual: number | null;
  /**
   * Where the actual is on the measures sheet (the measure's source sheet), so
   * it can be coloured; both undefined when the period has no actual column.
   * Two numbers rather than a cell object: a million observations, a million fewer objects.
   */
  row?: number;
  col?: number;
  /** Decimal places the actual is shown with (from its number format or text), when known. */
  decimals?: number;
  /** This period's own target, when the workbook gives one. */
  target?: number | null;
  /** This period's own target naming a benchmark ("In line with national", "2 points better than SN"). */
  follows?: FollowedBenchmark;
  excellence?: number | null;
  /** This period's own tolerance. */
  tolerance?: ToleranceSpec;
  toleranceLow?: number;
  toleranceHigh?: number;
  /** Benchmark name ("National", "Statistical neighbours", "CIPFA", "Region") → value. */
  benchmarks: Record<string, number>;
}

export interface Measure {
  id: string;
  name: string;
  theme?: string;
  strategy?: string;
  /** RBA category: "How much did we do?", "How well did we do it?", "Is anyone better off?". */
  category?: string;
  unit: Unit;
  /** Undefined when missing or not recognised (reported as an Issue). */
  polarity?: Polarity;
  /** The measure-level target: a number, or the benchmark it follows. */
  target?: number;
  follows?: FollowedBenchmark;
  excellence?: number;
  tolerance?: ToleranceSpec;
  toleranceLow?: number;
  toleranceHigh?: number;
  /** The column its tolerance was read from, so an Issue about the band points at that cell. */
  toleranceCol?: number;
  lead?: string;
  notes?: string;
  /** The period from which its SPC limits start again ("Rebase at" column). */
  rebaseAt?: string;
  /** The columns its id and "Rebase at" were read from, so Issues about them point at those cells. */
  idCol?: number;
  rebaseCol?: number;
  /** Row of the measure on its sheet (0-based), for added columns and issue addresses. */
  source: CellRef;
  /**
   * Chronological order (see period.ts). A plain wide measure's are made when
   * first read (see plain-figures.ts); passes over every measure read them
   * with observationsToRead instead.
   */
  observations: Observation[];
}

export type Direction = 'improving' | 'worsening' | 'no-change' | 'n/a';

/** One observation judged against its target. */
export interface Evaluation {
  observation: Observation;
  status: Status;
  /** The target used (after resolving "In line with national"); undefined when none. */
  target?: number;
  band?: Band;
  /** The scheme's label, with a note where a rule changed the colour ("Not met (improving on last year)"). */
  label: string;
  /** Fill colour, undefined for uncoloured ("No target"). */
  colour?: string;
  /** The style name for the fill in the write plan. */
  style?: string;
  /** Against the previous period. */
  direction: Direction;
  /** Against the same period last year. */
  directionYear: Direction;
  /** Against the average of the previous four periods. */
  directionLongTerm: Direction;
}

export interface EvaluatedMeasure {
  measure: Measure;
  /** Every observation, in order, judged. */
  evaluations: Evaluation[];
  /**
   * The evaluation the measure is judged on: its latest figure at or before the
   * reporting period, with that figure's own period (no-data when it has none).
   */
  current: Evaluation;
  /** How many of its own periods the judged figure lags the reporting period (0 when it is the reporting period's). */
  periodsBehind: number;
  /** The figure lags by the Settings' "Stale after" (default two) of its own periods or more: shown as "latest available". */
  stale: boolean;
}

/** Where the measures sit, so the apply report can add its columns beside them. */
export interface OwnColumns {
  col: number;
  count: number;
}

/** Whether a column is one of Ragbook's own. */
export function isOwnColumn(own: OwnColumns | undefined, col: number): boolean {
  return own !== undefined && col >= own.col && col < own.col + own.count;
}

export interface MeasuresSource {
  sheet: string;
  layout: 'wide' | 'long';
  headerRow: number;
  /**
   * Ragbook's own columns from an earlier run, known by their mark: Status and
   * Direction of travel, then Variation and Assurance when SPC columns were asked for.
   */
  own?: OwnColumns;
  /** The last column the user's data uses. */
  lastDataCol: number;
  /** Rows holding data (wide: one per measure; long: one per observation). */
  dataRows: number[];
}

export interface MeasuresAnalysis {
  /** Undefined when the workbook has no measures sheet. */
  source?: MeasuresSource;
  /** The reporting period's label. */
  period?: string;
  /** The reporting period, when its label is a recognised period. */
  reportingPeriod?: Period;
  /** Periods behind the reporting period at which a figure is stale (Settings "Stale after", default 2). */
  staleAfter: number;
  scheme: Scheme;
  measures: EvaluatedMeasure[];
  issues: Issue[];
  /** The report title from Settings, or a default. */
  title: string;
}
