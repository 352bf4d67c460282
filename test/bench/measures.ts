/**
 * The bench's measures as plain data (no exceljs, so the browser harness can
 * build them too): many measures over twelve quarters with the sample's
 * header wordings. Deterministic: the same size gives the same data.
 */
import type { Cell, SheetGrid, WorkbookGrids } from '../../src/model/grid';

export const QUARTERS = ['2015/16', '2016/17', '2017/18'].flatMap((year) => [1, 2, 3, 4].map((q) => `Q${q} ${year}`));
export const WIDE_HEADERS = ['Measure ID', 'Measure', 'Theme', 'Unit', 'Polarity', 'Target', 'Tolerance', ...QUARTERS];
export const LONG_HEADERS = ['Measure ID', 'Measure', 'Period', 'Actual', 'Target', 'Polarity', 'Tolerance'];

const THEMES = ['Safeguarding', 'Children in care', 'Early help', 'Education', 'Youth justice'];
const KINDS: { unit: string; polarity: string; target: number; tolerance: string; spread: number }[] = [
  { unit: '%', polarity: 'Higher is better', target: 80, tolerance: '±5', spread: 12 },
  { unit: 'Rate per 10,000', polarity: 'Lower is better', target: 45, tolerance: '+/- 2.5%', spread: 8 },
  { unit: 'Days', polarity: 'Lower number of days is better', target: 426, tolerance: '10 days', spread: 40 },
  { unit: 'Number', polarity: 'Plan is best', target: 300, tolerance: '280 - 320', spread: 35 },
];

/** A small deterministic generator, so every run benches the same figures. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

export interface BenchMeasure {
  fixed: (string | number)[];
  actuals: number[];
}

export function* benchMeasures(count: number): Generator<BenchMeasure> {
  const next = random(2016);
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    const id = `M${String(i + 1).padStart(6, '0')}`;
    const name = `Measure ${i + 1}: ${THEMES[i % THEMES.length].toLowerCase()} indicator`;
    const actuals = QUARTERS.map(() => Math.round((kind.target + (next() - 0.5) * 2 * kind.spread) * 10) / 10);
    yield { fixed: [id, name, THEMES[i % THEMES.length], kind.unit, kind.polarity, kind.target, kind.tolerance], actuals };
  }
}

/** The same wide data as grids in memory, for timing the core alone. */
export function wideGrids(measures: number): WorkbookGrids {
  const rows: (Cell | undefined)[][] = [WIDE_HEADERS.map((value) => ({ value }))];
  for (const m of benchMeasures(measures)) rows.push([...m.fixed, ...m.actuals].map((value) => ({ value })));
  const sheet: SheetGrid = { name: 'Measures', rows, tables: [] };
  return { sheets: [sheet] };
}
