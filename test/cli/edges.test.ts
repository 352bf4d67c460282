/** The CLI's rough edges (issue 18): no arguments, nothing to do, UK dates, aligned help. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { alignedHelp, isoDateOf } from '../../src/cli/command';
import { commands } from '../../src/cli/main';
import { runCli } from '../helpers/cli';
import { saveWorkbook, tempDir } from '../helpers/xlsx';

const SAMPLE = path.join(__dirname, '../../assets/sample-performance.xlsx');

describe('ragbook with nothing to do', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('with no arguments prints the help as an error and exits 1', async () => {
    const { code, out, err } = await runCli([]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^Usage: ragbook <command>/);
  });

  it('run on a workbook no report applies to exits 1 and says why', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').getCell('A1').value = 'Minutes of the last meeting';
    const file = await saveWorkbook(book, dir, 'notes.xlsx');
    const { code, err } = await runCli(['run', file, '-o', path.join(dir, 'out')]);
    expect(code).toBe(1);
    expect(err).toMatch(/^ragbook run: .*notes\.xlsx: nothing to do: no report found what it needs \(a sheet of measures, .*a TTC sheet/);
  });
});

describe('--as-at', () => {
  it('takes a UK date as written, day first', async () => {
    const dir = await tempDir();
    try {
      const { code, out } = await runCli(['actions', SAMPLE, '--as-at', '30/11/2018', '-o', path.join(dir, 'a.xlsx')], '2020-01-01');
      expect(code).toBe(0);
      expect(out).toMatch(/actions as at 30 November 2018/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reads ISO and UK forms, and refuses dates that do not exist', () => {
    expect(isoDateOf('2018-11-30')).toBe('2018-11-30');
    expect(isoDateOf('30/11/2018')).toBe('2018-11-30');
    expect(isoDateOf('1-4-2019')).toBe('2019-04-01');
    expect(isoDateOf('31/11/2018')).toBeUndefined();
    expect(isoDateOf('11/30/2018')).toBeUndefined();
    expect(isoDateOf('next week')).toBeUndefined();
  });
});

describe('help text', () => {
  it("starts every option's description in one column, two spaces after the longest option", () => {
    for (const command of commands) {
      const options = command.help.split('\n').filter((line) => /^ {2}-/.test(line));
      const columns = new Set(options.map((line) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(line)?.[0].length));
      expect({ command: command.name, columns: [...columns] }).toEqual({ command: command.name, columns: [expect.any(Number)] });
    }
  });

  it('aligns a help with an option too long for its column', () => {
    expect(alignedHelp('  -o, --output FILE Where\n  --json            Print')).toBe('  -o, --output FILE  Where\n  --json             Print');
  });
});
