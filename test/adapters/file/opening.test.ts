/**
 * The workbook opens on the report: the plan's `front` sheets lead the tab
 * order and the first is the active, only selected tab. Everything that
 * refers to a sheet by position follows it; the user's sheets keep their
 * order among themselves. Checked by reading the package back ourselves and
 * with openpyxl, an independent reader.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openWorkbook } from '../../../src/adapters/file';
import type { SheetPlan, WritePlan } from '../../../src/model/plan';
import { SheetBuilder } from '../../../src/core/shared/sheet-builder';
import { BASE_STYLES } from '../../../src/core/shared/styles';
import { tempDir } from '../../helpers/xlsx';
import { minimalPackage } from '../../fixtures/package/minimal-package';
import { packageProblems } from './package-validity';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetXml(text: string, views: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${views}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;
}

/**
 * A user's workbook as Excel leaves it: Measures active and selected (and,
 * in a second window, Notes selected too), an earlier Summary of Ragbook's
 * between the user's sheets, a hidden sheet, and names scoped to sheets by
 * position: print titles, a user's own name, Ragbook's mark.
 */
function userPackage(): Uint8Array {
  const selected = '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>';
  const plain = '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  return minimalPackage({
    sheets: [
      { name: 'Measures', xml: sheetXml('Measures', selected) },
      { name: 'Summary', xml: sheetXml('Old summary', plain) },
      { name: 'Lookups', xml: sheetXml('Lookups', plain) },
      { name: 'Notes', xml: sheetXml('Notes', `<sheetViews><sheetView workbookViewId="0"/><sheetView tabSelected="true" workbookViewId="1"/></sheetViews>`) },
    ],
    beforeSheets: '<bookViews><workbookView firstSheet="1" activeTab="0"/><workbookView activeTab="3"/></bookViews>',
    afterSheets: [
      '<definedNames>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">Measures!$1:$1</definedName>',
      '<definedName name="Ragbook_Sheet" hidden="1" localSheetId="1">"Summary"</definedName>',
      '<definedName name="Rates" localSheetId="2">Lookups!$A$1:$A$9</definedName>',
      '<definedName name="_xlnm.Print_Area" localSheetId="3">Notes!$A$1:$C$20</definedName>',
      '<definedName name="Threshold">Measures!$D$2</definedName>',
      '</definedNames>',
    ].join(''),
    hidden: ['Lookups'],
  });
}

function generated(name: string): SheetPlan {
  const builder = new SheetBuilder(name).title(`${name} of the quarter`, 'this sheet is replaced each time Ragbook runs');
  builder.row(['Status', 'Measures'], 'header');
  return builder.page({ orientation: 'portrait', fitToWidth: true, repeatRows: { first: 2, last: 2 } }).build();
}

function plan(sheets: SheetPlan[], front: string[]): WritePlan {
  return { styles: { ...BASE_STYLES }, sheets, removeSheets: [], front };
}

async function run(bytes: Uint8Array, front = ['Summary', 'Commentary']): Promise<Uint8Array> {
  return (await openWorkbook(bytes)).write(plan([generated('Summary'), generated('Commentary'), generated('Issues')], front));
}

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes)[name]);
}

/** Each sheet's name, in tab order, with the worksheet part holding it. */
function sheetParts(bytes: Uint8Array): [string, string][] {
  const rels = new Map([...part(bytes, 'xl/_rels/workbook.xml.rels').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], `xl/${m[2]}`]));
  return [...part(bytes, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [m[1], rels.get(m[2]) ?? '']);
}

/** Sheet-scoped names as "name@sheet", the sheet found by position, as every reader finds it. */
function scopedNames(bytes: Uint8Array): string[] {
  const names = sheetParts(bytes).map(([name]) => name);
  return [...part(bytes, 'xl/workbook.xml').matchAll(/<definedName name="([^"]+)"[^>]*?localSheetId="(\d+)"[^>]*>([^<]*)</g)]
    .map((m) => `${m[1]}@${names[Number(m[2])]}=${m[3]}`)
    .sort();
}

/** docProps/app.xml as Excel writes it: the worksheets, then one named range. */
function appProperties(worksheets: string[]): string {
  const titles = [...worksheets, 'Threshold'].map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="4" baseType="variant">' +
    `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${worksheets.length}</vt:i4></vt:variant>` +
    '<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
    `<TitlesOfParts><vt:vector size="${worksheets.length + 1}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`
  );
}

function withAppProperties(bytes: Uint8Array, worksheets: string[]): Uint8Array {
  const files = unzipSync(bytes);
  files['docProps/app.xml'] = strToU8(appProperties(worksheets));
  files['_rels/.rels'] = strToU8(
    strFromU8(files['_rels/.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
    ),
  );
  return zipSync(files);
}

describe('the workbook opens on the report', () => {
  it('puts the front sheets first in plan order, the user’s after them in their own order, and the Issues sheet at the back', async () => {
    const out = await run(userPackage());
    expect(packageProblems(out)).toEqual([]);
    expect(sheetParts(out).map(([name]) => name)).toEqual(['Summary', 'Commentary', 'Measures', 'Lookups', 'Notes', 'Issues']);
    // The earlier Summary is replaced in place (its part), then moved.
    expect(sheetParts(out)[0][1]).toBe('xl/worksheets/sheet2.xml');
    expect(part(out, 'xl/worksheets/sheet3.xml')).toContain('Lookups');
    expect(part(out, 'xl/workbook.xml')).toContain('<sheet name="Lookups" sheetId="3" r:id="rId3" state="hidden"/>');
  });

  it('names scoped to a sheet follow their sheet; workbook names stay as they were', async () => {
    const out = await run(userPackage());
    expect(scopedNames(out)).toEqual([
      '_xlnm.Print_Area@Notes=Notes!$A$1:$C$20',
      '_xlnm.Print_Titles@Commentary=Commentary!$3:$3',
      '_xlnm.Print_Titles@Issues=Issues!$3:$3',
      '_xlnm.Print_Titles@Measures=Measures!$1:$1',
      '_xlnm.Print_Titles@Summary=Summary!$3:$3',
      'Ragbook_Sheet@Commentary="Commentary"',
      'Ragbook_Sheet@Issues="Issues"',
      'Ragbook_Sheet@Summary="Summary"',
      'Rates@Lookups=Lookups!$A$1:$A$9',
    ].sort());
    expect(part(out, 'xl/workbook.xml')).toContain('<definedName name="Threshold">Measures!$D$2</definedName>');
    const reread = await openWorkbook(out);
    expect(reread.grids.sheets.filter((s) => s.marks?.generated).map((s) => s.name)).toEqual(['Summary', 'Commentary', 'Issues']);
  });

  it('every window opens on the first report sheet, its tab in view, and only that tab is selected', async () => {
    const out = await run(userPackage());
    expect(part(out, 'xl/workbook.xml')).toContain('<bookViews><workbookView firstSheet="0" activeTab="0"/><workbookView activeTab="0"/></bookViews>');
    const selected = sheetParts(out).map(([name, file]) => [name, [...part(out, file).matchAll(/<sheetView\b[^>]*>/g)].map((m) => m[0])]);
    expect(selected).toEqual([
      ['Summary', ['<sheetView tabSelected="1" workbookViewId="0">']],
      ['Commentary', ['<sheetView workbookViewId="0">']],
      ['Measures', ['<sheetView workbookViewId="0"/>']],
      ['Lookups', ['<sheetView workbookViewId="0"/>']],
      ['Notes', ['<sheetView workbookViewId="0"/>', '<sheetView workbookViewId="1"/>']],
      ['Issues', ['<sheetView workbookViewId="0">']],
    ]);
  });

  it('a second run gives the same order, names and views, and a run of another report moves only its own sheets', async () => {
    const first = await run(userPackage());
    const second = await run(first);
    expect(part(second, 'xl/workbook.xml')).toBe(part(first, 'xl/workbook.xml'));
    for (const [, file] of sheetParts(first)) expect({ file, xml: part(second, file) }).toEqual({ file, xml: part(first, file) });
    const other = await (await openWorkbook(second)).write(plan([generated('Exceptions')], ['Exceptions']));
    expect(sheetParts(other).map(([name]) => name)).toEqual(['Exceptions', 'Summary', 'Commentary', 'Measures', 'Lookups', 'Notes', 'Issues']);
  });

  it('never moves a user’s sheet, even one the plan names in front', async () => {
    const out = await (await openWorkbook(userPackage())).write(plan([generated('Commentary')], ['Notes', 'Commentary']));
    expect(sheetParts(out).map(([name]) => name)).toEqual(['Commentary', 'Measures', 'Summary', 'Lookups', 'Notes']);
  });

  it('a report sheet the user has hidden stays hidden where it is, and the workbook opens on the next', async () => {
    const hiddenSummary = minimalPackage({
      sheets: [
        { name: 'Measures', xml: sheetXml('Measures', '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>') },
        { name: 'Summary', xml: sheetXml('Old summary', '<sheetViews><sheetView workbookViewId="0"/></sheetViews>') },
      ],
      afterSheets: '<definedNames><definedName name="Ragbook_Sheet" hidden="1" localSheetId="1">"Summary"</definedName></definedNames>',
      hidden: ['Summary'],
    });
    const out = await run(hiddenSummary);
    expect(sheetParts(out).map(([name]) => name)).toEqual(['Commentary', 'Measures', 'Summary', 'Issues']);
    expect(part(out, 'xl/workbook.xml')).toContain('<sheet name="Summary" sheetId="2" r:id="rId2" state="hidden"/>');
  });

  it('without a front the tab order and views stay as they were', async () => {
    const input = userPackage();
    const out = await (await openWorkbook(input)).write(plan([generated('Commentary')], []));
    expect(sheetParts(out).map(([name]) => name)).toEqual(['Measures', 'Summary', 'Lookups', 'Notes', 'Commentary']);
    expect(part(out, 'xl/worksheets/sheet1.xml')).toBe(part(input, 'xl/worksheets/sheet1.xml'));
    expect(part(out, 'xl/workbook.xml')).toContain('<workbookView firstSheet="1" activeTab="0"/><workbookView activeTab="3"/>');
  });

  it('the file’s list of worksheets (docProps/app.xml) follows: added, in tab order, other groups as they were', async () => {
    const out = await run(withAppProperties(userPackage(), ['Measures', 'Summary', 'Lookups', 'Notes']));
    expect(part(out, 'docProps/app.xml')).toBe(appProperties(['Summary', 'Commentary', 'Measures', 'Lookups', 'Notes', 'Issues']));
    expect(packageProblems(out)).toEqual([]);
  });

  it('a list of worksheets that was already out of date is left as it was', async () => {
    const stale = appProperties(['Measures', 'Notes']);
    const out = await run(withAppProperties(userPackage(), ['Measures', 'Notes']));
    expect(part(out, 'docProps/app.xml')).toBe(stale);
  });

  (spawnSync('sh', ['-c', 'command -v /usr/bin/python3']).status === 0 ? it : it.skip)('openpyxl reads the same order, the active sheet and each sheet’s print titles', async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir, 'out.xlsx');
      await fs.writeFile(file, await run(userPackage()));
      const script = [
        'import sys, json, openpyxl',
        'wb = openpyxl.load_workbook(sys.argv[1])',
        'print(json.dumps({"order": wb.sheetnames, "active": wb.active.title, "titles": {ws.title: ws.print_title_rows for ws in wb.worksheets}, "hidden": [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]}))',
      ].join('\n');
      const result = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({
        order: ['Summary', 'Commentary', 'Measures', 'Lookups', 'Notes', 'Issues'],
        active: 'Summary',
        titles: { Summary: '$3:$3', Commentary: '$3:$3', Measures: '$1:$1', Lookups: null, Notes: null, Issues: '$3:$3' },
        hidden: ['Lookups'],
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
