/** `ragbook commentary` / "Generate commentary": the Commentary sheet (SPEC §5.2). */
import { reportPlan } from '../report-plan';
import type { WorkbookGrids } from '../../model/grid';
import { IssueList } from '../../model/issue';
import { NothingToReportError } from '../errors';
import { analyseMeasures } from '../measures/analyse';
import { readMeasures } from '../measures/read-measures';
import type { EvaluatedMeasure } from '../measures/types';
import type { Report, ReportOptions, ReportResult } from '../report';
import { generatedSheetName } from '../shared/sheet-names';
import { buildCommentarySheet, type CommentaryRow, type KeptOfficerText } from './commentary-sheet';
import { measureFacts } from './facts';
import { COMMENTARY_SHEET, OFFICER_COLUMNS, type OfficerEntry, officerKey, readOfficerText } from './officer-text';
import { buildOverviewSheet, OVERVIEW_SHEET } from './overview-sheet';
import { commentaryParagraph } from './sentences';
import { spcByMeasure } from '../spc/measures';
import { spcCommentary } from '../spc/sheet';

/** Measures grouped by theme, themes in the order they first appear. */
function byTheme(measures: EvaluatedMeasure[]): EvaluatedMeasure[] {
  const themes: string[] = [];
  for (const m of measures) if (!themes.includes(m.measure.theme ?? '')) themes.push(m.measure.theme ?? '');
  return themes.flatMap((theme) => measures.filter((m) => (m.measure.theme ?? '') === theme));
}

function officerJson(entry: OfficerEntry | undefined): Record<string, unknown> {
  return Object.fromEntries(OFFICER_COLUMNS.map((header, i) => [header, entry?.texts[i] ?? null]));
}

function describe(period: string, rows: CommentaryRow[], kept: KeptOfficerText): string {
  const n = rows.length;
  const withText = rows.filter((r) => r.officer).length;
  const parts = [`Commentary for ${n} measure${n === 1 ? '' : 's'} for ${period || 'no period'}`];
  if (withText > 0) parts.push(`officer text kept on ${withText}`);
  if (kept.otherPeriods.length > 0) parts.push(`${kept.otherPeriods.length} kept from other periods`);
  if (kept.noLongerReported.length > 0) parts.push(`${kept.noLongerReported.length} kept for measures no longer reported`);
  return parts.join('; ');
}

function run(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const analysis = analyseMeasures(grids, options);
  if (!analysis.source) throw new NothingToReportError(analysis.issues.at(-1)?.message ?? 'no measures found');
  const issues = new IssueList();
  issues.addAll(analysis.issues);
  const name = generatedSheetName(grids, COMMENTARY_SHEET);
  const earlier = readOfficerText(grids, name, issues);
  const period = analysis.period ?? '';

  // SPC's own notes (provisional limits…) belong on its sheet, not here.
  const spcNotes = new IssueList();
  const spc = spcByMeasure(grids, analysis, spcNotes, spcNotes);
  const rows: CommentaryRow[] = byTheme(analysis.measures).map((evaluated, position) => {
    const facts = measureFacts(evaluated, period);
    const key = officerKey(facts.id, period);
    const officer = earlier.get(key);
    earlier.delete(key);
    const paragraph = [commentaryParagraph(facts, position), spcCommentary(spc.get(evaluated))].filter(Boolean).join(' ');
    return { facts, paragraph, ...(officer ? { officer } : {}) };
  });
  const reported = new Set(rows.map((r) => r.facts.id.toLowerCase()));
  const leftOver = [...earlier.values()];
  const kept: KeptOfficerText = {
    otherPeriods: leftOver.filter((e) => reported.has(e.id.toLowerCase())),
    noLongerReported: leftOver.filter((e) => !reported.has(e.id.toLowerCase())),
  };

  const commentary = buildCommentarySheet({ name, title: analysis.title, period, scheme: analysis.scheme, rows, kept });
  const overview = buildOverviewSheet({
    name: generatedSheetName(grids, OVERVIEW_SHEET),
    title: analysis.title,
    period,
    commentarySheet: name,
    facts: rows.map((r) => r.facts),
    titleRows: commentary.titleRows,
  });
  const plan = reportPlan(grids, options, {
    sheets: [commentary.sheet, overview.sheet],
    styles: { ...commentary.styles, ...overview.styles },
    issues: issues.items,
    summary: false,
  });

  const json = {
    period: analysis.period ?? null,
    measures: rows.map(({ facts, paragraph, officer }) => ({
      id: facts.id,
      name: facts.name,
      theme: facts.theme || null,
      period: facts.period,
      status: facts.current.status,
      label: facts.current.label,
      actual: facts.actual,
      target: facts.target ?? null,
      low: facts.band?.low ?? null,
      high: facts.band?.high ?? null,
      variance: facts.variance?.difference ?? null,
      variance_percent: facts.variance?.percentOfTarget ?? null,
      direction: facts.current.direction,
      direction_year: facts.current.directionYear,
      benchmarks: facts.benchmarks.map((b) => ({ name: b.name, value: b.value, comparison: b.verdict, period: b.period ?? facts.period })),
      commentary: paragraph,
      officer: officerJson(officer),
    })),
    kept: [...kept.otherPeriods, ...kept.noLongerReported].map((e) => ({ id: e.id, name: e.name, period: e.period, officer: officerJson(e) })),
    issues: issues.items,
  };
  return { plan, json, issues: issues.items, summary: describe(period, rows, kept) };
}

export const commentaryReport: Report = {
  name: 'commentary',
  title: 'Generate commentary',
  fileSuffix: 'commentary',
  target: 'input',
  needs: 'a sheet of measures',
  appliesTo: (grids) => readMeasures(grids).data !== undefined,
  run,
};
