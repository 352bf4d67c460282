/**
 * Writing safely: --in-place keeps a backup and refuses a workbook Excel has
 * open; -o never silently overwrites the input; temporary files left by a
 * killed run are cleared; the read limits can be raised or lowered by flag.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeStaleTempFiles, writeFileAtomic } from '../../src/cli/io';
import { runCli } from '../helpers/cli';
import { fillOf, loadWorkbook, tempDir } from '../helpers/xlsx';
import { CORPUS } from '../fixtures/bad/build-corpus';

let dir: string;
let input: string;
let original: Buffer;
beforeEach(async () => {
  dir = await tempDir('ragbook-in-place-');
  input = path.join(dir, 'Q2 report.xlsx');
  await CORPUS.longText.build(input);
  original = await fs.readFile(input);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('--in-place', () => {
  test('replaces the workbook and keeps the original beside it', async () => {
    const result = await runCli(['apply', input, '--in-place']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`Kept the original as ${path.join(dir, 'Q2 report.bak.xlsx')}`);
    expect(await fs.readFile(path.join(dir, 'Q2 report.bak.xlsx'))).toEqual(original);
    const sheet = (await loadWorkbook(input)).getWorksheet('KPIs')!;
    expect(fillOf(sheet.getCell('J4'))).toBeDefined();
    expect((await fs.readdir(dir)).sort()).toEqual(['Q2 report.bak.xlsx', 'Q2 report.xlsx']);
  });

  test('refuses while Excel has the workbook open (its ~$ lock file is beside it)', async () => {
    await fs.writeFile(path.join(dir, '~$Q2 report.xlsx'), 'owner');
    const result = await runCli(['apply', input, '--in-place']);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: `ragbook apply: ${input}: the workbook is open in Excel (~$Q2 report.xlsx is beside it); close it and run again\n`,
    });
    expect(await fs.readFile(input)).toEqual(original);
    expect((await fs.readdir(dir)).sort()).toEqual(['Q2 report.xlsx', '~$Q2 report.xlsx']);
  });

  test.each([
    [['apply', 'IN', '--in-place', '-o', 'other.xlsx'], 'ragbook apply: give either -o or --in-place, not both\n'],
    [['ttc', 'IN', '--in-place'], 'ragbook ttc: ragbook ttc writes a new workbook of its own; --in-place does not apply\n'],
  ])('%j is refused before anything is read', async (args, err) => {
    const result = await runCli(args.map((a) => (a === 'IN' ? input : a)));
    expect(result).toEqual({ code: 1, out: '', err });
    expect(await fs.readFile(input)).toEqual(original);
  });

  test('-o naming the input itself is refused without --in-place', async () => {
    const result = await runCli(['commentary', input, '-o', path.join(dir, '.', 'Q2 report.xlsx')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/that is the input workbook; write elsewhere, or use --in-place/);
    expect(await fs.readFile(input)).toEqual(original);
  });
});

describe('temporary files', () => {
  test('a temporary file left by a process that no longer runs is removed; others are left alone', async () => {
    const output = path.join(dir, 'out.xlsx');
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a running process
    const stale = `.ragbook-tmp-${deadPid}-0a1b2c3d-out.xlsx`;
    const live = `.ragbook-tmp-${process.pid}-0a1b2c3d-out.xlsx`;
    const otherTarget = `.ragbook-tmp-${deadPid}-0a1b2c3d-other.xlsx`;
    for (const name of [stale, live, otherTarget, 'notes.txt']) await fs.writeFile(path.join(dir, name), 'x');
    removeStaleTempFiles(output);
    expect((await fs.readdir(dir)).sort()).toEqual([live, otherTarget, 'Q2 report.xlsx', 'notes.txt'].sort());
  });

  test('a write that fails leaves neither the output nor a temporary file', async () => {
    const output = path.join(dir, 'missing folder', 'out.xlsx');
    expect(() => writeFileAtomic(output, new Uint8Array([1, 2, 3]))).toThrow(`${output}: could not write the output (there is no folder ${path.dirname(output)})`);
    expect((await fs.readdir(dir)).sort()).toEqual(['Q2 report.xlsx']);
  });
});

describe('read limits', () => {
  test.each([
    [['--max-cells', '10'], /the workbook has more than 10 cells; use --max-cells to raise the limit/],
    [['--max-size', '1KB'], /the workbook expands to more than 1 KiB; use --max-size to raise the limit/],
    [['--max-size', 'lots'], /^ragbook apply: --max-size must be a size such as 500MB or 2GB \(got 'lots'\)\n$/],
    [['--max-cells', '0'], /^ragbook apply: --max-cells must be a whole number such as 50000000 \(got '0'\)\n$/],
  ])('%j', async (flags, err) => {
    const result = await runCli(['apply', input, '-o', path.join(dir, 'out.xlsx'), ...flags]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(err);
  });

  test('raised limits let a large workbook through', async () => {
    const result = await runCli(['apply', input, '-o', path.join(dir, 'out.xlsx'), '--max-size', '2GB', '--max-cells', '50,000,000']);
    expect(result).toMatchObject({ code: 0, err: '' });
  });
});
