/**
 * The hostile corpus through every verb, in-process: each run ends in a
 * one-line message or a result, never a throw or a stack trace, and the input
 * is byte-identical afterwards. Jest's timeout (20 s a run) is the time bound.
 *
 * The million-row sheet runs with `--max-cells 100000`, so every verb refuses
 * it quickly with the limit named. (Reading it whole takes minutes and gigabytes:
 * see README, "Robustness".)
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { reports } from '../../src/core/reports';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';
import { buildBadCorpus, type CorpusName, ERROR_VALUES, INJECTIONS } from '../fixtures/bad/build-corpus';

const VERBS = [...reports.map((r) => r.name), 'run'];
const RUN_TIMEOUT = 20_000;

type Outcome = { code: 0; out: RegExp } | { code: 1; err: RegExp };
type Expectations = Partial<Record<string, Outcome>> & { all?: Outcome };

const refused = (err: RegExp): Outcome => ({ code: 1, err });
const done = (out: RegExp): Outcome => ({ code: 0, out });

/** What each report says when the workbook has nothing for it. */
const NOTHING_FOR = {
  apply: refused(/no sheet of measures found/),
  commentary: refused(/no sheet of measures found/),
  ttc: refused(/no Turning the Curve blocks found/),
  budgets: refused(/no Budgets sheet found/),
  actions: refused(/no action plan/),
  exceptions: refused(/no sheet of measures found/),
  spc: refused(/no sheet of measures found/),
};

/** A measures workbook with nothing else: apply, commentary and run work; the others say what is missing. */
const MEASURES_ONLY = (summary: RegExp): Expectations => ({
  ...NOTHING_FOR,
  apply: done(summary),
  commentary: done(/Commentary for \d+ measures/),
  exceptions: done(/\d+ exceptions? for /),
  spc: done(/SPC for \d+ of \d+ measures?/),
  run: done(summary),
});

const EXPECTED: Record<CorpusName, Expectations> = {
  empty: { all: refused(/empty\.xlsx: the file is empty/) },
  truncated: { all: refused(/truncated\.xlsx: the file is damaged or truncated/) },
  notZip: { all: refused(/not-a-zip\.xlsx: it is not an Excel workbook/) },
  zipNotWorkbook: { all: refused(/zip-not-workbook\.xlsx: it is a zip file but not an Excel workbook/) },
  zipBomb: { all: refused(/zip-bomb\.xlsx: the workbook expands to more than 1 GiB; use --max-size to raise the limit/) },
  lyingZipBomb: { all: refused(/lying-zip-bomb\.xlsx: the file is damaged or truncated \(xl\/worksheets\/sheet1\.xml does not match its checksum\)/) },
  millionRows: { all: refused(/million-rows\.xlsx: .*more than 100,000 cells; use --max-cells to raise the limit/) },
  // Every column is taken: apply's Status columns have nowhere to go, and the file, like the add-in, says so before writing.
  widest: {
    ...MEASURES_ONLY(/3 measures for Q3 2017\/18/),
    apply: refused(/columns-16384\.xlsx: the KPIs sheet would run past Excel's last row or column \(1,048,576 rows, 16,384 columns\), so no workbook was written/),
    run: refused(/columns-16384\.xlsx: the KPIs sheet would run past Excel's last row or column/),
  },
  // The header spans two rows (merged cells above the quarters): not a layout Ragbook reads; it says what it looks for.
  mergedHeaders: { ...NOTHING_FOR, run: refused(/merged-headers\.xlsx: nothing to do: no report found what it needs \(a sheet of measures/) },
  mergedTitleAndThemes: MEASURES_ONLY(/4 measures for Q3 2017\/18: 1 met, 2 within tolerance, 1 not met/),
  // The Q3 formula has no saved result: that measure is judged on its latest figure before it.
  formulas: MEASURES_ONLY(/3 measures for Q3 2017\/18: 1 met, 1 within tolerance, 1 no target/),
  errorValues: MEASURES_ONLY(/8 measures for Q1 2017\/18/),
  datePeriods: MEASURES_ONLY(/3 measures for Dec 2017: 1 met, 1 within tolerance, 1 not met/),
  numericPeriods: MEASURES_ONLY(/3 measures for 2017: 1 met, 1 within tolerance, 1 not met/),
  duplicateIds: MEASURES_ONLY(/4 measures for Q3 2017\/18/),
  duplicateHeaders: MEASURES_ONLY(/3 measures for Q2 2017\/18/),
  emptySheets: { ...NOTHING_FOR, run: refused(/nothing to do: no report found what it needs/) },
  headersOnly: {
    ...MEASURES_ONLY(/0 measures/),
    apply: refused(/headers-only\.xlsx: the sheet 'KPIs' has measure headers but no measures under them/),
    run: done(/Apply colours: nothing to do \(it needs a sheet of measures\)/),
  },
  longText: MEASURES_ONLY(/3 measures for Q3 2017\/18: 1 met, 1 within tolerance, 1 not met/),
  injection: {
    ...MEASURES_ONLY(/5 measures for Q3 2017\/18/),
    budgets: done(/Budgets: 5 strategies/),
    actions: done(/5 actions as at 30 November 2018/),
  },
  foreignText: MEASURES_ONLY(/3 measures for Q3 2017\/18: 1 met, 1 within tolerance, 1 not met/),
  encrypted: { all: refused(/password-protected\.xlsx: it is a password-protected workbook; open it in Excel, remove the password/) },
  oldXls: { all: refused(/old-binary\.xls: it is an old-style \.xls workbook; open it in Excel and save it as an \.xlsx workbook/) },
  csvNamedXlsx: { all: refused(/exported-csv\.xlsx: it is not an Excel workbook .*CSV/) },
  csv: { all: refused(/measures\.csv: it is not an Excel workbook .*CSV/) },
  quotedSheetName: MEASURES_ONLY(/3 measures for Q3 2017\/18: 1 met, 1 within tolerance, 1 not met/),
  quotedSheetNameLegal: MEASURES_ONLY(/3 measures for Q3 2017\/18: 1 met, 1 within tolerance, 1 not met/),
};

const EXTRA_ARGS: Partial<Record<CorpusName, string[]>> = { millionRows: ['--max-cells', '100000'] };

let corpus: Record<string, string>;
let outDir: string;
beforeAll(async () => {
  corpus = await buildBadCorpus();
  outDir = await tempDir('ragbook-corpus-');
}, 120_000);

afterAll(async () => {
  await fs.rm(outDir, { recursive: true, force: true });
});

/** The file's SHA-256: comparing a 30 MB file as a jest array would take minutes. */
async function digest(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

/** Every workbook a run wrote: the -o file, or the files in the -o folder. */
async function writtenFiles(output: string): Promise<string[]> {
  const stat = await fs.stat(output).catch(() => undefined);
  if (!stat) return [];
  if (!stat.isDirectory()) return [output];
  return (await fs.readdir(output)).map((name) => path.join(output, name));
}

/** The text of every <f> element in every worksheet of a package. */
function formulasIn(bytes: Uint8Array): string[] {
  const parts = unzipSync(bytes);
  return Object.entries(parts)
    .filter(([name]) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))
    .flatMap(([, data]) => [...strFromU8(data).matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => m[1]));
}

/** All the text a package carries (shared strings and inline strings), unescaped enough to find plain phrases. */
function textIn(bytes: Uint8Array): string {
  const parts = unzipSync(bytes);
  return Object.entries(parts)
    .filter(([name]) => /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(name))
    .map(([, data]) => strFromU8(data).replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&lt;/g, '<'))
    .join('\n');
}

const cases = Object.keys(EXPECTED).flatMap((name) => VERBS.map((verb) => [name as CorpusName, verb] as const));

describe.each(cases)('%s through ragbook %s', (name, verb) => {
  test(
    'ends in a one-line message or a result, with the input unchanged',
    async () => {
      const input = corpus[name];
      const before = await digest(input);
      const output = path.join(outDir, `${name}-${verb}${verb === 'run' ? '' : '.xlsx'}`);
      const result = await runCli([verb, input, '-o', output, ...(EXTRA_ARGS[name] ?? [])]);
      const expected = EXPECTED[name][verb] ?? EXPECTED[name].all;
      if (!expected) throw new Error(`no expectation for ${name} through ${verb}`);

      expect(`${result.out}${result.err}`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|internal error|TypeError|RangeError/);
      if (expected.code === 1) {
        expect(result).toMatchObject({ code: 1, out: '' });
        expect(result.err).toMatch(new RegExp(`^ragbook ${verb}: [^\\n]+\\n$`));
        expect(result.err).toMatch(expected.err);
        expect(await writtenFiles(output)).toEqual([]);
      } else {
        expect(result).toMatchObject({ code: 0, err: '' });
        expect(result.out).toMatch(expected.out);
        for (const file of await writtenFiles(output)) {
          // Whatever Ragbook wrote is a whole package, and formula-looking text in it stayed text.
          const bytes = new Uint8Array(await fs.readFile(file));
          const formulas = formulasIn(bytes).join('\n');
          for (const text of INJECTIONS) expect(formulas).not.toContain(text.slice(1));
        }
      }
      expect(await digest(input)).toBe(before);
    },
    RUN_TIMEOUT,
  );
});

describe('what the corpus runs leave in the outputs', () => {
  async function output(name: string, verb: string): Promise<Uint8Array> {
    const file = path.join(outDir, `${name}-${verb}.xlsx`);
    if (!(await fs.stat(file).catch(() => undefined))) await runCli([verb, corpus[name], '-o', file]);
    return new Uint8Array(await fs.readFile(file));
  }

  test.each(['commentary', 'budgets', 'actions'])('formula-looking names and commentary come out of %s as text', async (verb) => {
    const text = textIn(await output('injection', verb));
    const seen = INJECTIONS.filter((injection) => text.includes(injection));
    expect(seen.length).toBeGreaterThan(0);
  }, RUN_TIMEOUT);

  test('every Excel error value is reported on the Issues list, by cell', async () => {
    const result = await runCli(['apply', corpus.errorValues, '--json']);
    const issues: { sheet: string; cell: string; message: string }[] = JSON.parse(result.out).issues;
    for (const error of ERROR_VALUES) {
      expect(issues).toContainEqual({ sheet: 'KPIs', cell: expect.stringMatching(/^[A-Z]+\d+$/), message: expect.stringContaining(error) });
    }
  }, RUN_TIMEOUT);

  test('right-to-left and Windows-1252 text is read, and the sheet name kept', async () => {
    const text = textIn(await output('foreignText', 'commentary'));
    expect(text).toContain('نسبة الزيارات في الوقت المحدد');
    expect(text).toContain('Caf');
  }, RUN_TIMEOUT);
});
