/**
 * The browser side of the real-runtime harness: the Office adapter, bundled,
 * next to Microsoft's Excel runtime (`excel-web-16.00.js`, loaded first by the
 * page). Each call makes a real `Excel.RequestContext`, gives it the replay
 * executor over a fresh simulated workbook, runs the adapter, and returns what
 * was sent and what the workbook holds afterwards. The Node side calls these
 * through `window.__realRuntime`.
 */
import { explainExcelError } from '../../../../src/adapters/office/errors';
import { readGrids } from '../../../../src/adapters/office/read-grids';
import { writePlan } from '../../../../src/adapters/office/write-plan';
import { applyReport } from '../../../../src/core/apply/apply-report';
import { commentaryReport } from '../../../../src/core/commentary/report';
import type { WorkbookGrids } from '../../../../src/model/grid';
import { rangeAddress } from '../../../../src/model/address';
import { styledRanges, type WritePlan } from '../../../../src/model/plan';
import { wideGrids } from '../../../bench/measures';
import { ExcelSim } from '../sim/excel-sim';
import { SimWorkbook } from '../sim/model';
import { type OfficeExtensionGlobal, ReplayExecutor, type SentRequest } from './replay';

declare const OfficeExtension: OfficeExtensionGlobal;

export interface RunOutcome {
  sent: SentRequest[];
  /** The error's name and message, when the adapter failed. */
  error?: { name: string; message: string; code?: string };
  /** Every non-empty cell afterwards: sheet → "row,col" → what Range.values and formulas would show. */
  cells: Record<string, Record<string, { value: unknown; formula?: string; numberFormat: string; fill?: string }>>;
  sheetNames: string[];
  recalculations: number;
  /** SimWorkbook.snapshot() afterwards as JSON, when the setup asks for it (a string crosses to Node far faster than the objects). */
  snapshot?: string;
}

export interface Setup {
  grids: WorkbookGrids;
  /** Sheets the user has protected (Review ▸ Protect Sheet). */
  protectedSheets?: string[];
  /** Review ▸ Protect Workbook. */
  structureProtected?: boolean;
  calculationMode?: SimWorkbook['calculationMode'];
  keepBodies?: boolean;
  snapshot?: boolean;
}

function contextOver(sim: ExcelSim, keepBodies = false): { context: Excel.RequestContext; executor: ReplayExecutor } {
  const context = new Excel.RequestContext();
  const executor = new ReplayExecutor(OfficeExtension, sim, keepBodies);
  (context as unknown as { _requestExecutor: ReplayExecutor })._requestExecutor = executor;
  return { context, executor };
}

function simulatedBook(setup: Setup): ExcelSim {
  const book = SimWorkbook.fromGrids(setup.grids);
  for (const name of setup.protectedSheets ?? []) book.sheet(name)!.protected = true;
  book.structureProtected = setup.structureProtected ?? false;
  if (setup.calculationMode) book.calculationMode = setup.calculationMode;
  return new ExcelSim(book);
}

function outcome(sim: ExcelSim, sent: SentRequest[], error?: unknown): RunOutcome {
  const cells: RunOutcome['cells'] = {};
  for (const sheet of sim.book.sheets) {
    cells[sheet.name] = {};
    for (const [key, cell] of sheet.cells) {
      if (cell.value === '' && !cell.formula && !cell.fill && cell.numberFormat === 'General') continue;
      cells[sheet.name][key] = { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat, fill: cell.fill };
    }
  }
  const failure = error instanceof Error ? { name: error.name, message: error.message, code: (error as { code?: string }).code } : undefined;
  return { sent, error: failure, cells, sheetNames: sim.book.sheets.map((s) => s.name), recalculations: sim.counters.recalculations };
}

/** Runs writePlan under the real runtime on a simulated workbook set up as asked. */
async function write(setup: Setup, plan: WritePlan): Promise<RunOutcome> {
  const sim = simulatedBook(setup);
  const { context, executor } = contextOver(sim, setup.keepBodies);
  try {
    await writePlan(context, plan);
    return { ...outcome(sim, executor.sent), ...(setup.snapshot ? { snapshot: JSON.stringify(sim.book.snapshot()) } : {}) };
  } catch (error) {
    return outcome(sim, executor.sent, error);
  }
}

export interface ReadOutcome {
  sent: SentRequest[];
  /** True when the grids read are the grids the workbook was made from. */
  same: boolean;
  error?: RunOutcome['error'];
}

/** Runs readGrids under the real runtime on a workbook made from `grids` (or the bench's wide measures). */
async function read(grids: WorkbookGrids | number): Promise<ReadOutcome> {
  const source = typeof grids === 'number' ? wideGrids(grids) : grids;
  const sim = simulatedBook({ grids: source });
  const { context, executor } = contextOver(sim);
  try {
    const read = await readGrids(context);
    return { sent: executor.sent, same: JSON.stringify(read) === JSON.stringify(source) };
  } catch (error) {
    return { ...outcome(sim, executor.sent, error), same: false };
  }
}

const REPORTS = { apply: applyReport, commentary: commentaryReport };

/** The addresses, values and number formats a plan writes, as text: the floor of what any request could carry. */
function payloadFloorBytes(plan: WritePlan): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const sheet of plan.sheets) {
    for (const block of sheet.values) bytes += encoder.encode(JSON.stringify(block.values)).length;
    for (const { range, style } of styledRanges(sheet)) {
      bytes += rangeAddress(range.row, range.col, range.rowCount, range.colCount).length + 1;
      // A number format is data too: one per cell (a coloured figure's carries its status's symbol).
      const format = plan.styles[style]?.numberFormat;
      if (format) bytes += range.rowCount * range.colCount * encoder.encode(JSON.stringify([format])).length;
    }
  }
  return bytes;
}

export interface ReportFigures {
  measures: number;
  requests: number[];
  floorBytes: number;
  error?: RunOutcome['error'];
  /** Cells the plan fills, and cells filled in the simulated workbook afterwards. */
  filledCells: number;
}

/** A report's plan for `measures` wide-layout measures × 12 quarters, run under the real runtime: the size of every request. */
async function measureReport(report: keyof typeof REPORTS, measures: number): Promise<ReportFigures> {
  const grids = wideGrids(measures);
  const plan = REPORTS[report].run(grids, { today: '2018-04-30' }).plan;
  const result = await write({ grids }, plan);
  const filledCells = Object.values(result.cells).reduce((n, sheet) => n + Object.values(sheet).filter((c) => c.fill).length, 0);
  return { measures, requests: result.sent.map((r) => r.bytes), floorBytes: payloadFloorBytes(plan), error: result.error, filledCells };
}

/** A request over Excel on the web's 5 MB, refused as that host refuses it: the error Office.js raises, in the pane's words. */
async function oversizedWrite(): Promise<{ code?: string; message: string }> {
  const sim = simulatedBook({ grids: { sheets: [{ name: 'Sheet1', rows: [], tables: [] }] } });
  const { context } = contextOver(sim);
  const text = 'x'.repeat(1000);
  context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 6000, 1).values = Array.from({ length: 6000 }, () => [text]);
  try {
    await context.sync();
    return { message: 'no error' };
  } catch (error) {
    const explained = explainExcelError(error) as Error & { code?: string };
    return { code: explained.code, message: explained.message };
  }
}

/** Texts written straight into General cells (no adapter): what Excel makes of them. */
async function writeRaw(texts: string[]): Promise<{ value: unknown; formula?: string }[]> {
  const sim = simulatedBook({ grids: { sheets: [{ name: 'Sheet1', rows: [], tables: [] }] } });
  const { context } = contextOver(sim);
  context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, texts.length, 1).values = texts.map((t) => [t]);
  await context.sync();
  return texts.map((_, r) => {
    const cell = sim.book.sheet('Sheet1')!.peek(r, 0)!;
    return { value: cell.value, formula: cell.formula };
  });
}

const api = { write, read, measureReport, oversizedWrite, writeRaw };
export type RealRuntimeApi = typeof api;
(window as unknown as { __realRuntime: RealRuntimeApi }).__realRuntime = api;
