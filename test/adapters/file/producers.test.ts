/**
 * Workbooks from every producer officers' files come from (openpyxl,
 * LibreOffice, Gnumeric, SheetJS, exceljs, Strict OOXML, and hand-made edge
 * cases; see test/fixtures/producers/make.ts) are read right, and what
 * Ragbook writes from each is valid by independent checks: xmllint, the
 * package rules, the style indices, LibreOffice (which must open it and show
 * the fills) and openpyxl (which must load it). Parts Ragbook does not own
 * come out byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { openWorkbook } from '../../../src/adapters/file';
import type { WritePlan } from '../../../src/model/plan';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/xlsx';
import { PRODUCERS_DIR } from '../../fixtures/producers/make';
import { encodingProblems, packageProblems, readStyleCollections, styleProblems } from './package-validity';

const fixture = (name: string) => path.join(PRODUCERS_DIR, name);
const REFUSED = new Set(['case-twins.xlsx']);
const FIXTURES = readdirSync(PRODUCERS_DIR)
  .filter((f) => /\.xls[xm]$/.test(f) && !REFUSED.has(f))
  .sort();

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

interface Output {
  fixture: string;
  file: string;
  bytes: Uint8Array;
}

/** The worksheet part of the sheet named Measures, the one sheet of the user's that Ragbook writes to. */
function measuresPart(input: Record<string, Uint8Array>): string {
  const sheet = /<(?:\w+:)?sheet\b[^>]*name="Measures"[^>]*>/.exec(strFromU8(input['xl/workbook.xml']))?.[0] ?? '';
  const id = /\b\w+:id="([^"]+)"/.exec(sheet)?.[1];
  const rel = [...strFromU8(input['xl/_rels/workbook.xml.rels']).matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`)) ?? '';
  const target = /Target="([^"]+)"/.exec(rel)?.[1] ?? '';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** A sheet's views without their tab selection: the workbook opens on Ragbook's report, so the user's sheets lose theirs. */
function unselected(xml: string): string {
  return xml.replace(/(<(?:\w+:)?sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"/g, '$1');
}

/** A worksheet without the elements Ragbook writes on a user's sheet. */
function outsideRagbooksEdits(xml: string): string {
  return ['sheetData', 'sheetPr', 'dimension', 'cols', 'pageSetup'].reduce(
    (text, name) => text.replace(new RegExp(`<(\\w+:)?${name}\\b[^>]*?(/>|>[\\s\\S]*?</(\\w+:)?${name}>)`), ''),
    unselected(xml),
  );
}

/** The workbook part's sheet-scoped names, each with the name of its sheet (found by position, as readers find it). */
function scopedNames(workbookXml: string): string[] {
  const sheets = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
  return [...workbookXml.matchAll(/<(?:\w+:)?definedName\b[^>]*>[^<]*/g)].map((m) => m[0].replace(/localSheetId="(\d+)"/, (_, n: string) => `sheet="${sheets[Number(n)]}"`));
}

/** Parts Ragbook writes when it patches a workbook; every other part must come out byte for byte. */
function isOwned(part: string, input: Record<string, Uint8Array>): boolean {
  return (
    !(part in input) ||
    part === '[Content_Types].xml' ||
    part.endsWith('.rels') ||
    /^xl\/(workbook|styles|calcChain)\.xml$/.test(part) ||
    // Its list of worksheets names the sheets Ragbook adds, in tab order.
    part === 'docProps/app.xml' ||
    part === measuresPart(input)
  );
}

let dir: string;
const outputs: Output[] = [];

beforeAll(async () => {
  dir = await tempDir();
  for (const name of FIXTURES) {
    const out = path.join(dir, path.basename(name, path.extname(name)));
    const result = await runCli(['run', fixture(name), '-o', out]);
    if (result.code !== 0) throw new Error(`${name}: ${result.err}`);
    for (const file of (await fs.readdir(out)).sort()) {
      outputs.push({ fixture: name, file: path.join(out, file), bytes: new Uint8Array(await fs.readFile(path.join(out, file))) });
    }
  }
}, 120_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('what Ragbook writes from each producer is valid', () => {
  it('writes the coloured and commentary workbooks for every fixture', () => {
    for (const name of FIXTURES) {
      const written = outputs.filter((o) => o.fixture === name).map((o) => path.basename(o.file).replace(/^.*-(\w+)\.xls[xm]$/, '$1'));
      expect({ name, written: written.filter((w) => w === 'coloured' || w === 'commentary') }).toEqual({ name, written: ['coloured', 'commentary'] });
    }
  });

  it('every part is well-formed XML (xmllint) in the encoding it declares', async () => {
    for (const output of outputs) {
      const parts = path.join(`${output.file}.parts`);
      const files = unzipSync(output.bytes);
      const xmlParts: string[] = [];
      for (const [name, data] of Object.entries(files)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const target = path.join(parts, name);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, data);
        xmlParts.push(target);
      }
      const lint = spawnSync('xmllint', ['--noout', ...xmlParts], { encoding: 'utf8' });
      expect({ file: output.file, errors: lint.stderr }).toEqual({ file: output.file, errors: '' });
      expect({ file: output.file, problems: encodingProblems(output.bytes) }).toEqual({ file: output.file, problems: [] });
    }
  });

  it('every part has a content type, every relationship target exists, and style indices and counts are right', () => {
    for (const output of outputs) {
      expect({ file: output.file, problems: [...packageProblems(output.bytes), ...styleProblems(output.bytes)] }).toEqual({ file: output.file, problems: [] });
    }
  });

  it('parts Ragbook does not own are byte-identical; in styles and the workbook part it only adds', () => {
    for (const output of outputs) {
      const input = unzipSync(readFileSync(fixture(output.fixture)));
      const written = unzipSync(output.bytes);
      for (const part of Object.keys(input).filter((p) => !p.endsWith('/') && !isOwned(p, input))) {
        const same = Buffer.from(written[part] ?? []).equals(Buffer.from(input[part])) || unselected(strFromU8(written[part] ?? [])) === unselected(strFromU8(input[part]));
        expect({ part, same }).toEqual({ part, same: true });
      }
      const before = readStyleCollections(strFromU8(input['xl/styles.xml']));
      const after = readStyleCollections(strFromU8(written['xl/styles.xml']));
      for (const [name, collection] of before) {
        expect({ name, kept: after.get(name)?.texts.slice(0, collection.texts.length) }).toEqual({ name, kept: collection.texts });
      }
      // In the measures sheet Ragbook writes cells and the columns, page set-up and used range that go with them; the rest stays.
      const measures = measuresPart(input);
      expect({ file: output.file, rest: outsideRagbooksEdits(strFromU8(written[measures])) }).toEqual({ file: output.file, rest: outsideRagbooksEdits(strFromU8(input[measures])) });
      // The user's sheets and names are all kept; names scoped to a sheet follow it to its new tab position.
      const workbook = strFromU8(written['xl/workbook.xml']);
      for (const element of strFromU8(input['xl/workbook.xml']).match(/<(\w+:)?sheet\b[^>]*>/g) ?? []) {
        expect({ file: output.file, element, kept: workbook.includes(element) }).toEqual({ file: output.file, element, kept: true });
      }
      const names = scopedNames(workbook);
      for (const name of scopedNames(strFromU8(input['xl/workbook.xml']))) {
        expect({ file: output.file, name, kept: names.includes(name) }).toEqual({ file: output.file, name, kept: true });
      }
    }
  });

  (hasCommand('soffice') && hasCommand('pdftoppm') ? it : it.skip)(
    'LibreOffice opens every output and the measure fills show in the rendering',
    async () => {
      const pdfDir = path.join(dir, 'pdf');
      const inputs = outputs.map((o, i) => {
        const copy = path.join(dir, 'soffice', `${i}-${path.basename(o.file)}`);
        return { output: o, copy };
      });
      await fs.mkdir(path.join(dir, 'soffice'), { recursive: true });
      for (const { output, copy } of inputs) await fs.writeFile(copy, output.bytes);
      const result = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, ...inputs.map((i) => i.copy)],
        { encoding: 'utf8', timeout: 170_000 },
      );
      expect(result.status).toBe(0);
      for (const { output, copy } of inputs) {
        const pdf = path.join(pdfDir, `${path.basename(copy, path.extname(copy))}.pdf`);
        const size = (await fs.stat(pdf).catch(() => undefined))?.size ?? 0;
        expect({ file: output.file, opened: size > 1000 }).toEqual({ file: output.file, opened: true });
        if (!output.file.includes('-coloured')) continue;
        // The first page of the coloured workbook is the measures sheet: its RAG fills must be drawn.
        const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', pdf]);
        const colours = fillColours(written(output), ppm);
        expect({ file: output.file, fillsShown: colours.length > 0 }).toEqual({ file: output.file, fillsShown: true });
      }
    },
    180_000,
  );

  (hasCommand('/usr/bin/python3') ? it : it.skip)('openpyxl loads every Transitional output', () => {
    // openpyxl reads Transitional only, and skips mc:AlternateContent in styles (so it miscounts
    // that input's fonts too); those two outputs are checked by LibreOffice above.
    const files = outputs.filter((o) => !o.fixture.includes('strict') && o.fixture !== 'alternate-content-styles.xlsx').map((o) => o.file);
    const script = 'import sys, openpyxl\nfor f in sys.argv[1:]:\n    try:\n        openpyxl.load_workbook(f)\n    except Exception as e:\n        print(f, repr(e))\n';
    const result = spawnSync('/usr/bin/python3', ['-c', script, ...files], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  }, 120_000);
});

/** The solid fills Ragbook added to styles.xml. */
function written(output: Output): string[] {
  const styles = strFromU8(unzipSync(output.bytes)['xl/styles.xml']);
  return [...styles.matchAll(/patternType="solid"><(?:\w+:)?fgColor rgb="FF([0-9A-F]{6})"/g)].map((m) => m[1]);
}

/** Which of `colours` (RRGGBB) appear as pixels of a binary PPM image. */
function fillColours(colours: string[], ppm: Buffer): string[] {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not give a PPM image');
  const start = header[0].length;
  const seen = new Set<string>();
  for (let i = start; i + 2 < ppm.length; i += 3) {
    seen.add(((ppm[i] << 16) | (ppm[i + 1] << 8) | ppm[i + 2]).toString(16).padStart(6, '0').toUpperCase());
  }
  return [...new Set(colours)].filter((c) => seen.has(c));
}

describe('each producer quirk is read right', () => {
  it('reads the same measures from every producer, Strict included', async () => {
    for (const name of FIXTURES) {
      const result = await runCli(['apply', fixture(name), '-o', path.join(dir, `quirk-${name}`)]);
      // The 1904 workbook's periods are quarter-end dates, named by their month.
      const period = name === 'date1904.xlsx' ? 'Mar 2018' : 'Q4 2017/18';
      expect({ name, summary: result.out.split('\n')[0] }).toEqual({ name, summary: `4 measures for ${period}: 2 exceeded, 2 met` });
    }
  });

  it('openpyxl: a new sheet declares the r: prefix openpyxl left on each <sheet>, and <definedNames/> is filled in place', () => {
    for (const fixtureName of ['openpyxl.xlsx', 'date1904.xlsx']) {
      for (const output of outputs.filter((o) => o.fixture === fixtureName)) {
        const workbook = strFromU8(unzipSync(output.bytes)['xl/workbook.xml']);
        expect(workbook.match(/<definedNames\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
        for (const sheet of workbook.match(/<sheet\b[^>]*>/g) ?? []) expect(sheet).toMatch(/xmlns:r="/);
      }
    }
  });

  it('1904 dates: period headers read as the dates they show', async () => {
    const workbook = await openWorkbook(readFileSync(fixture('date1904.xlsx')));
    // 30 June 2017 is serial 42916 in the 1900 system the model uses (41454 in the file's 1904 system).
    expect(workbook.grids.sheets[0].rows[0][5]?.value).toBe(42916);
  });

  it('1904 dates: a date Ragbook writes reads back as the same date, stored in the 1904 system', async () => {
    const workbook = await openWorkbook(readFileSync(fixture('date1904.xlsx')));
    const plan: WritePlan = {
      styles: { date: { numberFormat: 'd mmm yyyy' } },
      removeSheets: [],
      sheets: [{ name: 'Dates', mode: 'generated', values: [{ row: 0, col: 0, values: [[43190, 7]] }], styles: [{ range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, style: 'date' }] }],
    };
    const written = await workbook.write(plan);
    // 31 March 2018: 43190 in the 1900 system, 41728 as the file stores it; the plain number is left alone.
    expect((await openWorkbook(written)).grids.sheets.find((s) => s.name === 'Dates')?.rows[0].map((c) => c?.value)).toEqual([43190, 7]);
    expect(strFromU8(unzipSync(written)['xl/worksheets/sheet2.xml'])).toMatch(/<v>41728<\/v>/);
  });

  it('hidden and very hidden sheets are passed over for the visible measures sheet', async () => {
    const workbook = await openWorkbook(readFileSync(fixture('hidden-sheets.xlsx')));
    expect(workbook.grids.sheets.map((s) => [s.name, s.hidden === true])).toEqual([['Old measures', true], ['Archive', true], ['Measures', false]]);
    const coloured = outputs.find((o) => o.fixture === 'hidden-sheets.xlsx' && o.file.includes('-coloured'));
    const files = unzipSync(coloured?.bytes ?? new Uint8Array());
    const input = unzipSync(readFileSync(fixture('hidden-sheets.xlsx')));
    // Only the visible sheet (the third part) is coloured; the hidden copies come out as they were.
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toBe(strFromU8(input['xl/worksheets/sheet1.xml']));
    expect(strFromU8(files['xl/worksheets/sheet3.xml'])).not.toBe(strFromU8(input['xl/worksheets/sheet3.xml']));
  });

  it('mc:AlternateContent in styles counts as one font and one cell format', () => {
    const output = outputs.find((o) => o.fixture === 'alternate-content-styles.xlsx' && o.file.includes('-coloured'));
    const styles = readStyleCollections(strFromU8(unzipSync(output?.bytes ?? new Uint8Array())['xl/styles.xml']));
    // The input has 2 fonts and 3 cell formats, the last of each an mc:AlternateContent; what Ragbook adds follows them.
    const xfs = styles.get('cellXfs')?.items ?? [];
    expect(xfs.length).toBeGreaterThan(3);
    const fills = styles.get('fills')?.texts ?? [];
    const colouredFills = xfs.slice(3).filter((xf) => xf.applyFill === '1').map((xf) => fills[Number(xf.fillId)]);
    expect(colouredFills.length).toBeGreaterThan(0);
    for (const fill of colouredFills) expect(fill).toMatch(/patternType="solid"/);
  });

  it('Strict in, Strict out: what Ragbook adds uses the Strict namespaces', () => {
    // strict.xlsx is openpyxl's workbook moved to Strict's namespaces; excel-strict.xlsx was saved by Excel.
    for (const output of outputs.filter((o) => o.fixture.includes('strict'))) {
      const files = unzipSync(output.bytes);
      expect(strFromU8(files['xl/workbook.xml'])).toMatch(/conformance="strict"/);
      for (const [name, data] of Object.entries(files)) {
        if (!/\.(xml|rels)$/.test(name) || name === '[Content_Types].xml') continue;
        expect({ name, transitional: /schemas\.openxmlformats\.org\/(spreadsheetml|officeDocument|drawingml)/.test(strFromU8(data)) }).toEqual({ name, transitional: false });
      }
    }
  });

  it('a zip whose end record counts too few entries is read whole: no part dropped', () => {
    const input = Object.keys(unzipSync(readFileSync(fixture('libreoffice.xlsx'))));
    const output = outputs.find((o) => o.fixture === 'short-end-record.xlsx' && o.file.includes('-coloured'));
    const written = Object.keys(unzipSync(output?.bytes ?? new Uint8Array()));
    for (const part of input) expect({ part, kept: written.includes(part) }).toEqual({ part, kept: true });
  });

  it('parts whose names differ only in case are refused, naming both', async () => {
    const result = await runCli(['apply', fixture('case-twins.xlsx'), '-o', path.join(dir, 'twins.xlsx')]);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/case-twins\.xlsx: it has two parts named xl\/worksheets\/sheet1\.xml and xl\/worksheets\/Sheet1\.xml/);
    await expect(fs.stat(path.join(dir, 'twins.xlsx'))).rejects.toThrow();
  });

  it('a part that would inflate past the per-part limit is refused, naming the part', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('openpyxl.xlsx')));
    const view = new DataView(bytes.buffer);
    // Claim 600 MiB for the first worksheet in its central directory entry (under the 1 GiB package limit).
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = Buffer.from(bytes).indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), 0);
    let entry = at;
    while (!Buffer.from(bytes.subarray(entry + 46, entry + 46 + name.length)).equals(name)) {
      entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    }
    view.setUint32(entry + 24, 600 * 1024 ** 2, true);
    await expect(openWorkbook(bytes)).rejects.toThrow('the part xl/worksheets/sheet1.xml expands to 600 MiB, more than the 500 MiB Ragbook reads in one part');
  });

  it('a macro workbook keeps its macros and .xlsm, and is never written as .xlsx', async () => {
    const refused = await runCli(['apply', fixture('macros.xlsm'), '-o', path.join(dir, 'macros.xlsx')]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/macros\.xlsx: the workbook holds macros, so it must be saved as \.xlsm/);
    const output = outputs.find((o) => o.fixture === 'macros.xlsm' && o.file.includes('-coloured'));
    expect(output?.file).toMatch(/\.xlsm$/);
    const files = unzipSync(output?.bytes ?? new Uint8Array());
    expect(strFromU8(files['[Content_Types].xml'])).toMatch(/macroEnabled\.main\+xml/);
    expect(Buffer.from(files['xl/vbaProject.bin']).equals(Buffer.from(unzipSync(readFileSync(fixture('macros.xlsm')))['xl/vbaProject.bin']))).toBe(true);
  });
});
