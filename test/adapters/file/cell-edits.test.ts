/** A sheet plan's edits streamed a band of rows at a time are the edits made all at once, and its bounds and links read from the plan match them. */
import { editBounds, EditStream, KEEP_VALUE, linksOf } from '../../../src/adapters/file/package/cell-edits';
import type { CellStyle, PlanValue, SheetPlan } from '../../../src/model/plan';

interface Edit {
  value: PlanValue | typeof KEEP_VALUE;
  styles: readonly string[];
}

/**
 * The plan's edits made all at once, cell by cell, as the plan says: values,
 * then style ranges and column styles laid on in order, then (for a generated
 * sheet) each merge's top-left styles spread over it.
 */
function editsAtOnce(plan: SheetPlan, spreadMerges: boolean): Map<number, Map<number, Edit>> {
  const edits = new Map<number, Map<number, Edit>>();
  // A row a style range reaches is edited, even where the range has no columns.
  const rowAt = (row: number): Map<number, Edit> => {
    let cells = edits.get(row);
    if (!cells) edits.set(row, (cells = new Map()));
    return cells;
  };
  const at = (row: number, col: number): Edit => {
    const cells = rowAt(row);
    let edit = cells.get(col);
    if (!edit) cells.set(col, (edit = { value: KEEP_VALUE, styles: [] }));
    return edit;
  };
  for (const block of plan.values) block.values.forEach((rowValues, r) => rowValues.forEach((value, c) => (at(block.row + r, block.col + c).value = value)));
  for (const { range, style } of plan.styles) {
    for (let r = range.row; r < range.row + range.rowCount; r++) {
      rowAt(r);
      for (let c = range.col; c < range.col + range.colCount; c++) at(r, c).styles = [...at(r, c).styles, style];
    }
  }
  for (const { col, rows, styles, names } of plan.columnStyles ?? []) Array.from(rows).forEach((row, i) => (at(row, col).styles = [...at(row, col).styles, names[styles[i]]]));
  for (const merge of spreadMerges ? (plan.merges ?? []) : []) {
    const styles = edits.get(merge.row)?.get(merge.col)?.styles ?? [];
    if (styles.length === 0) continue;
    for (let r = merge.row; r < merge.row + merge.rowCount; r++) for (let c = merge.col; c < merge.col + merge.colCount; c++) at(r, c).styles = styles;
  }
  return edits;
}

/** The edits of a row, as [row, col, value, styles], by column (a row's sparse array has holes where it edits nothing). */
function cellsOf(row: number, cells: Iterable<[number, Edit | undefined]>): unknown[] {
  const edited = [...cells].filter((cell): cell is [number, Edit] => cell[1] !== undefined);
  return edited.sort(([a], [b]) => a - b).map(([col, edit]) => [row, col, edit.value, edit.styles.join('+')]);
}

/** A small linear congruential generator: the same plans on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const styles: Record<string, CellStyle> = { a: { bold: true }, b: { fill: '#FF0000' }, c: { italic: true } };

function plan(seed: number): SheetPlan {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const value = (): PlanValue => [1.5, 'text', null, true, { text: 'link', target: "'S'!A1" }][int(5)];
  const values = Array.from({ length: 3 }, () => {
    const rows = Array.from({ length: 1 + int(3000) }, () => Array.from({ length: int(4) }, value));
    // A hole in a block writes nothing.
    if (rows[0].length > 1) delete rows[0][1];
    return { row: int(5000), col: int(6), values: rows };
  });
  const ranges = Array.from({ length: 300 }, () => ({ range: { row: int(6000), col: int(8), rowCount: int(1500), colCount: int(3) }, style: 'abc'[int(3)] }));
  // Column styles' rows ascend (as the model has them); a row may repeat.
  const ascending = () => Array.from({ length: 2000 }, () => int(7000)).sort((x, y) => x - y);
  const rows = ascending();
  const others = ascending();
  // Merges, some across bands of rows and some over others (a later one's first cell may lie in an earlier one).
  const merges = Array.from({ length: 200 }, () => ({ row: int(7000), col: int(9), rowCount: 1 + int(int(2) ? 3 : 1500), colCount: 1 + int(3) }));
  return {
    name: 'Data',
    mode: 'existing',
    merges,
    values,
    styles: ranges,
    columnStyles: [
      { col: 9, rows, styles: rows.map(() => int(3)), names: ['a', 'b', 'c'] },
      { col: 3, rows: others, styles: others.map(() => int(3)), names: ['a', 'b', 'c'] },
    ],
  };
}

describe('cell edits', () => {
  it.each([
    [1, false],
    [2, false],
    [3, false],
    [4, true],
    [5, true],
  ])('streams the same edits, row by row, as making them at once (plan %i, merges spread: %s)', (seed, spreadMerges) => {
    const sheet = plan(seed);
    const all = editsAtOnce(sheet, spreadMerges);
    const stream = new EditStream(sheet, styles, spreadMerges);
    const streamed: number[] = [];
    const got: unknown[] = [];
    const expected: unknown[] = [];
    while (stream.peek() < Infinity) {
      const row = stream.peek();
      streamed.push(row);
      got.push(...cellsOf(row, stream.take().entries()));
      expected.push(...cellsOf(row, all.get(row) ?? []));
    }
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(1000);
    expect(streamed).toEqual([...all.keys()].sort((a, b) => a - b));
  });

  it.each([1, 2, 3])('reads the bounds and links from the plan as the edits have them (plan %i)', (seed) => {
    const sheet = plan(seed);
    const all = editsAtOnce(sheet, false);
    const rows = [...all.keys()].sort((a, b) => a - b);
    let left = Infinity;
    let right = -Infinity;
    const links: { row: number; col: number }[] = [];
    for (const row of rows) {
      for (const [col, edit] of [...(all.get(row) ?? [])].sort(([a], [b]) => a - b)) {
        left = Math.min(left, col);
        right = Math.max(right, col);
        if (typeof edit.value === 'object' && edit.value !== null) links.push({ row, col });
      }
    }
    expect(editBounds(sheet)).toEqual({ top: rows[0], bottom: rows[rows.length - 1], left, right });
    expect(linksOf(sheet).map(({ row, col }) => ({ row, col }))).toEqual(links);
  });
});
