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
  /** The workbook as saved (base64), for Document.getFileAsync; the document's URL names it. */
  __ragbookFile?: { url: string; base64: string };
  /** Office's platform, when the test wants one other than Excel on the web. */
  __ragbookPlatform?: string;
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
/** Document.getFileAsync over the seeded file, in the slices asked for, with Office's callback results. */
function getFileAsync(_type: string, options: { sliceSize: number }, callback: (result: { status: string; value: unknown }) => void): void {
  const bytes = Uint8Array.from(atob(host.__ragbookFile?.base64 ?? ''), (c) => c.charCodeAt(0));
  const sliceCount = Math.ceil(bytes.length / options.sliceSize);
  const file = {
    size: bytes.length,
    sliceCount,
    getSliceAsync: (index: number, done: (result: { status: string; value: unknown }) => void) =>
      setTimeout(() => done({ status: 'succeeded', value: { index, data: [...bytes.subarray(index * options.sliceSize, (index + 1) * options.sliceSize)] } })),
    closeAsync: () => undefined,
  };
  setTimeout(() => callback({ status: 'succeeded', value: file }));
}

host.Office = {
  HostType: { Excel: 'Excel' },
  FileType: { Compressed: 'compressed' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS' },
  context: {
    officeTheme: host.__ragbookOfficeTheme,
    platform: host.__ragbookPlatform ?? 'OfficeOnline',
    document: { url: host.__ragbookFile?.url ?? '', getFileAsync },
    requirements: {
      isSetSupported: (name: string, version: string) => (name === 'ExcelApi' && Number(version) <= 1.9) || (name === 'CompressedFile' && host.__ragbookFile !== undefined),
    },
  },
  onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
};
