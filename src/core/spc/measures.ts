/**
 * SPC for every measure of the workbook: each measure's figures of one kind
 * (quarters with quarters), its target and band for the reported period, and
 * a rebase from the measure's "Rebase at" cell or the Settings sheet.
 */
import { IssueList } from '../../model/issue';
import type { EvaluatedMeasure, MeasuresAnalysis } from '../measures/types';
import type { WorkbookGrids } from '../../model/grid';
import { readSettingsSheet, type SettingsSheet } from '../shared/settings-sheet';
import { cellText, readCellNumber } from '../shared/values';
import { PROVISIONAL_BELOW, type SpcChart, spcChart, type SpcInput, type SpcOptions } from './chart';

export interface SpcMeasure {
  measure: EvaluatedMeasure;
  chart: SpcChart;
  /** The target the assurance was judged against. */
  target?: number;
}

export interface SpcSettings extends SpcOptions {
  /** A period from which every measure is rebased, unless its own cell says otherwise. */
  rebaseAt?: string;
}

function wholeNumberSetting(settings: SettingsSheet, issues: IssueList, min: number, ...keys: string[]): number | undefined {
  const row = settings.find(...keys);
  if (!row || !cellText(row.values[0])) return undefined;
  const read = readCellNumber(row.values[0]);
  if (read.kind === 'number' && Number.isInteger(read.reading.value) && read.reading.value >= min) return read.reading.value;
  issues.add(row.sheet, row.row, 1, `'${cellText(row.values[0])}' is not a whole number of at least ${min} — the default is used`);
  return undefined;
}

/** "SPC run length", "SPC baseline points" and "Rebase at" from the Settings sheet. */
export function readSpcSettings(settings: SettingsSheet, issues: IssueList): SpcSettings {
  const result: SpcSettings = {};
  const runLength = wholeNumberSetting(settings, issues, 3, 'SPC run length', 'Run length');
  if (runLength !== undefined) result.runLength = runLength;
  const baselinePoints = wholeNumberSetting(settings, issues, 2, 'SPC baseline points', 'Baseline points', 'SPC baseline');
  if (baselinePoints !== undefined) result.baselinePoints = baselinePoints;
  const rebaseAt = settings.text('Rebase at', 'SPC rebase at', 'Rebase');
  if (rebaseAt) result.rebaseAt = rebaseAt;
  return result;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The measure's figures of the same kind as its latest, in time order. */
function seriesOf(evaluated: EvaluatedMeasure, rebaseAt: string | undefined): SpcInput[] {
  const withData = evaluated.evaluations.filter((e) => e.observation.actual !== null);
  const kind = withData.at(-1)?.observation.period?.kind;
  return withData
    .filter((e) => e.observation.period?.kind === kind)
    .map((e) => ({ label: e.observation.label, value: e.observation.actual as number, rebase: rebaseAt !== undefined && same(e.observation.label, rebaseAt) }));
}

export function spcForMeasures(analysis: MeasuresAnalysis, settings: SpcSettings, issues: IssueList): SpcMeasure[] {
  const results: SpcMeasure[] = [];
  for (const evaluated of analysis.measures) {
    const { measure, current } = evaluated;
    const at = (message: string) => issues.add(measure.source.sheet, measure.source.row, measure.source.col, message);
    const rebaseAt = measure.rebaseAt ?? settings.rebaseAt;
    const series = seriesOf(evaluated, rebaseAt);
    if (rebaseAt && !series.some((p) => p.rebase)) {
      // The measure's own "Rebase at" cell, where the period is written, when it has one.
      const col = measure.rebaseAt ? (measure.rebaseCol ?? measure.source.col) : measure.source.col;
      issues.add(measure.source.sheet, measure.source.row, col, `'${measure.name}' has no figure for the rebase period '${rebaseAt}' — not rebased`);
    }
    const chart = spcChart(series, measure.polarity, current.target, current.band, settings);
    if (!chart) {
      at(`'${measure.name}' has ${series.length} figure${series.length === 1 ? '' : 's'} of one kind: SPC needs at least 6 — no chart`);
      continue;
    }
    if (chart.provisional) at(`'${measure.name}' has fewer than ${PROVISIONAL_BELOW} figures since its baseline: its process limits are provisional`);
    for (const label of chart.ignoredRebases) at(`the rebase at ${label} would leave fewer than 6 figures on one side — not rebased`);
    results.push({ measure: evaluated, chart, ...(current.target !== undefined ? { target: current.target } : {}) });
  }
  return results;
}

/** Every measure's SPC chart by measure, with the Settings sheet's SPC settings: their issues go to `issues`, the charts' notes to `notes`. */
export function spcByMeasure(grids: WorkbookGrids, analysis: MeasuresAnalysis, issues: IssueList, notes: IssueList): Map<EvaluatedMeasure, SpcMeasure> {
  return new Map(spcForMeasures(analysis, readSpcSettings(readSettingsSheet(grids), issues), notes).map((s) => [s.measure, s]));
}
