/**
 * The simulated Excel host as the browser sees it: stands in for Microsoft's
 * office.js (the end-to-end test serves this bundle at office.js's address),
 * seeded with the workbook the test put in `window.__ragbookSeed`. The test
 * looks at the host's state through `window.__ragbookSim`.
 */
import type { WorkbookGrids } from '../../src/model/grid';
import { ExcelSim } from '../adapters/office/sim/excel-sim';
import { SimWorkbook } from '../adapters/office/sim/model';

interface SimWindow {
  __ragbookSeed?: WorkbookGrids;
  __ragbookSim?: ExcelSim;
  /** Office's theme colours, when the test wants a dark Office. */
  __ragbookOfficeTheme?: { bodyBackgroundColor: string };
  Excel?: unknown;
  Office?: unknown;
}

const host = window as unknown as SimWindow;
const sim = new ExcelSim(SimWorkbook.fromGrids(host.__ragbookSeed ?? { sheets: [{ name: 'Sheet1', rows: [], tables: [] }] }));
host.__ragbookSim = sim;
host.Excel = {
  run: <R>(batch: (context: unknown) => Promise<R>) => sim.run(batch),
  createWorkbook: (base64?: string) => sim.createWorkbook(base64),
};
host.Office = {
  HostType: { Excel: 'Excel' },
  context: { officeTheme: host.__ragbookOfficeTheme, requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && Number(version) <= 1.9 } },
  onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
};
