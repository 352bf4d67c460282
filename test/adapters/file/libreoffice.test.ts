/**
 * The patched workbooks open in another spreadsheet program: LibreOffice,
 * headless, converts each to PDF. Skipped only when `soffice` is missing
 * (CI installs libreoffice-calc).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildRichWorkbook } from '../../fixtures/package/rich-workbook';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/xlsx';

function hasSoffice(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasSoffice();
const describeWithSoffice = available ? describe : describe.skip;
if (!available) console.warn('libreoffice.test.ts skipped: soffice is not installed (apt-get install libreoffice-calc)');

describeWithSoffice('LibreOffice opens what Ragbook writes', () => {
  let dir: string;
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('converts the patched sample, rich .xlsm and .xlsx workbooks to PDF', async () => {
    dir = await tempDir();
    const sample = path.join(__dirname, '../../../assets/sample-performance.xlsx');
    const inputs: string[] = [];
    expect((await runCli(['run', sample, '-o', path.join(dir, 'sample')])).code).toBe(0);
    for (const file of await fs.readdir(path.join(dir, 'sample'))) inputs.push(path.join(dir, 'sample', file));
    for (const extension of ['.xlsm', '.xlsx']) {
      const source = path.join(dir, `rich${extension}`);
      await fs.writeFile(source, await buildRichWorkbook({ macro: extension === '.xlsm' }));
      const once = path.join(dir, `rich-once${extension}`);
      const twice = path.join(dir, `rich-twice${extension}`);
      expect((await runCli(['apply', source, '-o', once])).code).toBe(0);
      expect((await runCli(['apply', once, '-o', twice])).code).toBe(0);
      inputs.push(once, twice);
    }
    const out = path.join(dir, 'pdf');
    const profile = path.join(dir, 'profile');
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...inputs],
      { encoding: 'utf8', timeout: 170_000 },
    );
    expect(result.status).toBe(0);
    for (const input of inputs) {
      const pdf = path.join(out, `${path.basename(input, path.extname(input))}.pdf`);
      const stat = await fs.stat(pdf).catch(() => undefined);
      expect({ input: path.basename(input), converted: (stat?.size ?? 0) > 1000 }).toEqual({ input: path.basename(input), converted: true });
    }
  }, 180_000);
});
