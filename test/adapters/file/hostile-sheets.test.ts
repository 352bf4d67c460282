/**
 * Worksheets that defeat text search (issue 17), read and patched: the
 * reader gives the cells written, and the patched package is well-formed to
 * xmllint, declares the encoding it is written in, has each row once, and
 * reads back right in openpyxl as well as in Ragbook. A DTD is refused with
 * one line naming the part.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { openWorkbook, WorkbookReadError } from '../../../src/adapters/file';
import type { WritePlan } from '../../../src/model/plan';
import { tempDir } from '../../helpers/xlsx';
import { packageProblems } from './package-validity';
import { DTD_SHEETS, HOSTILE_SHEETS, HOSTILE_VALUES } from './hostile-sheets';

const PLAN: WritePlan = {
  styles: { met: { fill: '#A9D18E' } },
  sheets: [
    {
      name: 'Measures',
      mode: 'existing',
      // A status column beside every row, and a new row below them.
      values: [{ row: 0, col: 3, values: [['Status'], ['Met'], ['Missed'], ['Note']] }],
      styles: [
        { range: { row: 1, col: 2, rowCount: 2, colCount: 1 }, style: 'met' },
        { range: { row: 5, col: 0, rowCount: 1, colCount: 1 }, style: 'met' },
      ],
    },
  ],
  removeSheets: [],
};

const EXPECTED = [...HOSTILE_VALUES.map((row, r) => [...row, ['Status', 'Met', 'Missed'][r]]), [undefined, undefined, undefined, 'Note']];

const valuesOf = (rows: readonly (readonly ({ value: unknown } | undefined)[] | undefined)[]) => Array.from(rows, (cells) => Array.from(cells ?? [], (cell) => cell?.value));

function xmllint(...args: string[]): string {
  return execFileSync('xmllint', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The encoding a part's bytes are in (by byte-order mark) and the one its declaration names. */
function encodings(data: Uint8Array): { actual: string; declared: string } {
  const actual = data[0] === 0xff && data[1] === 0xfe ? 'UTF-16' : data[0] === 0xfe && data[1] === 0xff ? 'UTF-16' : 'UTF-8';
  const text = new TextDecoder(actual === 'UTF-8' ? 'utf-8' : data[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(data);
  const declared = /^<\?xml[^?]*encoding\s*=\s*["']([^"']+)/.exec(text)?.[1].toUpperCase() ?? 'UTF-8';
  return { actual, declared };
}

describe('hostile worksheets: read and patched by tokenizer positions', () => {
  let dir: string;
  const outputs: Record<string, string> = {};

  beforeAll(async () => {
    dir = await tempDir('ragbook-hostile-');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  describe.each(Object.keys(HOSTILE_SHEETS))('%s', (name) => {
    it('reads the cells written', async () => {
      const grid = (await openWorkbook(HOSTILE_SHEETS[name]())).grids.sheets[0];
      expect(valuesOf(grid.rows)).toEqual(HOSTILE_VALUES);
    });

    it('patches into well-formed parts that declare their encoding, each row once, read back right', async () => {
      const out = await (await openWorkbook(HOSTILE_SHEETS[name]())).write(PLAN);
      expect(packageProblems(out)).toEqual([]);
      const partsDir = path.join(dir, name.replace(/\W+/g, '-'));
      for (const [part, data] of Object.entries(unzipSync(out))) {
        if (!/\.(xml|rels)$/.test(part)) continue;
        const file = path.join(partsDir, part);
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(file, data);
        expect(() => xmllint('--noout', file)).not.toThrow();
        const { actual, declared } = encodings(data);
        expect(`${part}: ${declared}`).toBe(`${part}: ${actual}`);
      }
      const rowNumbers = xmllint('--xpath', "//*[local-name()='row']/@r", path.join(partsDir, 'xl/worksheets/sheet1.xml')).match(/\d+/g);
      expect(rowNumbers).toEqual(['1', '2', '3', '4', '6']);
      const grid = (await openWorkbook(out)).grids.sheets[0];
      expect(valuesOf(grid.rows).slice(0, 4)).toEqual(EXPECTED);
      outputs[name] = path.join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
      await fs.writeFile(outputs[name], out);
    });
  });

  it('every patched file reads back right in openpyxl', () => {
    const files = Object.values(outputs);
    expect(files).toHaveLength(Object.keys(HOSTILE_SHEETS).length);
    const script = [
      'import json, sys, openpyxl',
      'out = []',
      'for f in sys.argv[1:]:',
      '    ws = openpyxl.load_workbook(f).worksheets[0]',
      '    out.append([[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=4, max_col=4)])',
      'print(json.dumps(out))',
    ].join('\n');
    const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, ...files], { encoding: 'utf8' })) as unknown[][][];
    const expected = EXPECTED.map((row) => row.map((v) => v ?? null));
    for (const [i, rows] of read.entries()) expect({ file: path.basename(files[i]), rows }).toEqual({ file: path.basename(files[i]), rows: expected });
  });
});

describe('a document type declaration is refused, as Excel refuses it', () => {
  it.each(Object.keys(DTD_SHEETS))('%s', async (name) => {
    const { bytes, part } = DTD_SHEETS[name];
    const opening = openWorkbook(bytes());
    await expect(opening).rejects.toThrow(WorkbookReadError);
    await expect(opening).rejects.toThrow(new RegExp(`^the part ${part.replace(/\./g, '\\.')} has a document type declaration`));
  });
});
