/**
 * What the pane shows about the open workbook before and after a report: the
 * measures sheet it found, the periods on offer, and the count of measures in
 * each status for the chosen options. Pure: grids and options in, data out.
 */
import { UnknownPeriodError } from '../core/errors';
import { analyseMeasures } from '../core/measures/analyse';
import { comparePeriods } from '../core/measures/period';
import { STATUSES } from '../core/measures/scheme';
import type { Observation } from '../core/measures/types';
import type { ReportOptions } from '../core/report';
import type { WorkbookGrids } from '../model/grid';

export interface StatusCount {
  /** The scheme's label: statuses sharing one ("Met" for exceeded and met under rag) are counted together. */
  label: string;
  colour?: string;
  count: number;
}

export interface WorkbookView {
  /** The measures sheet, when one was found. */
  sheet?: string;
  layout?: 'wide' | 'long';
  measureCount: number;
  /** Every period label, oldest first. */
  periods: string[];
  /** The period reported: the one chosen, else the latest with data. */
  period?: string;
  /** The scheme in force (the Settings sheet's unless one is chosen). */
  scheme: string;
  counts: StatusCount[];
  /** The measures sheet has Ragbook's Variation and Assurance (SPC) columns from an earlier run. */
  spcColumns: boolean;
}

/** Period labels across all measures, oldest first; unrecognised labels keep their sheet order. */
function periodLabels(observations: Observation[]): string[] {
  const first = new Map<string, Observation>();
  for (const o of observations) if (!first.has(o.label)) first.set(o.label, o);
  return [...first.values()].sort((a, b) => comparePeriods(a.period, b.period) || a.order - b.order).map((o) => o.label);
}

export function viewWorkbook(grids: WorkbookGrids, options: ReportOptions): WorkbookView {
  let analysis;
  try {
    analysis = analyseMeasures(grids, options);
  } catch (error) {
    // A remembered period the workbook no longer has: show the latest instead.
    if (!(error instanceof UnknownPeriodError)) throw error;
    analysis = analyseMeasures(grids, { ...options, period: undefined });
  }
  const counts: StatusCount[] = [];
  for (const status of STATUSES) {
    const look = analysis.scheme.looks[status];
    const count = analysis.measures.filter((m) => m.current.status === status).length;
    const same = counts.find((c) => c.label === look.label);
    if (same) same.count += count;
    else counts.push({ label: look.label, colour: look.colour, count });
  }
  return {
    sheet: analysis.source?.sheet,
    layout: analysis.source?.layout,
    measureCount: analysis.measures.length,
    periods: periodLabels(analysis.measures.flatMap((m) => m.measure.observations)),
    period: analysis.period,
    scheme: analysis.scheme.name,
    counts: counts.filter((c) => c.count > 0),
    spcColumns: analysis.source?.own?.count === 4,
  };
}
