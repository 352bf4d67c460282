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
import { comparePeriods, samePeriodLastYear } from './period';
import { readMeasures } from './read-measures';
import { statusStyleName, type Scheme } from './scheme';
import { classify, directionOfTravel } from './status';
import { bandFromColumns, parseTolerance, resolveBand } from './tolerance';
import type { Band, Direction, EvaluatedMeasure, Evaluation, Measure, MeasuresAnalysis, Observation } from './types';

/** Style name of a not-met result shown amber because it improved on last year. */
export const IMPROVING_STYLE = 'status.not-met-improving';

function shown(obs: Observation | undefined): number | null {
  if (!obs || obs.actual === null) return null;
  return obs.decimals === undefined ? obs.actual : roundTo(obs.actual, obs.decimals);
}

/**
 * The target for one observation: its own, else the measure's. A target that
 * follows a benchmark takes that benchmark's figure for the same period, or
 * the latest published before it (national figures come out yearly).
 */
function targetFor(measure: Measure, index: number): { target?: number; missingBenchmark?: string } {
  const obs = measure.observations[index];
  if (obs.target !== undefined && obs.target !== null) return { target: obs.target };
  const benchmark = obs.targetText ?? measure.targetText;
  if (!benchmark) return { target: measure.target };
  if (obs.benchmarks[benchmark] !== undefined) return { target: obs.benchmarks[benchmark] };
  const earlier = measure.observations
    .slice(0, index)
    .filter((o) => o.benchmarks[benchmark] !== undefined && (!obs.period || !o.period || o.period.end <= obs.period.end))
    .at(-1);
  return earlier ? { target: earlier.benchmarks[benchmark] } : { missingBenchmark: benchmark };
}

function bandFor(measure: Measure, obs: Observation, target: number | undefined, settings: MeasureSettings): Band | undefined {
  const spec = obs.tolerance ?? measure.tolerance;
  if (spec) return resolveBand(spec, target, measure.polarity);
  const columns = bandFromColumns(measure.toleranceLow, measure.toleranceHigh, target);
  if (columns) return columns;
  if (settings.defaultTolerance) {
    const reading = parseTolerance(settings.defaultTolerance.text, measure.unit);
    if (reading.ok) return resolveBand(reading.spec, target, measure.polarity);
  }
  return undefined;
}

/** Earlier observations of the same kind of period (quarters with quarters, years with years). */
function earlierOfKind(observations: Observation[], index: number): Observation[] {
  const current = observations[index];
  return observations.slice(0, index).filter((o) => (o.period?.kind ?? 'none') === (current.period?.kind ?? 'none'));
}

function longTermDirection(measure: Measure, index: number, band: Band | undefined, target: number | undefined): Direction {
  const previous = earlierOfKind(measure.observations, index).slice(-4).map(shown).filter((v): v is number => v !== null);
  if (previous.length < 2) return 'n/a';
  const average = previous.reduce((a, b) => a + b, 0) / previous.length;
  return directionOfTravel(shown(measure.observations[index]), average, measure.polarity, band, target);
}

function evaluate(measure: Measure, index: number, scheme: Scheme, settings: MeasureSettings): Evaluation & { missingBenchmark?: string } {
  const obs = measure.observations[index];
  const { target, missingBenchmark } = targetFor(measure, index);
  const band = bandFor(measure, obs, target, settings);
  const status = classify({ actual: obs.actual, target, band, polarity: measure.polarity, decimals: obs.decimals });
  const previous = earlierOfKind(measure.observations, index).at(-1);
  const lastYear = obs.period ? samePeriodLastYear(measure.observations, obs.period) : undefined;
  const now = shown(obs);
  const evaluation: Evaluation & { missingBenchmark?: string } = {
    observation: obs,
    status,
    label: scheme.looks[status].label,
    direction: directionOfTravel(now, shown(previous), measure.polarity, band, target),
    directionYear: directionOfTravel(now, shown(lastYear), measure.polarity, band, target),
    directionLongTerm: longTermDirection(measure, index, band, target),
  };
  if (target !== undefined) evaluation.target = target;
  if (band) evaluation.band = band;
  if (missingBenchmark) evaluation.missingBenchmark = missingBenchmark;
  const colour = scheme.looks[status].colour;
  if (status === 'not-met' && settings.amberWhenImproving && evaluation.directionYear === 'improving') {
    evaluation.label = `${scheme.looks[status].label} (improving on last year)`;
    evaluation.colour = scheme.looks['within-tolerance'].colour;
    evaluation.style = IMPROVING_STYLE;
  } else if (colour) {
    evaluation.colour = colour;
    evaluation.style = statusStyleName(status);
  }
  return evaluation;
}

/** The reported period: the one asked for, else the latest with any actual. */
function reportedPeriod(measures: Measure[], settings: MeasureSettings, issues: IssueList, settingsSheet: string): string | undefined {
  const all = measures.flatMap((m) => m.observations);
  if (settings.period) {
    const wanted = settings.period.label.replace(/\s+/g, ' ').trim().toLowerCase();
    const found = all.find((o) => o.label.replace(/\s+/g, ' ').toLowerCase() === wanted);
    if (found) return found.label;
    const labels = [...new Set(all.map((o) => o.label))];
    const message = `the workbook has no period '${settings.period.label}' (it has ${labels.slice(-8).join(', ') || 'none'})`;
    if (settings.period.from === 'options') throw new UnknownPeriodError(message);
    issues.add(settingsSheet, undefined, undefined, `${message} — the latest period is reported instead`);
  }
  const withData = all.filter((o) => o.actual !== null);
  if (withData.length === 0) return all.at(-1)?.label;
  return withData.reduce((latest, o) => ((comparePeriods(o.period, latest.period) || o.order - latest.order) > 0 ? o : latest)).label;
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

export function analyseMeasures(grids: WorkbookGrids, options: ReportOptions): MeasuresAnalysis {
  const settingsSheet = readSettingsSheet(grids);
  const { data, issues } = readMeasures(grids);
  const settings = readMeasureSettings(settingsSheet, options, issues);
  const scheme = settings.scheme;
  const measures = data?.measures ?? [];
  const period = reportedPeriod(measures, settings, issues, settingsSheet.sheet?.name ?? 'Settings');
  if (settings.defaultTolerance && measures.length > 0) {
    const reading = parseTolerance(settings.defaultTolerance.text, measures[0].unit);
    if (!reading.ok) issues.add(settingsSheet.sheet?.name ?? 'Settings', settings.defaultTolerance.row, 1, `${reading.reason} — no default tolerance used`);
  }

  const evaluated: EvaluatedMeasure[] = measures.map((measure) => {
    const evaluations = measure.observations.map((_, i) => evaluate(measure, i, scheme, settings));
    const found = evaluations.find((e) => e.observation.label === period);
    const current = found ?? noDataEvaluation(period ?? '', scheme, measure);
    if (found?.missingBenchmark && found.observation.actual !== null) {
      issues.add(measure.source.sheet, measure.source.row, measure.source.col, `'${measure.name}' follows the ${found.missingBenchmark} figure, and the workbook has none for ${period} or before — shown as no target`);
    }
    if (found?.band && found.target !== undefined && (found.target < found.band.low - 1e-9 || found.target > found.band.high + 1e-9)) {
      issues.add(measure.source.sheet, measure.source.row, measure.source.col, `the tolerance band ${formatBand(found.band)} does not include the target ${roundTo(found.target, 4)} — used as written`);
    }
    for (const e of evaluations) delete e.missingBenchmark;
    return { measure, evaluations, current };
  });

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
    scheme,
    measures: evaluated,
    issues: issues.items,
    title: settings.title,
  };
}
