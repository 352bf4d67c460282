/** Runs the Office adapter's writePlan against the simulated host, seeded from a workbook file. */
import { openWorkbook } from '../../../src/adapters/file';
import { writePlan } from '../../../src/adapters/office/write-plan';
import type { WritePlan } from '../../../src/model/plan';
import { measuresWorkbook } from './fixtures';
import { ExcelSim } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';

/** The measures workbook as a file, and the same workbook open in the simulated host. */
export async function simulated(measures: number): Promise<{ sim: ExcelSim; bytes: Uint8Array }> {
  const bytes = await measuresWorkbook(measures);
  const { grids } = await openWorkbook(bytes);
  return { sim: new ExcelSim(SimWorkbook.fromGrids(grids)), bytes };
}

export async function execute(sim: ExcelSim, plan: WritePlan): Promise<void> {
  await sim.run((context) => writePlan(context as unknown as Excel.RequestContext, plan));
}
