/**
 * Reads the TTC sheet (SPEC §3): one block per priority, starting at a row
 * whose first cell is "Strategic priority"; key/value rows (key in A, value in
 * B); then "Action detail" | "Who will be doing what" and one action per row.
 * A row with an empty key continues the field above (a paragraph pasted from
 * Word onto rows of its own).
 */
import { type Cell, type SheetGrid, type WorkbookGrids } from '../../model/grid';
import { IssueList } from '../../model/issue';
import { type HeaderSynonyms, matchHeader, normaliseHeader } from '../shared/headers';
import { cellText } from '../shared/values';

export type TtcField =
  | 'priority' | 'action' | 'lead' | 'measure' | 'situation' | 'story' | 'partners' | 'healthWarning' | 'baselineTarget'
  | 'excellenceTarget' | 'success' | 'monitoring' | 'references' | 'whatWorks' | 'category' | 'baselinePeriod' | 'trendNote' | 'rag';

export const TTC_FIELDS: HeaderSynonyms<TtcField> = {
  priority: ['Strategic priority'],
  action: ['Priority action', 'Action', 'Priority action(s)'],
  lead: ['Officer lead', 'Lead officer', 'Lead', 'Responsible officer'],
  measure: ['Measure', 'Performance measure', 'Indicator', 'KPI', 'Measure id', 'Measure name'],
  situation: ['Current situation', 'Where are we now', 'Current position'],
  story: ['Story behind the baseline', 'Story behind the curve', 'Story behind the data', 'The story behind the baseline'],
  partners: ['Partners', 'Partners with a role to play', 'Partners who have a role to play', 'Key partners'],
  healthWarning: ['Health warning', 'Data health warning', 'Data caveats'],
  baselineTarget: ['Baseline target', 'Target'],
  excellenceTarget: ['Excellence target', 'Stretch target'],
  success: ['What will success look like', 'What success will look like', 'What does success look like', 'Success looks like'],
  monitoring: ['Monitoring and accountability', 'Monitoring & accountability', 'Monitoring', 'Accountability'],
  references: ['References', 'Sources', 'Reference'],
  whatWorks: ['What works', 'What works ideas', 'What would work', 'What works to turn the curve', 'Ideas for what works'],
  category: ['RBA category', 'Measure category', 'Performance measure category', 'Type of measure', 'Category'],
  baselinePeriod: ['Baseline year', 'Baseline period', 'Chosen baseline', 'Baseline date', 'Baseline'],
  trendNote: ['Trend', 'Trend note', 'Officer trend', 'Trend direction', 'Direction of travel'],
  rag: ['RAG rating', 'RAG', 'RAG status', 'Overall RAG rating', 'Current RAG rating', 'Partnership RAG rating'],
};

/** The fields SPEC §3 expects every block to give; a missing one is an Issue. */
export const EXPECTED_FIELDS: readonly TtcField[] = [
  'priority', 'action', 'lead', 'measure', 'situation', 'story', 'partners', 'healthWarning', 'baselineTarget', 'excellenceTarget',
  'success', 'monitoring', 'references',
];

const ACTION_HEADER = ['action detail', 'actions', 'action plan'];

/** A field's text and where it was read, for Issues. */
export interface TtcValue {
  text: string;
  /** The value cell (column B of the key row). */
  row: number;
  col: number;
  /** The cell itself, for reading numbers with their format. */
  cell: Cell | undefined;
}

export interface TtcAction {
  detail: string;
  who: string;
  row: number;
}

export interface TtcBlock {
  sheet: string;
  /** 0-based row of the "Strategic priority" row. */
  row: number;
  fields: Partial<Record<TtcField, TtcValue>>;
  /** Further measures under the same priority, each with a data table of its own. */
  moreMeasures: TtcValue[];
  actions: TtcAction[];
}

/** The TTC sheets: named "TTC" or starting with "TTC" (case ignored). */
export function ttcSheets(grids: WorkbookGrids): SheetGrid[] {
  return grids.sheets.filter((s) => /^ttc/i.test(s.name.trim()));
}

function isBlockStart(sheet: SheetGrid, row: number): boolean {
  return normaliseHeader(cellText(sheet.rows[row]?.[0])) === 'strategic priority';
}

function readBlock(sheet: SheetGrid, first: number, last: number, issues: IssueList): TtcBlock {
  const block: TtcBlock = { sheet: sheet.name, row: first, fields: {}, moreMeasures: [], actions: [] };
  let current: TtcField | undefined;
  let inActions = false;
  for (let r = first; r <= last; r++) {
    const key = cellText(sheet.rows[r]?.[0]);
    const value = cellText(sheet.rows[r]?.[1]);
    if (!key && !value) continue;
    const field = key ? matchHeader(key, TTC_FIELDS) : undefined;
    if (ACTION_HEADER.includes(normaliseHeader(key))) {
      inActions = true;
      current = undefined;
    } else if (field && (!inActions || field !== 'action')) {
      inActions = false;
      current = field;
      if (field === 'measure' && block.fields.measure) block.moreMeasures.push({ text: value, row: r, col: 1, cell: sheet.rows[r]?.[1] });
      else if (block.fields[field]) issues.add(sheet.name, r, 0, `'${key}' is given twice in this block — the first is used`);
      else block.fields[field] = { text: value, row: r, col: 1, cell: sheet.rows[r]?.[1] };
    } else if (inActions) {
      block.actions.push({ detail: key, who: value, row: r });
    } else if (!key && current && block.fields[current]) {
      const earlier = block.fields[current] as TtcValue;
      earlier.text = earlier.text ? `${earlier.text}\n${value}` : value;
    } else if (key) {
      issues.add(sheet.name, r, 0, `'${key}' is not a Turning the Curve field — ignored (the fields are listed in the README)`);
    }
  }
  return block;
}

/** Every block on every TTC sheet, with the Issues found reading them. */
export function readTtcBlocks(grids: WorkbookGrids, issues: IssueList): TtcBlock[] {
  const blocks: TtcBlock[] = [];
  for (const sheet of ttcSheets(grids)) {
    const starts = sheet.rows.map((_, r) => r).filter((r) => isBlockStart(sheet, r));
    if (starts.length === 0) {
      issues.add(sheet.name, undefined, undefined, "no block starting with 'Strategic priority' in column A — the sheet is not read");
      continue;
    }
    starts.forEach((start, i) => blocks.push(readBlock(sheet, start, (starts[i + 1] ?? sheet.rows.length) - 1, issues)));
  }
  return blocks;
}
