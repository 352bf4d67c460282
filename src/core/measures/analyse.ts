/**
 * From grids to judged measures: read the measures and settings, pick the
 * reported period, and classify every observation.
 */
import type { WorkbookGrids } from '../../model/grid';
import { IssueList } from '../../model/issue';
import { UnknownPeriodError } from '../errors';
import type { ReportOptions } from '../report';
import { readSettingsSheet } from '../shared/settings-sheet';
import { roundTo } from '../shared/values';
import { type MeasureSettings, readMeasureSettings } from './measure-settings';
import { comparePeriods, endsByPeriod, indexOfPreviousOfKind, indexOfSamePeriodLastYear, type Period, periodsBehind } from './period';
import { lastingObservation, observationCount, observationsToRead, type PeriodSlot, plainSlotsOf } from './plain-figures';
import { readMeasures } from './read-measures';
import { type Scheme, STATUSES, type Status, statusStyleName } from './scheme';
import { classifyFigure, directionOfTravel } from './status';
import { bandFromColumns, parseTolerance, resolveBand } from './tolerance';
import { describeBenchmarkTarget, resolveBenchmarkTarget } from '../wording/target';
import type { Band, Direction, EvaluatedMeasure, Evaluation, FollowedBenchmark, Measure, MeasuresAnalysis, Observation, Unit } from './types';

/** Style name of a not-met result shown amber because it improved on last year. */
export const IMPROVING_STYLE = 'status.not-met-improving';

function shown(obs: Observation): number | null {
  if (obs.actual === null) return null;
  return obs.decimals === undefined ? obs.actual : roundTo(obs.actual, obs.decimals);
}

/** The benchmark an observation's target follows ("In line with national" → "England"), when it has no figure of its own. */
function followedBenchmark(measure: Measure, obs: Observation): FollowedBenchmark | undefined {
  if (obs.target !== undefined && obs.target !== null) return undefined;
  return obs.follows ?? measure.follows;
}

/**
 * A benchmark's figure for an observation: the same period's, or the latest
 * published before it (national figures come out yearly), with its period.
 */
function benchmarkFigure(observations: readonly Observation[], index: number, benchmark: string): { value: number; label: string } | undefined {
  const obs = observations[index];
  for (let i = index; i >= 0; i--) {
    const earlier = observations[i];
    const value = earlier.benchmarks[benchmark];
    if (value !== undefined && (i === index || !obs.period || !earlier.period || earlier.period.end <= obs.period.end)) return { value, label: earlier.label };
  }
  return undefined;
}

/** A target in words with a figure to work from ("2 points better than national"), which only a polarity could settle. */
function hasTargetBarPolarity(measure: Measure, observations: readonly Observation[], index: number): boolean {
  const follows = followedBenchmark(measure, observations[index]);
  return follows !== undefined && (follows.seen !== undefined || benchmarkFigure(observations, index, follows.benchmark) !== undefined);
}

/**
 * The target for one observation: its own, else the measure's. A target that
 * follows a benchmark is worked out from that benchmark's figure in the
 * workbook or, when the workbook has none, from the figure quoted in the
 * wording ("In line with national (58%)"); undefined when there is neither.
 */
function targetFor(measure: Measure, observations: readonly Observation[], index: number): number | undefined {
  const obs = observations[index];
  if (obs.target !== undefined && obs.target !== null) return obs.target;
  const follows = followedBenchmark(measure, obs);
  if (!follows) return measure.target;
  const figure = benchmarkFigure(observations, index, follows.benchmark)?.value ?? follows.seen;
  return figure === undefined ? undefined : resolveBenchmarkTarget(follows, figure, measure.polarity);
}

function withUnit(value: number, unit: Unit): string {
  return `${roundTo(value, 4)}${unit.kind === 'percent' ? '%' : ''}`;
}

/** Says how a target in words was read for the reported period, or why it could not be. */
function explainFollowedTarget(measure: Measure, observations: readonly Observation[], index: number, target: number | undefined, issues: IssueList): void {
  const obs = observations[index];
  const follows = followedBenchmark(measure, obs);
  if (!follows) return;
  const figure = benchmarkFigure(observations, index, follows.benchmark);
  const sheet = measure.source.sheet;
  if (figure && follows.seen !== undefined && roundTo(figure.value, decimalsOf(follows.seen)) !== follows.seen) {
    issues.add(sheet, follows.row, follows.col, `'${follows.text}' quotes ${withUnit(follows.seen, measure.unit)}, but the workbook's ${follows.benchmark} figure for ${figure.label} is ${withUnit(figure.value, measure.unit)} — the workbook's figure is used`);
  }
  if (target === undefined) {
    if (figure || follows.seen !== undefined) {
      issues.add(sheet, follows.row, follows.col, `'${follows.text}' needs to know whether higher or lower is better, and '${measure.name}' does not say — shown as "Polarity unknown"`);
    }
    return;
  }
  const source = figure ? `the ${follows.benchmark} value for ${figure.label}` : `the ${follows.benchmark} value quoted in the cell (the workbook has no ${follows.benchmark} column)`;
  const reading = follows.offset ? `${describeBenchmarkTarget(follows, measure.unit.kind)}, from ${source} of ${withUnit(figure?.value ?? follows.seen ?? target, measure.unit)}` : source;
  issues.add(sheet, follows.row, follows.col, `read '${follows.text}' as ${withUnit(target, measure.unit)}, ${reading}`);
}

function decimalsOf(value: number): number {
  const text = String(value);
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

function bandFor(measure: Measure, obs: Observation, target: number | undefined, settings: MeasureSettings): Band | undefined {
  const spec = obs.tolerance ?? measure.tolerance;
  if (spec) return resolveBand(spec, target, measure.polarity);
  const columns = bandFromColumns(measure.toleranceLow, measure.toleranceHigh, target);
  if (columns) return columns;
  const fallback = settings.defaultTolerance && parseTolerance(settings.defaultTolerance.text, measure.unit);
  if (fallback?.ok) return resolveBand(fallback.spec, target, measure.polarity);
  return undefined;
}

/** Where the four earlier periods of the same kind as `index`'s start (the long-term view's window). */
function longTermStart(observations: readonly Observation[], index: number): number {
  const kind = observations[index].period?.kind;
  let from = index;
  for (let seen = 0; from > 0 && seen < 4; ) if (observations[--from].period?.kind === kind) seen++;
  return from;
}

/**
 * Which earlier observations each one is compared with: the previous period
 * of its kind, the same period last year, the start of its long-term window.
 * They depend on the periods alone, and every measure of a wide sheet has the
 * same ones: worked out again only when a measure's periods differ from the last's.
 */
class PeriodLinks {
  private readonly periods: (Period | undefined)[] = [];
  readonly previous: number[] = [];
  readonly lastYear: number[] = [];
  readonly longTermFrom: number[] = [];

  fit(observations: readonly Observation[]): void {
    const n = observations.length;
    let same = this.periods.length === n;
    for (let i = 0; same && i < n; i++) same = this.periods[i] === observations[i].period;
    if (same) return;
    this.periods.length = n;
    for (let i = 0; i < n; i++) {
      this.periods[i] = observations[i].period;
      this.previous[i] = indexOfPreviousOfKind(observations, i);
      this.lastYear[i] = indexOfSamePeriodLastYear(observations, i);
      this.longTermFrom[i] = longTermStart(observations, i);
    }
  }
}

/** The average of the last four earlier figures of the same kind (at least two of them present), for the long-term view. */
function longTermAverage(observations: readonly Observation[], figures: readonly (number | null)[], index: number, from: number): number | null {
  const kind = observations[index].period?.kind;
  let sum = 0;
  let count = 0;
  for (let i = from; i < index; i++) {
    const value = figures[i];
    if (value !== null && observations[i].period?.kind === kind) {
      sum += value;
      count++;
    }
  }
  return count >= 2 ? sum / count : null;
}

/** How one observation is shown: its status, label, fill and style, one of eight per scheme. */
interface Look {
  status: Status;
  label: string;
  colour: string | undefined;
  style: string | undefined;
}

/** The looks by code: the statuses in STATUSES order, then "not met" shown amber for improving on last year. */
function schemeLooks(scheme: Scheme): Look[] {
  const looks: Look[] = STATUSES.map((status) => {
    const look = scheme.looks[status];
    return { status, label: look.label, colour: look.colour || undefined, style: look.colour ? statusStyleName(status) : undefined };
  });
  looks.push({ status: 'not-met', label: `${scheme.looks['not-met'].label} (improving on last year)`, colour: scheme.looks['within-tolerance'].colour, style: IMPROVING_STYLE });
  return looks;
}

const IMPROVING_LOOK = STATUSES.length;
const DIRECTIONS: readonly Direction[] = ['n/a', 'improving', 'worsening', 'no-change'];

/*
 * A judgement packed in a number: the look (3 bits), then the directions
 * against the previous period, last year and the long term (2 bits each). A
 * million observations are judged into one array of numbers; their Evaluation
 * objects are built only for the reports that read them.
 */
const LOOK_BITS = 0b111;
const DIRECTION_SHIFT = 3;
const YEAR_SHIFT = 5;
const LONG_TERM_SHIFT = 7;

/** Judges one observation, given its target and band. `figures` holds every observation's figure as shown. */
function judge(
  measure: Measure,
  observations: readonly Observation[],
  index: number,
  target: number | undefined,
  band: Band | undefined,
  figures: readonly (number | null)[],
  links: PeriodLinks,
  settings: MeasureSettings,
): number {
  const { polarity } = measure;
  const obs = observations[index];
  let status = classifyFigure(obs.actual, target, band, polarity, obs.decimals);
  if (status === 'no-target' && polarity === undefined && hasTargetBarPolarity(measure, observations, index)) status = 'polarity-unknown';
  const now = figures[index];
  const previous = links.previous[index];
  const direction = directionOfTravel(now, previous < 0 ? undefined : figures[previous], polarity, band, target);
  const lastYear = links.lastYear[index];
  const directionYear = directionOfTravel(now, lastYear < 0 ? null : figures[lastYear], polarity, band, target);
  const directionLongTerm = directionOfTravel(now, longTermAverage(observations, figures, index, links.longTermFrom[index]), polarity, band, target);
  const look = status === 'not-met' && settings.amberWhenImproving && directionYear === 'improving' ? IMPROVING_LOOK : STATUSES.indexOf(status);
  return look | (DIRECTIONS.indexOf(direction) << DIRECTION_SHIFT) | (DIRECTIONS.indexOf(directionYear) << YEAR_SHIFT) | (DIRECTIONS.indexOf(directionLongTerm) << LONG_TERM_SHIFT);
}

function evaluation(obs: Observation, code: number, looks: readonly Look[], target: number | undefined, band: Band | undefined): Evaluation {
  const { status, label, colour, style } = looks[code & LOOK_BITS];
  const direction = DIRECTIONS[(code >> DIRECTION_SHIFT) & 3];
  const directionYear = DIRECTIONS[(code >> YEAR_SHIFT) & 3];
  const directionLongTerm = DIRECTIONS[(code >> LONG_TERM_SHIFT) & 3];
  // Every field in one literal, absent ones undefined: V8 then keeps them all inside the object,
  // where fields added afterwards need a second allocation (a million evaluations, a million more objects).
  return { observation: obs, status, target, band, label, colour, style, direction, directionYear, directionLongTerm };
}

/**
 * The bands of one measure's periods: most share the measure's own tolerance
 * and target, and one band object serves them all. One cursor is reused from
 * measure to measure.
 */
class MeasureBands {
  private measure: Measure | undefined;
  private shared = false;
  private target: number | undefined;
  private band: Band | undefined;

  constructor(private readonly settings: MeasureSettings) {}

  reset(measure: Measure): void {
    this.measure = measure;
    this.shared = false;
  }

  at(obs: Observation, target: number | undefined): Band | undefined {
    const measure = this.measure as Measure;
    if (obs.tolerance) return bandFor(measure, obs, target, this.settings);
    if (!this.shared || this.target !== target) {
      this.shared = true;
      this.target = target;
      this.band = bandFor(measure, obs, target, this.settings);
    }
    return this.band;
  }
}

/** Every observation of the analysis judged, packed (see `judge`), with what it takes to build their Evaluations. */
interface Judgements {
  codes: Uint16Array;
  looks: readonly Look[];
  /** What the measures sheet shows, by a code's look and direction: a few dozen objects shared by a million figures. */
  shown: readonly ShownJudgement[];
  settings: MeasureSettings;
}

const SHOWN_BITS = 0b11111;

function judgements(count: number, scheme: Scheme, settings: MeasureSettings): Judgements {
  const looks = schemeLooks(scheme);
  const shown: ShownJudgement[] = [];
  for (let code = 0; code <= SHOWN_BITS; code++) {
    const { status, label, colour, style } = looks[code & LOOK_BITS];
    shown.push({ status, label, colour, style, direction: DIRECTIONS[code >> DIRECTION_SHIFT] });
  }
  return { codes: new Uint16Array(count), looks, shown, settings };
}

/** What the measures sheet shows of one judged observation. */
export type ShownJudgement = Pick<Evaluation, 'status' | 'label' | 'colour' | 'style' | 'direction'>;

/**
 * A measure with its observations judged. Its Evaluations are built on first
 * reading (the measures sheet needs only each figure's look, from
 * `shownJudgement`), the judged one (`current`) among them.
 */
class JudgedMeasure implements EvaluatedMeasure {
  private built: Evaluation[] | undefined;

  constructor(
    readonly measure: Measure,
    readonly current: Evaluation,
    private readonly currentIndex: number,
    readonly periodsBehind: number,
    readonly stale: boolean,
    private readonly judgements: Judgements,
    private readonly from: number,
  ) {}

  get evaluations(): Evaluation[] {
    this.built ??= this.build();
    return this.built;
  }

  private build(): Evaluation[] {
    const { measure, judgements, from } = this;
    const observations = measure.observations;
    const bands = new MeasureBands(judgements.settings);
    bands.reset(measure);
    const evaluations: Evaluation[] = [];
    for (let index = 0; index < observations.length; index++) {
      const obs = observations[index];
      const target = targetFor(measure, observations, index);
      const band = bands.at(obs, target);
      evaluations.push(index === this.currentIndex ? this.current : evaluation(obs, judgements.codes[from + index], judgements.looks, target, band));
    }
    return evaluations;
  }

  shown(index: number): ShownJudgement {
    return this.judgements.shown[this.judgements.codes[this.from + index] & SHOWN_BITS];
  }
}

/** What the measures sheet shows of a measure's observation `index`, without building its Evaluation where it can. */
export function shownJudgement(evaluated: EvaluatedMeasure, index: number): ShownJudgement {
  return evaluated instanceof JudgedMeasure ? evaluated.shown(index) : evaluated.evaluations[index];
}

/** The reporting period: the one asked for, else the latest with any actual. */
function reportedPeriod(measures: Measure[], settings: MeasureSettings, issues: IssueList, settingsSheet: string): Observation | undefined {
  // One representative observation per label (the first with an actual, if any): labels are few, observations many.
  const byLabel = new Map<string, Observation>();
  const hasFigure = (label: string) => (byLabel.get(label)?.actual ?? null) !== null;
  /** A wide sheet's period columns once each has a figure: its plain measures after that cannot change a representative, and are not read. */
  let settled: readonly PeriodSlot[] | undefined;
  // Indexed loops in this file's passes over every measure: they run once, mostly before V8 optimises them, where for-of costs five times as much.
  for (let m = 0; m < measures.length; m++) {
    const slots = plainSlotsOf(measures[m]);
    if (slots !== undefined && slots === settled) continue;
    const observations = observationsToRead(measures[m]);
    for (let i = 0; i < observations.length; i++) {
      const o = observations[i];
      const seen = byLabel.get(o.label);
      if (!seen || (seen.actual === null && o.actual !== null)) byLabel.set(o.label, lastingObservation(measures[m], observations, i));
    }
    if (slots !== undefined && slots.every((slot) => hasFigure(slot.label))) settled = slots;
  }
  const all = [...byLabel.values()];
  if (settings.period) {
    const wanted = settings.period.label.replace(/\s+/g, ' ').trim().toLowerCase();
    const found = all.find((o) => o.label.replace(/\s+/g, ' ').toLowerCase() === wanted);
    if (found) return found;
    const message = `the workbook has no period '${settings.period.label}' (it has ${all.map((o) => o.label).slice(-8).join(', ') || 'none'})`;
    if (settings.period.from === 'options') throw new UnknownPeriodError(message);
    issues.add(settingsSheet, undefined, undefined, `${message} — the latest period is reported instead`);
  }
  const withData = all.filter((o) => o.actual !== null);
  if (withData.length === 0) return all.at(-1);
  return withData.reduce((latest, o) => ((comparePeriods(o.period, latest.period) || o.order - latest.order) > 0 ? o : latest));
}

/**
 * The observation a measure is judged on: its figure for the reporting period
 * itself, else its latest at or before it (a quarterly measure published to
 * Q2, an annual one a year behind), else the reporting period's own empty one
 * (-1 when it has none). Labels that are not recognised periods only match themselves.
 */
function judgedIndex(observations: readonly Observation[], label: string | undefined, reporting: Period | undefined): number {
  let own = -1;
  for (let i = 0; i < observations.length && own < 0; i++) if (observations[i].label === label) own = i;
  if (own >= 0 && observations[own].actual !== null) return own;
  if (!reporting) return own;
  for (let i = observations.length - 1; i >= 0; i--) {
    const obs = observations[i];
    if (obs.actual !== null && obs.period && endsByPeriod(obs.period, reporting)) return i;
  }
  return own;
}

/** Better than the same period last year where there is a figure for it, otherwise better than the previous period. */
export function isImproving(evaluation: Evaluation): boolean {
  return evaluation.directionYear !== 'n/a' ? evaluation.directionYear === 'improving' : evaluation.direction === 'improving';
}

function noDataEvaluation(label: string, scheme: Scheme, measure: Measure): Evaluation {
  return {
    observation: { label, order: -1, actual: null, benchmarks: {} },
    status: 'no-data',
    label: scheme.looks['no-data'].label,
    colour: scheme.looks['no-data'].colour,
    style: statusStyleName('no-data'),
    direction: 'n/a',
    directionYear: 'n/a',
    directionLongTerm: 'n/a',
    ...(measure.target !== undefined ? { target: measure.target } : {}),
  };
}

function formatBand(band: Band): string {
  const f = (n: number) => String(roundTo(n, 4));
  return `${f(band.low)}–${f(band.high)}`;
}

const analyses = new WeakMap<WorkbookGrids, Map<string, MeasuresAnalysis>>();

/**
 * Reads and judges the workbook's measures. The result is shared by every
 * report (and the Summary sheet) run on the same grids with the same options,
 * so a big workbook is analysed once; treat it as read-only.
 */
export function analyseMeasures(grids: WorkbookGrids, options: ReportOptions): MeasuresAnalysis {
  const key = JSON.stringify([options.scheme, options.period, options.today]);
  const known = analyses.get(grids) ?? new Map<string, MeasuresAnalysis>();
  analyses.set(grids, known);
  const cached = known.get(key);
  if (cached) return cached;
  const analysis = analyse(grids, options);
  known.set(key, analysis);
  return analysis;
}

function analyse(grids: WorkbookGrids, options: ReportOptions): MeasuresAnalysis {
  const settingsSheet = readSettingsSheet(grids);
  const reading = readMeasures(grids);
  const data = reading.data;
  const issues = new IssueList();
  issues.addAll(reading.issues);
  const settings = readMeasureSettings(settingsSheet, options, issues);
  const scheme = settings.scheme;
  const measures = data?.measures ?? [];
  const reporting = reportedPeriod(measures, settings, issues, settingsSheet.sheet?.name ?? 'Settings');
  const period = reporting?.label;
  if (settings.defaultTolerance && measures.length > 0) {
    const reading = parseTolerance(settings.defaultTolerance.text, measures[0].unit);
    if (!reading.ok) issues.add(settingsSheet.sheet?.name ?? 'Settings', settings.defaultTolerance.row, 1, `${reading.reason} — no default tolerance used`);
  }

  let count = 0;
  for (let m = 0; m < measures.length; m++) count += observationCount(measures[m]);
  const judgedAll = judgements(count, scheme, settings);
  const bands = new MeasureBands(settings);
  const links = new PeriodLinks();
  /** Each observation's figure as shown, for one measure at a time. */
  const figures: (number | null)[] = [];
  const evaluated: EvaluatedMeasure[] = [];
  let from = 0;
  for (let m = 0; m < measures.length; m++) {
    const measure = measures[m];
    const observations = observationsToRead(measure);
    for (let index = 0; index < observations.length; index++) figures[index] = shown(observations[index]);
    const currentIndex = judgedIndex(observations, period, reporting?.period);
    let found: Evaluation | undefined;
    bands.reset(measure);
    links.fit(observations);
    for (let index = 0; index < observations.length; index++) {
      const target = targetFor(measure, observations, index);
      const band = bands.at(observations[index], target);
      const code = judge(measure, observations, index, target, band, figures, links, settings);
      judgedAll.codes[from + index] = code;
      if (index === currentIndex) found = evaluation(lastingObservation(measure, observations, index), code, judgedAll.looks, target, band);
    }
    const current = found ?? noDataEvaluation(period ?? '', scheme, measure);
    const judged = current.observation.actual !== null ? current.observation.period : undefined;
    const behind = judged && reporting?.period ? periodsBehind(judged, reporting.period) : 0;
    const follows = found ? followedBenchmark(measure, found.observation) : undefined;
    if (follows && found) {
      if (found.target === undefined && found.observation.actual !== null && follows.seen === undefined && !benchmarkFigure(observations, currentIndex, follows.benchmark)) {
        issues.add(measure.source.sheet, follows.row, follows.col, `'${measure.name}' follows the ${follows.benchmark} figure, and the workbook has none for ${current.observation.label} or before — shown as no target`);
      } else explainFollowedTarget(measure, observations, currentIndex, found.target, issues);
    }
    if (found?.band && found.target !== undefined && (found.target < found.band.low - 1e-9 || found.target > found.band.high + 1e-9)) {
      // The link goes to the tolerance cell itself, where the officer will fix it.
      issues.add(measure.source.sheet, measure.source.row, measure.toleranceCol ?? measure.source.col, `the tolerance band ${formatBand(found.band)} does not include the target ${roundTo(found.target, 4)} — used as written`);
    }
    evaluated.push(new JudgedMeasure(measure, current, currentIndex, behind, behind >= settings.staleAfter, judgedAll, from));
    from += observations.length;
  }

  if (!data) {
    issues.add(grids.sheets[0]?.name ?? 'Workbook', undefined, undefined, 'no sheet of measures found: Ragbook looks for a header row naming the measure ("Measure", "Indicator", "KPI") with period columns such as "Q1 2017/18", or "Period" and "Actual" columns');
  }
  return {
    source: data && {
      sheet: data.sheet,
      layout: data.layout,
      headerRow: data.headerRow,
      own: data.own,
      lastDataCol: data.lastDataCol,
      dataRows: data.dataRows,
    },
    period,
    reportingPeriod: reporting?.period,
    staleAfter: settings.staleAfter,
    scheme,
    measures: evaluated,
    issues: issues.items,
    title: settings.title,
  };
}
