/** The measures section of the Summary sheet: a key to the colours and counts per theme, charted. */
import type { Colour, PlanValue } from '../../model/plan';
import type { SummarySection } from '../summary/summary-sheet';
import { CHART_GREY, chartColour, labelGroups, type Scheme, STATUSES, type Status, statusStyleName } from '../measures/scheme';
import { numberWord } from '../exceptions/exception-words';
import { isImproving } from '../measures/analyse';
import type { EvaluatedMeasure, MeasuresAnalysis } from '../measures/types';
import { statusStyles } from './status-styles';

const MEANINGS: Record<Status, string> = {
  exceeded: 'better than the better end of the tolerance band',
  met: 'at or better than target',
  'within-tolerance': 'worse than target but within the tolerance band',
  'not-met': 'worse than the tolerance band allows',
  'no-data': 'no figure for the period or before it',
  'no-target': 'a figure but no target to judge it against',
  'polarity-unknown': 'a figure and a target, but the workbook does not say whether higher or lower is better (see Issues)',
};

/**
 * Chart colours for the statuses a scheme leaves uncoloured: with the chart's
 * grey for no data, three clearly different greys keep no data, no target and
 * polarity unknown apart in any print.
 */
const UNCOLOURED: Partial<Record<Status, Colour>> = { 'no-target': '#D0D0D0', 'polarity-unknown': '#404040' };

function seriesColour(scheme: Scheme, status: Status): Colour {
  const colour = scheme.looks[status].colour;
  return colour === undefined ? (UNCOLOURED[status] ?? CHART_GREY) : chartColour(colour);
}

function meaning(statuses: Status[]): string {
  const text = statuses.includes('met') && statuses.includes('exceeded') && statuses.length === 2 ? MEANINGS.met : statuses.map((s) => MEANINGS[s]).join(', or ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "✓ 63.5%": how a figure with a symbol looks. */
function exampleFigure(scheme: Scheme): string {
  return `${scheme.looks.met.symbol ?? ''} 63.5%`.trim();
}

/** What the two counts after the total mean. */
function countNotes(analysis: MeasuresAnalysis): string[] {
  return [
    '"Improving but not met": not met, but better than the same period last year (or, with no figure a year earlier, than the period before).',
    `"Latest available (stale)": the latest figure is ${numberWord(analysis.staleAfter)} or more of its own periods older than ${analysis.period ?? 'the reporting period'}.`,
  ];
}

/** A row of the status table: measures by label group, the total, improving but not met, and stale. */
class StatusCounts {
  private readonly counts: number[];
  private total = 0;
  private improvingNotMet = 0;
  private stale = 0;

  constructor(groups: number) {
    this.counts = new Array<number>(groups).fill(0);
  }

  add({ current, stale }: EvaluatedMeasure, groups: readonly number[]): void {
    for (const i of groups) this.counts[i]++;
    this.total++;
    if (current.status === 'not-met' && isImproving(current)) this.improvingNotMet++;
    if (stale) this.stale++;
  }

  row(name: string): PlanValue[] {
    return [name, ...this.counts, this.total, this.improvingNotMet, this.stale];
  }
}

export function measuresSummarySections(analysis: MeasuresAnalysis): SummarySection[] {
  if (!analysis.source || analysis.measures.length === 0) return [];
  const { scheme } = analysis;
  // "Polarity unknown" is a column and a line of the key only when a measure has it.
  const unknown = analysis.measures.some((m) => m.current.status === 'polarity-unknown');
  const groups = labelGroups(scheme).filter((g) => unknown || g.statuses.some((s) => s !== 'polarity-unknown'));
  const groupsByStatus = new Map<Status, number[]>();
  for (const status of STATUSES) groupsByStatus.set(status, groups.flatMap((g, i) => (g.statuses.includes(status) ? [i] : [])));
  // Themes in the order they first appear, counted in one pass with the total.
  const byTheme = new Map<string, StatusCounts>();
  const all = new StatusCounts(groups.length);
  for (let i = 0; i < analysis.measures.length; i++) {
    const m = analysis.measures[i];
    const theme = m.measure.theme ?? 'Other measures';
    let counts = byTheme.get(theme);
    if (!counts) byTheme.set(theme, (counts = new StatusCounts(groups.length)));
    const indexes = groupsByStatus.get(m.current.status) as number[];
    counts.add(m, indexes);
    all.add(m, indexes);
  }
  const rows = [...byTheme].map(([theme, counts]) => counts.row(theme));
  const total = all.row('All themes');
  const styles = statusStyles(scheme);
  const key: SummarySection = {
    heading: 'Key',
    header: ['Status', 'Symbol', 'Meaning'],
    rows: groups.map((g) => [g.label, [...new Set(g.statuses.map((s) => scheme.looks[s].symbol ?? '(none)'))].join(' '), meaning(g.statuses)]),
    cellStyles: groups.map((g) => {
      const styled = g.statuses.map(statusStyleName).find((s) => styles[s]);
      return [styled, 'text', 'plain'];
    }),
    styles,
    notes: [
      `On the ${analysis.source.sheet} sheet each coloured figure starts with its status's symbol (${exampleFigure(scheme)}), so it reads without colour.`,
      ...(analysis.measures.some((m) => m.current.label.includes('improving on last year'))
        ? [`"Not met (improving on last year)" is shown amber, its figures marked ${scheme.looks['not-met'].symbol ?? 'as not met'}: worse than the band allows, but better than the same period last year.`]
        : []),
      ...countNotes(analysis),
    ],
  };
  return [
    {
      heading: `Measures by status, ${analysis.period ?? 'latest period'}`,
      header: ['Theme', ...groups.map((g) => g.label), 'Total', 'Improving but not met', 'Latest available (stale)'],
      rows: [...rows, total],
      cellStyles: [...rows.map(() => []), total.map(() => 'total')],
      chart: {
        kind: 'stacked-column',
        title: `Measures by status and theme, ${analysis.period ?? 'latest period'}`,
        series: groups.map((g, i) => ({ col: i + 1, colour: seriesColour(scheme, g.statuses[0]) })),
        yAxisTitle: 'Measures',
      },
      // The chart covers the themes, not the "All themes" total.
      chartRows: rows.length,
    },
    key,
  ];
}
