/**
 * SPEC §4: nothing the user's workbook carries is lost. Real reports run over
 * a workbook with a chart, an image, a pivot cache, a VBA project, data
 * validation, conditional formatting, a comment, a defined name and a
 * sensitivity label, twice; every part Ragbook does not own must come out
 * byte for byte.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { openWorkbook } from '../../../src/adapters/file';
import { readZipDirectory } from '../../../src/adapters/file/package/zip';
import { reports } from '../../../src/core/reports';
import { SYMBOLS } from '../../../src/core/measures/scheme';
import { cellOf } from '../../../src/model/grid';
import { unprefixedFormat } from '../../../src/core/shared/number-format';
import { buildRichWorkbook, RICH_MEASURES, SENSITIVITY_LABEL } from '../../fixtures/package/rich-workbook';
import { runCli } from '../../helpers/cli';
import { fillOf, tempDir } from '../../helpers/xlsx';
import { packageProblems } from './package-validity';

/**
 * Parts a plan on the rich workbook may rewrite: the Measures sheet, styles and the package's bookkeeping
 * (docProps/app.xml lists the worksheets, Ragbook's among them).
 */
const OWNED = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'docProps/app.xml']);

/** Stored (compressed) bytes of each entry, by name. */
function storedEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZipDirectory(bytes, 10_000).map((e) => [e.name, bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize)]));
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));
}

const inputReports = reports.filter((r) => r.target === 'input').map((r) => r.name);

describe.each([
  ['an .xlsm with a VBA project', '.xlsm', true],
  ['an .xlsx', '.xlsx', false],
])('reports over %s carrying everything an officer keeps', (_title, extension, macro) => {
  let dir: string;
  let input: Uint8Array;
  /** report name → [first run, second run over the first's output]. */
  const outputs = new Map<string, [Uint8Array, Uint8Array]>();

  beforeAll(async () => {
    dir = await tempDir();
    input = await buildRichWorkbook({ macro });
    const source = path.join(dir, `performance${extension}`);
    await fs.writeFile(source, input);
    for (const name of inputReports) {
      const first = path.join(dir, `${name}-1${extension}`);
      const second = path.join(dir, `${name}-2${extension}`);
      const one = await runCli([name, source, '-o', first]);
      if (one.code !== 0) continue; // a report with nothing to do on this workbook
      expect((await runCli([name, first, '-o', second])).code).toBe(0);
      outputs.set(name, [new Uint8Array(await fs.readFile(first)), new Uint8Array(await fs.readFile(second))]);
    }
  });

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('runs apply at least', () => {
    expect([...outputs.keys()]).toContain('apply');
  });

  it('copies every part it does not own byte for byte, compressed bytes included', () => {
    const original = storedEntries(input);
    const originalFiles = unzipSync(input);
    for (const [name, [first, second]] of outputs) {
      for (const output of [first, second]) {
        const stored = storedEntries(output);
        const files = unzipSync(output);
        for (const [part, bytes] of original) {
          if (part.endsWith('/') || OWNED.has(part)) continue;
          expect({ report: name, part, present: files[part] !== undefined }).toEqual({ report: name, part, present: true });
          expect({ report: name, part, same: sameBytes(files[part], originalFiles[part]) && sameBytes(stored.get(part), bytes) }).toEqual({
            report: name,
            part,
            same: true,
          });
        }
      }
    }
  });

  it('keeps the macro project, the macro-enabled content type and the sensitivity label', () => {
    for (const [first] of outputs.values()) {
      const files = unzipSync(first);
      const types = strFromU8(files['[Content_Types].xml']);
      expect(strFromU8(files['docProps/custom.xml'])).toContain(`<vt:lpwstr>${SENSITIVITY_LABEL}</vt:lpwstr>`);
      expect(strFromU8(files['_rels/.rels'])).toContain('docProps/custom.xml');
      if (macro) {
        expect(files['xl/vbaProject.bin']).toBeDefined();
        expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
        expect(types).toContain('application/vnd.ms-office.vbaProject');
        expect(strFromU8(files['xl/_rels/workbook.xml.rels'])).toContain('vbaProject.bin');
      }
      expect(strFromU8(files['xl/_rels/workbook.xml.rels'])).toContain('pivotCache/pivotCacheDefinition1.xml');
    }
  });

  it('leaves the sheet showing its chart, comment, data validation and the other sheet its image and conditional format', () => {
    for (const [first, second] of outputs.values()) {
      for (const output of [first, second]) {
        const files = unzipSync(output);
        const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
        expect(sheet).toMatch(/<drawing r:id="rIdChart"\/>/);
        expect(sheet).toMatch(/<legacyDrawing r:id="[^"]+"\/>/);
        expect(sheet).toContain('<dataValidations');
        expect(strFromU8(files['xl/worksheets/_rels/sheet1.xml.rels'])).toMatch(/Id="rIdChart"[^>]*Target="..\/drawings\/drawing9.xml"/);
        const workings = strFromU8(files['xl/worksheets/sheet2.xml']);
        expect(workings).toContain('<conditionalFormatting');
        expect(workings).toMatch(/<drawing r:id=/);
        expect(strFromU8(files['xl/workbook.xml'])).toMatch(/<definedName name="Targets">Measures!\$F\$2:\$F\$6<\/definedName>/);
      }
    }
  });

  it('is a valid package: no dangling or duplicate relationship ids, every part has a content type', () => {
    expect(packageProblems(input)).toEqual([]);
    for (const [first, second] of outputs.values()) {
      expect(packageProblems(first)).toEqual([]);
      expect(packageProblems(second)).toEqual([]);
    }
  });

  it('keeps every user cell, its value and its formula', async () => {
    const before = (await openWorkbook(input)).grids;
    for (const [first, second] of outputs.values()) {
      for (const output of [first, second]) {
        const after = (await openWorkbook(output)).grids;
        for (const sheet of before.sheets) {
          const out = after.sheets.find((s) => s.name === sheet.name);
          sheet.rows.forEach((row, r) =>
            row?.forEach((cell, c) => {
              // A coloured figure's format gains its status's symbol: the user's own format is inside it.
              const written = out?.rows[r]?.[c];
              const kept = written && cellOf(written.value, unprefixedFormat(written.numberFormat, Object.values(SYMBOLS)), written.formula);
              expect({ sheet: sheet.name, r, c, cell: kept }).toEqual({ sheet: sheet.name, r, c, cell });
            }),
          );
        }
        const workings = after.sheets.find((s) => s.name === 'Workings');
        expect(workings?.rows[1]?.[1]?.formula).toBe('AVERAGE(Measures!H2:K2)');
        expect(workings?.rows[3]?.[2]).toEqual({ value: 180, formula: 'Measures!F4*2' });
      }
    }
  });

  it('gives the same workbook when run again over its own output', () => {
    for (const [name, [first, second]] of outputs) {
      const a = unzipSync(first);
      const b = unzipSync(second);
      expect({ name, parts: Object.keys(b).sort() }).toEqual({ name, parts: Object.keys(a).sort() });
      for (const part of Object.keys(a)) expect({ name, part, same: sameBytes(a[part], b[part]) }).toEqual({ name, part, same: true });
    }
  });

  it('ragbook run writes every report it can, each a valid package that keeps the label', async () => {
    const source = path.join(dir, `performance${extension}`);
    for (const round of [1, 2]) {
      const folder = path.join(dir, `run-${round}`);
      expect((await runCli(['run', source, '-o', folder])).code).toBe(0);
      const written = await fs.readdir(folder);
      expect(written).toContain(`performance-coloured${extension}`);
      for (const file of written) {
        const bytes = new Uint8Array(await fs.readFile(path.join(folder, file)));
        expect({ file, problems: packageProblems(bytes) }).toEqual({ file, problems: [] });
        if (file.endsWith(extension) && extension === '.xlsm') expect(unzipSync(bytes)['xl/vbaProject.bin']).toBeDefined();
      }
    }
  });

  it('fills the actual cells with the scheme colours', async () => {
    const source = path.join(dir, `performance${extension}`);
    const json = await runCli(['apply', source, '--json']);
    const measures = (JSON.parse(json.out) as { measures: { id: string; colour: string | null }[] }).measures;
    const [first] = outputs.get('apply') as [Uint8Array, Uint8Array];
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(first) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Measures') as ExcelJS.Worksheet;
    const latestCol = 11; // K: Q4 2017/18, the latest quarter
    expect(measures.filter((m) => m.colour)).toHaveLength(RICH_MEASURES.length);
    for (const measure of measures) {
      const row = RICH_MEASURES.findIndex((m) => m[0] === measure.id) + 2;
      expect({ id: measure.id, fill: fillOf(sheet.getCell(row, latestCol)) }).toEqual({ id: measure.id, fill: measure.colour?.toUpperCase() });
    }
    // The user's own number format, with the status's symbol before it, and bold header survive under the overlay.
    expect(sheet.getCell('K2').numFmt).toMatch(/^"[✓★≈✗] "0\.0;/);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
  });
});
