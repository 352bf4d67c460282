/**
 * One priority's intelligence: the TTC block joined to its measure's data —
 * the comparator table by period, the baseline, trend, rate and forecast.
 */
import type { IssueList } from '../../model/issue';
import { readTargetWording, resolveBenchmarkTarget } from '../wording/target';
import { comparePeriods, type Period, parsePeriod, periodWord } from '../measures/period';
import type { EvaluatedMeasure, Evaluation, Observation, Unit } from '../measures/types';
import { readCellNumber, roundTo } from '../shared/values';
import { linkMeasure } from './link';
import { EXPECTED_FIELDS, TTC_FIELDS, type TtcBlock, type TtcField, type TtcValue } from './reader';
import { forecast, judgeTrend, nextPeriodLabels, rateWording, type Trend } from './trend';

/** Periods of history shown in the table and fitted by the trend. */
export const SHOWN_PERIODS = 6;
/** Periods projected "if nothing changes". */
export const FORECAST_PERIODS = 3;
/** Projections are kept to this many places (the sheet shows them as the history is shown). */
const FORECAST_DECIMALS = 4;

/** One column of the comparator table. */
export interface ComparatorColumn {
  label: string;
  la: number | null;
  statisticalNeighbours: number | null;
  england: number | null;
  baselineTarget: number | null;
  excellenceTarget: number | null;
  /** The baseline itself in the baseline column (so the dashed line starts there), then the projection. */
  forecast: number | null;
}

export interface TtcPriority {
  block: TtcBlock;
  title: string;
  measure?: EvaluatedMeasure;
  /** RBA category: the block's own, else the measure's. */
  category?: string;
  baseline?: { label: string; value: number; period?: Period };
  trend: Trend;
  rate: string;
  baselineTarget?: number;
  excellenceTarget?: number;
  /** History up to the baseline, then the forecast periods. */
  columns: ComparatorColumn[];
  /** Decimal places the figures are shown with. */
  decimals: number;
  unit?: Unit;
}

const FIELD_NAMES: Record<TtcField, string> = Object.fromEntries(
  (Object.keys(TTC_FIELDS) as TtcField[]).map((f) => [f, TTC_FIELDS[f][0]]),
) as Record<TtcField, string>;

/** The text of a field, or "" when the block does not give it. */
export function fieldText(block: TtcBlock, field: TtcField): string {
  return block.fields[field]?.text ?? '';
}

/**
 * A target from the block: a number as written, or the latest figure of the
 * benchmark it names ("In line with England").
 */
function targetNumber(value: TtcValue | undefined, block: TtcBlock, measure: EvaluatedMeasure | undefined, issues: IssueList): number | undefined {
  if (!value?.text) return undefined;
  const reading = readCellNumber(value.cell);
  if (reading.kind === 'number') return reading.reading.value * reading.reading.multiplier;
  const wording = readTargetWording(value.text, measure?.measure.unit.kind ?? 'number');
  const followed = wording?.kind === 'benchmark' ? wording.target : undefined;
  const benchmark = followed?.benchmark;
  const latest = benchmark ? [...(measure?.measure.observations ?? [])].reverse().find((o) => o.benchmarks[benchmark] !== undefined)?.benchmarks[benchmark] : undefined;
  const figure = followed && (latest ?? followed.seen);
  const target = followed && figure !== undefined ? resolveBenchmarkTarget(followed, figure, measure?.measure.polarity) : undefined;
  if (target !== undefined) return target;
  issues.add(block.sheet, value.row, value.col, `'${value.text}' is not a number${benchmark ? ` and the measure has no ${benchmark} figure` : ''} — shown as written, not drawn on the chart`);
  return undefined;
}

function checkFields(block: TtcBlock, title: string, issues: IssueList): void {
  const missing = EXPECTED_FIELDS.filter((f) => f !== 'priority' && !block.fields[f]);
  if (missing.length > 0) {
    issues.add(block.sheet, block.row, 0, `the block for '${title}' has no ${missing.map((f) => FIELD_NAMES[f]).join(', ')} — left blank on its sheet`);
  }
  for (const field of EXPECTED_FIELDS) {
    const value = block.fields[field];
    if (value && !value.text && field !== 'priority') issues.add(block.sheet, value.row, value.col, `${FIELD_NAMES[field]} is blank — left blank on its sheet`);
  }
  if (!block.fields.priority?.text) issues.add(block.sheet, block.row, 1, `the Strategic priority is blank — the sheet is called '${title}'`);
  if (block.actions.length === 0) issues.add(block.sheet, block.row, 0, `the block for '${title}' has no actions under 'Action detail' — the action plan is left empty`);
}

function findMeasure(block: TtcBlock, named: TtcValue | undefined, measures: readonly EvaluatedMeasure[], issues: IssueList): EvaluatedMeasure | undefined {
  if (!named?.text) return undefined;
  const link = linkMeasure(named.text, measures);
  switch (link.kind) {
    case 'found':
      return link.measure;
    case 'ambiguous':
      issues.add(block.sheet, named.row, named.col, `'${named.text}' matches more than one measure (${link.names.slice(0, 3).join('; ')}) — give its id; the sheet has no data`);
      return undefined;
    case 'missing':
      issues.add(block.sheet, named.row, named.col, `'${named.text}' is not a measure on the measures sheet — the sheet has no comparator table or chart`);
      return undefined;
    default: {
      const unreachable: never = link;
      return unreachable;
    }
  }
}

/**
 * A period's benchmark: its own, else that of a longer period covering it
 * (an annual England figure stands for each quarter of that year).
 */
function benchmarkFor(observations: readonly Observation[], obs: Observation, name: string): number | null {
  const own = obs.benchmarks[name];
  if (own !== undefined) return own;
  const period = obs.period;
  if (!period) return null;
  const covering = observations.find((o) => o !== obs && o.period && o.period.start <= period.start && o.period.end >= period.end && o.benchmarks[name] !== undefined);
  return covering?.benchmarks[name] ?? null;
}

function decimalsOf(values: readonly (number | null | undefined)[], stated: readonly (number | undefined)[]): number {
  const given = stated.filter((d): d is number => d !== undefined);
  if (given.length > 0) return Math.min(3, Math.max(...given));
  return values.some((v) => typeof v === 'number' && !Number.isInteger(v)) ? 1 : 0;
}

/**
 * The figure the officer chose as the baseline ("Baseline year: 2015/16"),
 * else the latest with data.
 */
function baselineEvaluation(block: TtcBlock, measure: EvaluatedMeasure, issues: IssueList): Evaluation | undefined {
  const withData = measure.evaluations.filter((e) => e.observation.actual !== null);
  const latest = withData.at(-1);
  const chosen = block.fields.baselinePeriod;
  if (!chosen?.text) return latest;
  const wanted = parsePeriod(chosen.text);
  const found = withData.find((e) => e.observation.label.toLowerCase() === chosen.text.toLowerCase() || (wanted && e.observation.period && comparePeriods(e.observation.period, wanted) === 0));
  if (!found) issues.add(block.sheet, chosen.row, chosen.col, `'${measure.measure.name}' has no figure for the baseline year '${chosen.text}' — the latest figure${latest ? `, ${latest.observation.label},` : ''} is the baseline`);
  return found ?? latest;
}

/**
 * Joins a block to its measure and works out everything its sheet shows. A
 * block with several measures gives one priority for each (`named` picks it);
 * the block's fields are checked with the first.
 */
export function analysePriority(block: TtcBlock, index: number, measures: readonly EvaluatedMeasure[], issues: IssueList, named = block.fields.measure): TtcPriority {
  const title = fieldText(block, 'priority') || `Priority ${index + 1}`;
  if (named === block.fields.measure) checkFields(block, title, issues);
  const measure = findMeasure(block, named, measures, issues);
  const baselineTarget = targetNumber(block.fields.baselineTarget, block, measure, issues);
  const excellenceTarget = targetNumber(block.fields.excellenceTarget, block, measure, issues);
  const category = fieldText(block, 'category') || measure?.measure.category;
  const base: TtcPriority = {
    block, title, trend: { direction: 'n/a', points: 0 }, rate: 'No data for this measure', columns: [], decimals: 1,
    ...(measure ? { measure, unit: measure.measure.unit } : {}),
    ...(category ? { category } : {}),
    ...(baselineTarget !== undefined ? { baselineTarget } : {}),
    ...(excellenceTarget !== undefined ? { excellenceTarget } : {}),
  };
  if (!measure) return base;

  const evaluations = measure.evaluations;
  const latest = baselineEvaluation(block, measure, issues);
  if (!latest) {
    issues.add(measure.measure.source.sheet, measure.measure.source.row, measure.measure.source.col, `'${measure.measure.name}' has no figures — its Turning the Curve sheet has no baseline, trend or chart`);
    return base;
  }
  const kind = latest.observation.period?.kind;
  const upToBaseline = evaluations.slice(0, evaluations.indexOf(latest) + 1).filter((e) => e.observation.period?.kind === kind);
  const shown = upToBaseline.slice(-SHOWN_PERIODS);
  const { polarity, unit } = measure.measure;
  const target = baselineTarget ?? latest.target;
  const points = shown.flatMap((e, x) => (e.observation.actual === null ? [] : [{ x, y: e.observation.actual }]));
  const trend = judgeTrend(points, polarity, target);
  const previous = shown.slice(0, -1).reverse().find((e) => e.observation.actual !== null);
  const baselineValue = latest.observation.actual as number;

  const history: ComparatorColumn[] = shown.map((e) => ({
    label: e.observation.label,
    la: e.observation.actual,
    statisticalNeighbours: benchmarkFor(measure.measure.observations, e.observation, 'Statistical neighbours'),
    england: benchmarkFor(measure.measure.observations, e.observation, 'England'),
    baselineTarget: e.target ?? null,
    excellenceTarget: e.observation.excellence ?? measure.measure.excellence ?? null,
    forecast: e === latest ? baselineValue : null,
  }));
  const projected = points.length >= 2 ? forecast(baselineValue, trend.slope, FORECAST_PERIODS, unit) : [];
  const future: ComparatorColumn[] = nextPeriodLabels(latest.observation.period, projected.length).map((label, i) => ({
    label,
    la: null,
    statisticalNeighbours: null,
    england: null,
    baselineTarget: baselineTarget ?? measure.measure.target ?? null,
    excellenceTarget: excellenceTarget ?? measure.measure.excellence ?? null,
    forecast: roundTo(projected[i], FORECAST_DECIMALS),
  }));
  const columns = [...history, ...future];
  const decimals = decimalsOf(columns.flatMap((c) => [c.la, c.statisticalNeighbours, c.england]), shown.map((e) => e.observation.decimals));
  const asShown = (v: number | null | undefined) => (v === null || v === undefined ? null : roundTo(v, decimals));
  return {
    ...base,
    baseline: { label: latest.observation.label, value: baselineValue, ...(latest.observation.period ? { period: latest.observation.period } : {}) },
    trend,
    rate: rateWording(asShown(baselineValue), asShown(previous?.observation.actual), polarity, periodWord(latest.observation.period?.kind), target),
    columns,
    decimals,
  };
}
