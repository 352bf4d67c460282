/**
 * Reads action plans (SPEC §3, Actions sheet): by header names, below any
 * title rows, with the continuation rows of tables pasted from Word. A row with
 * no recommendation text belongs to the recommendation above: it is a further
 * action when it has its own action or timescale, otherwise its text continues
 * the action above (more progress, more response). Blank cells under a merged
 * cell (Who, Plan, Accepted) take the value above within the recommendation.
 */
import type { Cell, SheetGrid, WorkbookGrids } from '../../model/grid';
import type { IssueList } from '../../model/issue';
import { bestHeaderRow, headerCandidates, type HeaderRow, type HeaderSynonyms, normaliseHeader } from '../shared/headers';
import { isGeneratedSheet } from '../shared/sheet-names';
import { cellText } from '../shared/values';

export type ActionField = 'ref' | 'plan' | 'recommendation' | 'accepted' | 'response' | 'action' | 'timescale' | 'lead' | 'progress' | 'status';

export const ACTION_HEADERS: HeaderSynonyms<ActionField> = {
  ref: ['Ref', 'Ref no', 'Reference', 'No', 'Number', 'Rec no', 'Recommendation number', 'Recommendation no', 'Action ref', 'Item'],
  plan: ['Plan', 'Source', 'Plan / source', 'Review', 'Scrutiny review', 'Improvement plan', 'Inspection'],
  recommendation: ['Recommendation', 'Recommendations', 'Scrutiny recommendation', 'Panel recommendation', 'Review recommendation'],
  accepted: [
    'Recommendation accepted? Yes/No', 'Recommendation accepted', 'Accepted', 'Accepted?', 'Accepted (Yes/No)', 'Accepted Yes/No',
    'Agreed', 'Agreed?', 'Agreed (Yes/No)',
  ],
  response: ['Response', 'Cabinet response', 'Executive response', 'Management response', 'Officer response', 'Service response'],
  action: [
    'Action', 'Actions', 'Action(s)', 'Proposed action', 'Proposed actions', 'Proposed action(s)', 'Agreed action', 'Action to be taken', 'Actions required',
    'What will we do?', 'What we will do', 'What will be done?', 'What are we going to do?',
  ],
  // In a "From"/"To" pair the action is due at the end: "To" is the timescale, "From" is not read.
  timescale: ['Timescale', 'Timescales', 'Due', 'Due date', 'Date due', 'Deadline', 'Target date', 'Completion date', 'Target completion date', 'By when', 'When?', 'When', 'To', 'End date', 'Date to'],
  lead: ['Who', 'Lead', 'Lead officer', 'Responsible officer', 'Responsibility', 'Owner', 'By whom', 'Who is responsible', 'Who will do it?', 'Who will lead?'],
  progress: ['Progress', 'Update', 'Progress update', 'Progress to date', 'Latest progress', 'Progress made', 'Update on progress', 'Comments on progress'],
  status: ['Status', 'Current status', 'RAG status', 'Action status', 'RAG', 'RAG rating', 'Officer RAG'],
};

export interface Recommendation {
  sheet: string;
  /** 0-based row where it starts. */
  row: number;
  ref: string;
  plan: string;
  text: string;
  /** False when the Accepted column says No. */
  accepted: boolean;
  response: string;
}

export interface ActionRecord {
  recommendation: Recommendation;
  sheet: string;
  /** 0-based row where the action starts. */
  row: number;
  ref: string;
  action: string;
  lead: string;
  /** The timescale cell and where it is, for issues (undefined when the sheet has no timescale column). */
  timescale?: { cell: Cell | undefined; row: number; col: number };
  /** Progress text, one entry per row it came from, in sheet order. */
  progress: string[];
  status: string;
  /** Where the officer's status was written, for issues. */
  statusAt?: { row: number; col: number };
}

const SHEET_NAMES = new Set(['actions', 'action plan', 'action plans', 'single action plan']);

/**
 * The header row of an action plan: an Action or a Recommendation column with
 * a Timescale column, or, for plans that give no timescale, with a Lead or a
 * Progress column.
 */
export function findActionHeader(sheet: SheetGrid): HeaderRow<ActionField> | undefined {
  // The rows are read once for the six pairings: every report looks for an action plan on every sheet.
  const candidates = headerCandidates(sheet, ACTION_HEADERS);
  for (const what of ['action', 'recommendation'] as const) {
    for (const beside of ['timescale', 'lead', 'progress'] as const) {
      const header = bestHeaderRow(candidates, [beside, what]);
      if (header) return header;
    }
  }
  return undefined;
}

/** The user's sheets that hold an action plan: named Actions / Action plan, or with matching headers. */
export function actionSheets(grids: WorkbookGrids): SheetGrid[] {
  return grids.sheets.filter((s) => !isGeneratedSheet(s) && (SHEET_NAMES.has(normaliseHeader(s.name)) || findActionHeader(s) !== undefined));
}

/** Yes / No from the Accepted column; undefined for blank or wording it does not know. */
export function readAccepted(text: string): boolean | undefined {
  const s = normaliseHeader(text);
  if (/^(no|n|not accepted|not agreed|rejected|declined|refused)\b/.test(s)) return false;
  if (/^(yes|y|accepted|agreed|partially|partly|in part|part)\b/.test(s)) return true;
  return undefined;
}

/** Word's paragraph marks and stray spaces tidied; blank lines kept as one. */
function tidy(text: string): string {
  if (!text.includes('\n') && !text.includes('\r')) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A header row repeated inside the table (Word repeats them at page breaks): three or more header cells again. */
function repeatedHeaderTest(header: HeaderRow<ActionField>): (cells: (Cell | undefined)[]) => boolean {
  const expected = (Object.values(header.columns) as number[]).map((col) => [col, normaliseHeader(header.texts[col] ?? '')] as const);
  return (cells) => {
    let same = 0;
    for (const [col, text] of expected) {
      const value = cells[col]?.value;
      // Header wordings are short: long progress text is never compared.
      if (typeof value === 'string' && value.length <= text.length + 10 && normaliseHeader(value) === text && ++same >= 3) return true;
    }
    return false;
  };
}

/** Reads one sheet's actions, in sheet order. */
export function readActionSheet(sheet: SheetGrid, issues: IssueList): ActionRecord[] {
  const header = findActionHeader(sheet);
  if (!header) {
    issues.add(sheet.name, undefined, undefined, 'no header row with an Action or Recommendation column beside a Timescale, Lead or Progress column was found — the sheet was not read as an action plan');
    return [];
  }
  const { columns } = header;
  if (columns.timescale === undefined) {
    issues.add(sheet.name, undefined, undefined, 'the plan has no Timescale column (e.g. "Timescale", "When?", "Due date") — its actions are shown with no date');
  }
  const isRepeatedHeader = repeatedHeaderTest(header);
  const actions: ActionRecord[] = [];
  let current: Recommendation | undefined;
  let last: ActionRecord | undefined;
  const recommendationsPerPlan = new Map<string, number>();

  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    const texts = new Map<ActionField, string>();
    const text = (field: ActionField): string => {
      let t = texts.get(field);
      if (t === undefined) {
        const col = columns[field];
        t = col === undefined ? '' : tidy(cellText(cells[col]));
        texts.set(field, t);
      }
      return t;
    };
    if (isRepeatedHeader(cells)) continue;
    const timescaleCell = columns.timescale === undefined ? undefined : cells[columns.timescale];
    if (!(Object.keys(ACTION_HEADERS) as ActionField[]).some((f) => text(f) !== '')) continue;

    const plan = text('plan');
    const recommendationText = text('recommendation');
    const newPlan = plan !== '' && current !== undefined && plan !== current.plan;
    const hasOwnAction = text('action') !== '' || cellText(timescaleCell) !== '';

    // Some pastes repeat a merged recommendation's text on every row: the same text is the same recommendation.
    const sameRecommendation = current !== undefined && recommendationText === current.text && (!text('ref') || text('ref') === current.ref);
    if ((recommendationText !== '' && !sameRecommendation) || current === undefined || newPlan) {
      const planName = plan || current?.plan || sheet.name;
      const count = (recommendationsPerPlan.get(planName) ?? 0) + 1;
      recommendationsPerPlan.set(planName, count);
      const acceptedText = text('accepted');
      const accepted = readAccepted(acceptedText);
      if (acceptedText && accepted === undefined) {
        issues.add(sheet.name, r, columns.accepted, `'${acceptedText}' is not Yes or No — the recommendation is treated as accepted`);
      }
      current = { sheet: sheet.name, row: r, ref: text('ref') || String(count), plan: planName, text: recommendationText, accepted: accepted ?? true, response: text('response') };
      last = startAction(current, r);
    } else if (hasOwnAction) {
      last = last && isEmptyAction(last) ? last : startAction(current, r, last?.lead);
    } else if (last) {
      // More text for the action above (a paragraph of a Word cell split across rows).
      if (text('progress')) last.progress.push(text('progress'));
      if (text('response')) current.response = [current.response, text('response')].filter(Boolean).join('\n');
      if (text('lead') && !last.lead) last.lead = text('lead');
      if (text('status') && !last.status) {
        last.status = text('status');
        last.statusAt = { row: r, col: columns.status as number };
      }
      continue;
    }
    if (!last) continue;
    const ownRef = text('ref');
    if (ownRef && ownRef !== current.ref) last.ref = ownRef;
    last.action = text('action');
    last.lead = text('lead') || last.lead;
    if (text('status')) {
      last.status = text('status');
      last.statusAt = { row: r, col: columns.status as number };
    }
    if (text('progress')) last.progress.push(text('progress'));
    if (columns.timescale !== undefined) last.timescale = { cell: timescaleCell, row: r, col: columns.timescale };
  }
  numberActions(actions);
  return actions;

  function startAction(recommendation: Recommendation, row: number, lead = ''): ActionRecord {
    const action: ActionRecord = { recommendation, sheet: sheet.name, row, ref: '', action: '', lead, progress: [], status: '' };
    actions.push(action);
    return action;
  }
}

/** A recommendation's first row may carry no action of its own; the next row's action then fills it. */
function isEmptyAction(action: ActionRecord): boolean {
  return !action.action && !cellText(action.timescale?.cell) && action.progress.length === 0;
}

/** Actions without their own ref take the recommendation's: "3" alone, "3.1", "3.2"… when it has several. */
function numberActions(actions: ActionRecord[]): void {
  const byRecommendation = new Map<Recommendation, ActionRecord[]>();
  for (const action of actions) {
    const list = byRecommendation.get(action.recommendation) ?? [];
    list.push(action);
    byRecommendation.set(action.recommendation, list);
  }
  for (const [recommendation, list] of byRecommendation) {
    list.forEach((action, i) => {
      if (!action.ref) action.ref = list.length === 1 ? recommendation.ref : `${recommendation.ref}.${i + 1}`;
    });
  }
}

/** Every action plan in the workbook, sheet by sheet. */
export function readActionPlans(grids: WorkbookGrids, issues: IssueList): ActionRecord[] {
  return actionSheets(grids).flatMap((sheet) => readActionSheet(sheet, issues));
}
