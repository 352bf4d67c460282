/**
 * SPEC §4 through the CLI and the file adapter: a workbook whose user has
 * sheets named like every sheet Ragbook generates. Every report leaves those
 * sheets byte for byte as they were and puts its own at "Summary (2)" and so
 * on; a re-run replaces Ragbook's "(2)" sheets, never adding "(3)".
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../src/adapters/file';
import { reports } from '../../src/core/reports';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';
import { REPORT_OPTIONS, sampleWithUserSheets, type UserSheetsWorkbook, worksheetParts } from '../fixtures/user-sheets';

let dir: string;
let input: string;
let sample: UserSheetsWorkbook;
let outputs: Map<string, string>;

beforeAll(async () => {
  dir = await tempDir('ragbook-user-sheets-');
  sample = await sampleWithUserSheets();
  input = path.join(dir, 'report.xlsx');
  await fs.writeFile(input, sample.bytes);
  const run = await runCli(['run', input, '-o', path.join(dir, 'out')]);
  expect(run).toMatchObject({ code: 0, err: '' });
  outputs = new Map(reports.map((r) => [r.name, path.join(dir, 'out', `report-${r.fileSuffix}.xlsx`)]));
}, 60_000);

async function sheetsOf(file: string): Promise<{ names: string[]; generated: string[] }> {
  const { grids } = await openWorkbook(new Uint8Array(await fs.readFile(file)));
  return { names: grids.sheets.map((s) => s.name), generated: grids.sheets.filter((s) => s.marks?.generated).map((s) => s.name) };
}

function expectUserSheetsUntouched(output: Uint8Array): void {
  const before = worksheetParts(sample.bytes);
  const after = worksheetParts(output);
  for (const name of sample.userSheets) expect([name, after.get(name)]).toEqual([name, before.get(name)]);
}

describe.each(reports.filter((r) => r.target === 'input').map((r) => r.name))('ragbook %s beside user sheets named like its own', (name) => {
  test('keeps the user’s sheets byte for byte and writes its own as "… (2)"', async () => {
    const output = new Uint8Array(await fs.readFile(outputs.get(name)!));
    expectUserSheetsUntouched(output);
    const { names, generated } = await sheetsOf(outputs.get(name)!);
    expect(generated.length).toBeGreaterThan(0);
    for (const own of generated) {
      expect(own).toMatch(/ \(2\)$/);
      expect(names).toContain(own.replace(/ \(2\)$/, ''));
    }
  });

  test('a re-run replaces its own "(2)" sheets and adds no "(3)"', async () => {
    const again = path.join(dir, `${name}-again.xlsx`);
    expect((await runCli([name, outputs.get(name)!, '-o', again])).code).toBe(0);
    const first = await sheetsOf(outputs.get(name)!);
    const second = await sheetsOf(again);
    expect(second.names).toEqual(first.names);
    expect(second.generated).toEqual(first.generated);
    expectUserSheetsUntouched(new Uint8Array(await fs.readFile(again)));
  });
});

describe('Turning the Curve beside user sheets named like its own', () => {
  test('the export names its Contents and priority sheets clear of the workbook’s', async () => {
    const { names, generated } = await sheetsOf(outputs.get('ttc')!);
    expect(names).toEqual(generated);
    expect(names[0]).toBe('Contents (2)');
    // Long names are shortened to fit Excel's 31 characters with the suffix.
    for (const own of names) expect(own).toMatch(/^.{1,27} \(2\)$/);
    expect(names).toContain('1. Timely assessments… (2)');
    expect(names.length).toBe(sample.userSheets.filter((n) => n === 'Contents' || /^\d+\. /.test(n)).length);
  });

  test('added to the workbook itself (as the add-in can), every user sheet stays and a re-run adds no "(3)"', async () => {
    const ttc = reports.find((r) => r.name === 'ttc')!;
    const opened = await openWorkbook(sample.bytes);
    const once = await opened.write(ttc.run(opened.grids, REPORT_OPTIONS).plan);
    expectUserSheetsUntouched(once);
    const reopened = await openWorkbook(once);
    const twice = await reopened.write(ttc.run(reopened.grids, REPORT_OPTIONS).plan);
    expectUserSheetsUntouched(twice);
    const names = (await openWorkbook(twice)).grids.sheets.map((s) => s.name);
    expect(names).toEqual((await openWorkbook(once)).grids.sheets.map((s) => s.name));
    expect(names).toContain('Contents');
    expect(names).toContain('Contents (2)');
    expect(names.some((n) => / \(3\)$/.test(n))).toBe(false);
  });
});
