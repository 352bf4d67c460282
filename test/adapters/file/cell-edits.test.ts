/** A sheet plan's edits streamed a band of rows at a time are the edits made all at once, and its bounds and links read from the plan match them. */
import { collectEdits, editBounds, EditStream, linksOf } from '../../../src/adapters/file/package/cell-edits';
import type { CellStyle, PlanValue, SheetPlan } from '../../../src/model/plan';

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
  return {
    name: 'Data',
    mode: 'existing',
    values,
    styles: ranges,
    columnStyles: [
      { col: 9, rows, styles: rows.map(() => 'abc'[int(3)]) },
      { col: 3, rows: others, styles: others.map(() => 'abc'[int(3)]) },
    ],
  };
}

describe('cell edits', () => {
  it.each([1, 2, 3])('streams the same edits, row by row, as collecting them at once (plan %i)', (seed) => {
    const sheet = plan(seed);
    const all = collectEdits(sheet, styles);
    const stream = new EditStream(sheet, styles);
    const streamed: number[] = [];
    const got: unknown[] = [];
    const expected: unknown[] = [];
    const cellsOf = (row: number, cells: ReturnType<typeof stream.take>, into: unknown[]) =>
      cells.forEach((edit, col) => into.push([row, col, edit.value, edit.styles.join('+')]));
    while (stream.peek() < Infinity) {
      const row = stream.peek();
      streamed.push(row);
      cellsOf(row, stream.take(), got);
      cellsOf(row, all.get(row) ?? [], expected);
    }
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(1000);
    expect(streamed).toEqual(all.rows());
  });

  it.each([1, 2, 3])('reads the bounds and links from the plan as the edits have them (plan %i)', (seed) => {
    const sheet = plan(seed);
    const all = collectEdits(sheet, styles);
    const rows = all.rows();
    let left = Infinity;
    let right = -Infinity;
    const links: { row: number; col: number }[] = [];
    for (const row of rows) {
      (all.get(row) ?? []).forEach((edit, col) => {
        left = Math.min(left, col);
        right = Math.max(right, col);
        if (typeof edit.value === 'object' && edit.value !== null) links.push({ row, col });
      });
    }
    expect(editBounds(sheet)).toEqual({ top: rows[0], bottom: rows[rows.length - 1], left, right });
    expect(linksOf(sheet).map(({ row, col }) => ({ row, col }))).toEqual(links);
  });
});
