/**
 * The protective marking in the add-in: read from the workbook's custom
 * document properties (a sensitivity label), it heads and foots every page
 * Ragbook generates, as the CLI prints it from the same file.
 */
import { openWorkbook } from '../../../src/adapters/file';
import { readGrids } from '../../../src/adapters/office/read-grids';
import { commentaryReport } from '../../../src/core/commentary/report';
import { buildSampleWorkbook } from '../../fixtures/sample/build-sample';
import { mipProperties, withCustomProperties } from '../../fixtures/email/report-workbooks';
import { differences } from './compare';
import { execute } from './run-plan';
import { ExcelSim } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';

const options = { today: '2018-11-30' };
const BOLD_MARKING = '&"-,Bold"OFFICIAL-SENSITIVE';

test('the live workbook’s sensitivity label is read, and every generated sheet prints it in its header and footer, as the file does', async () => {
  const label = mipProperties('Official Sensitive');
  const bytes = withCustomProperties(new Uint8Array(await buildSampleWorkbook()), label);
  const opened = await openWorkbook(bytes);
  expect(opened.grids.marking).toBe('OFFICIAL-SENSITIVE');

  // The simulated host is seeded with cells only: the label comes from its custom properties.
  const sim = new ExcelSim(SimWorkbook.fromGrids({ sheets: opened.grids.sheets }));
  for (const [key, value] of Object.entries(label)) sim.book.customProperties.set(key, value);
  const grids = await sim.run((context) => readGrids(context as unknown as Excel.RequestContext));
  expect(grids.marking).toBe('OFFICIAL-SENSITIVE');

  const { plan } = commentaryReport.run(grids, options);
  const before = await differences(bytes, sim.book);
  await execute(sim, plan);
  const generated = plan.sheets.filter((s) => s.mode === 'generated').map((s) => s.name);
  expect(generated.length).toBeGreaterThan(1);
  for (const name of generated) {
    const lines = sim.book.sheet(name)?.page.headersFooters;
    expect({ name, header: lines?.centerHeader, footer: lines?.centerFooter }).toEqual({ name, header: BOLD_MARKING, footer: BOLD_MARKING });
  }
  const after = await differences(await opened.write(commentaryReport.run(opened.grids, options).plan), sim.book);
  expect(after.filter((d) => !before.includes(d))).toEqual([]);
});

test('a workbook without a label or classification property has no marking in the add-in either', async () => {
  const sim = new ExcelSim(SimWorkbook.fromGrids({ sheets: [{ name: 'Measures', rows: [], tables: [] }] }));
  sim.book.customProperties.set('Author', 'Performance team');
  sim.book.customProperties.set(`MSIP_Label_x_Name`, 'OFFICIAL');
  sim.book.customProperties.set(`MSIP_Label_x_Enabled`, false);
  expect((await sim.run((context) => readGrids(context as unknown as Excel.RequestContext))).marking).toBeUndefined();
});
