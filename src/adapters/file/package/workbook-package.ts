/**
 * The workbook as a package: grids read straight from its parts, and a write
 * plan executed by patching only the parts the plan changes. Everything else
 * (charts, pivot caches, images, the VBA project, custom properties) is copied
 * byte for byte.
 */
import { columnLetters, quoteSheetName } from '../../../model/address';
import type { SheetGrid, TableInfo, WorkbookGrids } from '../../../model/grid';
import { absoluteReference, readMarks } from '../../../model/marks';
import type { SheetPlan, WritePlan } from '../../../model/plan';
import { WorkbookReadError, WorkbookWriteError } from '../errors';
import { columnOfRef, rowOfRef } from './cell-refs';
import { isStrictWorkbook, toStrict } from './conformance';
import { CONTENT_TYPES, CONTENT_TYPES_PART, contentTypeOf, readContentTypes, removeOverride, setOverride, typeNewRelationshipParts } from './content-types';
import { gridFrom1904, planTo1904 } from './date-system';
import { type ReadLimits, withDefaults } from './limits';
import { updateWorksheetTitles } from './app-properties';
import { PackageParts } from './parts';
import { addRelationship, readRelationships, relatedParts, RELATIONSHIP_TYPES, relsPathOf, removeRelationships, resolveTarget } from './relationships';
import { type CellBudget, readSheetXml } from './sheet-reader';
import { readSharedStrings } from './shared-strings';
import { patchExistingSheet } from './sheet-patcher';
import type { CellPositions } from './cell-positions';
import { setSheetMarks } from './sheet-marks';
import { withTabSelected } from './sheet-views';
import { editAroundRows, generatedSheetXml } from './sheet-writer';
import { MINIMAL_STYLES_XML, StyleSheet } from './styles';
import { readSheetEntries, readSheetScopedNames, type SheetEntry, usesDate1904, WorkbookXml, workbookPartOf } from './workbook-part';
import { parseXml } from './xml';

/** A worksheet written by a plan, for steps that run after the sheets (native charts). */
export interface WrittenSheet {
  plan: SheetPlan;
  /** Its worksheet part, e.g. "xl/worksheets/sheet4.xml". */
  part: string;
  /** Edits the part as text; an empty <sheetData/> may stand in for a big sheet's rows (see editAroundRows). */
  edit(edit: (xml: string) => string): void;
}

/** A later step of write(): works on the package after the sheets are written. */
export type PackageStep = (parts: PackageParts, sheets: readonly WrittenSheet[]) => void;

export interface PackageWorkbook {
  grids: WorkbookGrids;
  /** What the file must be named to open in Excel: ".xlsm" when the workbook part is macro-enabled. */
  extension: '.xlsx' | '.xlsm';
  /** docProps/custom.xml, where a protective marking is kept; undefined when there is none or it cannot be read. */
  customPropertiesXml?: string;
  /** Executes the plan on a copy of the package and returns the new file. */
  write(plan: WritePlan): Promise<Uint8Array>;
}

interface SheetInfo extends SheetEntry {
  generated: boolean;
  /** Where the reader found its rows and cells (see CellPositions). */
  positions?: CellPositions;
}

const CALC_CHAIN_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';

function readTable(parts: PackageParts, part: string): TableInfo | undefined {
  let table: TableInfo | undefined;
  parseXml(parts.text(part) ?? '', part, {
    open(name, a) {
      if (name !== 'table' || table || !a.ref) return;
      const [from, to = from] = a.ref.split(':');
      table = { name: a.name ?? a.displayName ?? '', top: rowOfRef(from), left: columnOfRef(from), bottom: rowOfRef(to), right: columnOfRef(to) };
    },
  });
  return table;
}

export async function openPackage(bytes: Uint8Array, limits?: ReadLimits, laterSteps: readonly PackageStep[] = []): Promise<PackageWorkbook> {
  const base = PackageParts.fromZip(bytes, limits);
  if (!base.has(CONTENT_TYPES_PART)) throw new WorkbookReadError('it is a zip file but not an Excel workbook (it has no [Content_Types].xml)');
  const workbookPart = workbookPartOf(base);
  const workbookRels = readRelationships(base, workbookPart);
  const partOf = (type: string) => {
    const rel = workbookRels.find((r) => r.type === type && !r.external);
    return rel && resolveTarget(workbookPart, rel.target);
  };
  const stylesPart = partOf(RELATIONSHIP_TYPES.styles);
  const stylesXml = (stylesPart && base.text(stylesPart)) || undefined;
  const date1904 = usesDate1904(base, workbookPart);
  // Read after workbook.xml has been (usesDate1904): a part that cannot be read is refused in the same order as ever.
  const entries = readSheetEntries(base, workbookPart);
  // The first sheet inflates on the thread pool while the styles and shared strings are read.
  const firstInflating = inflateSheetAfter(base, entries, -1);
  const strict = isStrictWorkbook(base.text(workbookPart) ?? '');
  const styles = new StyleSheet(stylesXml ?? MINIMAL_STYLES_XML, stylesPart);
  const sharedStringsPart = partOf(RELATIONSHIP_TYPES.sharedStrings);
  const sharedStrings = sharedStringsPart === undefined ? [] : readSharedStrings(base.text(sharedStringsPart) ?? '', sharedStringsPart);
  await firstInflating;
  const { grids, sheets } = await readSheets(base, workbookPart, entries, styles, sharedStrings, date1904, limits);

  const workbookType = contentTypeOf(readContentTypes(base), workbookPart) ?? '';
  return {
    grids: { sheets: grids },
    extension: workbookType.includes('macroEnabled') ? '.xlsm' : '.xlsx',
    customPropertiesXml: optionalText(base, 'docProps/custom.xml'),
    // Holds the package, never the grids: a caller done with the grids can let them go before writing.
    async write(plan) {
      const parts = base.clone();
      // (A Strict package's parts are all set again, converted, at the end: they are deflated then, with the zip.)
      if (!strict) parts.deflateWhenSet();
      try {
        const writer = new PlanWriter(parts, workbookPart, sheets, new StyleSheet(stylesXml ?? MINIMAL_STYLES_XML, stylesPart), date1904 ? planTo1904(plan) : plan);
        const written = writer.execute();
        if (writer.styles.changed) writer.saveStyles(stylesPart);
        for (const step of laterSteps) step(parts, written);
        typeNewRelationshipParts(parts);
        if (strict) for (const part of parts.paths()) if (parts.isChanged(part) && part !== CONTENT_TYPES_PART) parts.set(part, toStrict(parts.text(part) ?? ''));
        await parts.deflatedAhead();
        return parts.toZip();
      } finally {
        parts.stopDeflating();
      }
    },
  };
}

/** A part that only adds information: one that cannot be read is left out (and copied as it is). */
function optionalText(parts: PackageParts, part: string): string | undefined {
  try {
    return parts.text(part);
  } catch {
    return undefined;
  }
}

/** Every sheet's grid, and what writing needs to know of each sheet; each sheet after the first inflates on the thread pool while the one before it is read. */
async function readSheets(
  base: PackageParts,
  workbookPart: string,
  entries: readonly SheetEntry[],
  readingStyles: StyleSheet,
  sharedStrings: readonly string[],
  date1904: boolean,
  limits: ReadLimits | undefined,
): Promise<{ grids: SheetGrid[]; sheets: SheetInfo[] }> {
  const budget: CellBudget = { remaining: withDefaults(limits).maxCells, limit: withDefaults(limits).maxCells };
  const grids: SheetGrid[] = [];
  const scopedNames = readSheetScopedNames(base.text(workbookPart) ?? '', workbookPart);
  const sheets: SheetInfo[] = [];
  let inflating: Promise<void> | undefined;
  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position];
    if (entry.part === undefined) {
      sheets.push({ ...entry, generated: false });
      continue;
    }
    await inflating;
    inflating = inflateSheetAfter(base, entries, position);
    const reading = readSheetXml(base.text(entry.part) ?? '', entry.part, sharedStrings, readingStyles, budget);
    const tableParts = relatedParts(base, entry.part, RELATIONSHIP_TYPES.table);
    const tables = reading.tableRelIds
      .map((id) => tableParts.find((t) => t.id === id))
      .flatMap((t) => (t && base.has(t.part) ? [readTable(base, t.part)] : []))
      .filter((t): t is TableInfo => t !== undefined);
    const marks = readMarks(entry.name, scopedNames.get(position) ?? []);
    const grid: SheetGrid = { name: entry.name, rows: reading.rows, tables };
    if (entry.hidden) grid.hidden = true;
    if (marks) grid.marks = marks;
    if (date1904) gridFrom1904(grid);
    grids.push(grid);
    sheets.push({ ...entry, generated: marks?.generated === true, positions: reading.positions });
  }
  return { grids, sheets };
}

/** Starts inflating the first sheet after `position` that has a part, if any (see PackageParts.inflateAhead). */
function inflateSheetAfter(base: PackageParts, entries: readonly SheetEntry[], position: number): Promise<void> | undefined {
  for (let next = position + 1; next < entries.length; next++) {
    const part = entries[next].part;
    if (part !== undefined) return base.inflateAhead(part);
  }
  return undefined;
}

/** Carries out one plan on a copy of the package. */
class PlanWriter {
  private readonly workbook: WorkbookXml;
  private readonly sheets: SheetInfo[];
  private nextSheetId: number;

  constructor(
    private readonly parts: PackageParts,
    private readonly workbookPart: string,
    sheets: readonly SheetInfo[],
    readonly styles: StyleSheet,
    private readonly plan: WritePlan,
  ) {
    this.workbook = new WorkbookXml(parts.text(workbookPart) ?? '');
    this.sheets = [...sheets];
    this.nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId).filter(Number.isFinite)) + 1;
  }

  private indexOf(name: string): number {
    const wanted = name.toLowerCase();
    return this.sheets.findIndex((s) => s.name.toLowerCase() === wanted);
  }

  execute(): WrittenSheet[] {
    const original = this.workbook.xml;
    const worksheetsBefore = this.worksheetNames();
    for (const name of this.plan.removeSheets) {
      const index = this.indexOf(name);
      // Only Ragbook's own sheets are ever removed; a user's sheet of that name stays.
      if (index >= 0 && this.sheets[index].generated) this.removeSheet(index);
    }
    const written: WrittenSheet[] = [];
    let overwroteFormula = false;
    for (const sheetPlan of this.plan.sheets) {
      if (sheetPlan.mode === 'existing') {
        const sheet = this.sheets[this.indexOf(sheetPlan.name)];
        if (!sheet?.part) throw new Error(`The write plan names a sheet the workbook does not have: "${sheetPlan.name}".`);
        const result = patchExistingSheet(this.parts.text(sheet.part) ?? '', sheet.part, sheetPlan, this.styles, this.plan.styles, sheet.positions, this.parts.takeSpare(sheet.part));
        this.parts.setSheet(sheet.part, result);
        // The user's print area stays; print titles are part of the readable print setup the plan asks for.
        const titles = printTitlesOf(sheetPlan);
        if (titles) this.workbook.setSheetName('_xlnm.Print_Titles', this.indexOf(sheetPlan.name), titles);
        setSheetMarks(this.workbook, sheetPlan, this.indexOf(sheetPlan.name));
        overwroteFormula ||= result.overwroteFormula;
        written.push(this.written(sheetPlan, sheet.part));
      } else {
        written.push(this.written(sheetPlan, this.writeGenerated(sheetPlan)));
      }
    }
    if (overwroteFormula) this.dropCalcChain();
    if (this.plan.front?.length) this.openOnFront(this.plan.front);
    if (this.workbook.xml !== original) this.parts.set(this.workbookPart, this.workbook.xml);
    updateWorksheetTitles(this.parts, worksheetsBefore, this.worksheetNames());
    return written;
  }

  private written(plan: SheetPlan, part: string): WrittenSheet {
    return { plan, part, edit: (edit) => this.editSheet(part, edit) };
  }

  /** The worksheets' names in tab order (not chart sheets). */
  private worksheetNames(): string[] {
    return this.sheets.filter((s) => s.part !== undefined).map((s) => s.name);
  }

  private writeGenerated(sheetPlan: SheetPlan): string {
    const sheetXml = generatedSheetXml(sheetPlan, this.styles, this.plan.styles);
    let index = this.indexOf(sheetPlan.name);
    let part: string;
    if (index >= 0) {
      const sheet = this.sheets[index];
      if (!sheet.generated || !sheet.part) {
        throw new WorkbookWriteError(
          `the workbook already has a sheet of its own called "${sheet.name}"; rename it so Ragbook can add its ${sheetPlan.name} sheet`,
        );
      }
      // Replaced in place: same part, same relationship; what the old sheet owned goes.
      part = sheet.part;
      this.removeOwnedParts(part);
    } else {
      part = this.freeWorksheetPart();
      const relId = addRelationship(this.parts, this.workbookPart, RELATIONSHIP_TYPES.worksheet, part);
      setOverride(this.parts, part, CONTENT_TYPES.worksheet);
      const sheetId = this.nextSheetId++;
      this.workbook.addSheet(sheetPlan.name, sheetId, relId);
      this.sheets.push({ name: sheetPlan.name, sheetId, relId, part, generated: true, hidden: false });
      index = this.sheets.length - 1;
    }
    this.parts.setSheet(part, sheetXml);
    this.setPrintNames(sheetPlan, index);
    setSheetMarks(this.workbook, sheetPlan, index);
    return part;
  }

  /**
   * Moves Ragbook's sheets named in `front` before every other sheet, in that
   * order (the rest keep theirs), and makes the first the active sheet and the
   * only one selected. One the user has hidden stays where it is, hidden.
   */
  private openOnFront(front: readonly string[]): void {
    const lead = [...new Set(front.map((name) => this.indexOf(name)))].filter((index) => index >= 0 && this.sheets[index].generated && !this.sheets[index].hidden);
    if (lead.length === 0) return;
    const order = [...lead, ...[...this.sheets.keys()].filter((index) => !lead.includes(index))];
    this.workbook.arrange(order, 0);
    this.sheets.splice(0, this.sheets.length, ...order.map((index) => this.sheets[index]));
    const parts = new Map(readRelationships(this.parts, this.workbookPart).map((r) => [r.id, r.external ? undefined : resolveTarget(this.workbookPart, r.target)]));
    this.sheets.forEach((sheet, position) => {
      const part = parts.get(sheet.relId);
      if (part !== undefined) this.selectTab(part, position === 0);
    });
  }

  /** Selects the sheet's tab or not. */
  private selectTab(part: string, selected: boolean): void {
    this.editSheet(part, (xml) => withTabSelected(xml, part, selected));
  }

  /** Edits a worksheet as text; one this plan wrote is edited around its rows, which stay bytes and go on deflating. */
  private editSheet(part: string, edit: (xml: string) => string): void {
    const sheet = this.parts.sheetAsWritten(part);
    if (!sheet) {
      this.parts.edit(part, edit);
      return;
    }
    const edited = editAroundRows(sheet, part, edit);
    if (edited !== sheet) this.parts.setSheet(part, edited);
  }

  private setPrintNames(sheetPlan: SheetPlan, index: number): void {
    const area = sheetPlan.page?.printArea;
    this.workbook.setSheetName('_xlnm.Print_Titles', index, printTitlesOf(sheetPlan));
    this.workbook.setSheetName('_xlnm.Print_Area', index, area ? absoluteReference(sheetPlan.name, area) : undefined);
  }

  private freeWorksheetPart(): string {
    const folder = this.workbookPart.slice(0, this.workbookPart.lastIndexOf('/') + 1);
    let n = this.sheets.length + 1;
    while (this.parts.has(`${folder}worksheets/sheet${n}.xml`)) n++;
    return `${folder}worksheets/sheet${n}.xml`;
  }

  private removeSheet(index: number): void {
    const sheet = this.sheets[index];
    this.workbook.removeSheet(index);
    removeRelationships(this.parts, this.workbookPart, new Set([sheet.relId]));
    if (sheet.part) {
      this.removeOwnedParts(sheet.part);
      this.parts.delete(sheet.part);
      removeOverride(this.parts, sheet.part);
    }
    this.sheets.splice(index, 1);
  }

  /** Removes a part's relationships and the parts only it refers to (a generated sheet's drawing and charts). */
  private removeOwnedParts(part: string): void {
    const children = relatedParts(this.parts, part);
    this.parts.delete(relsPathOf(part));
    for (const child of children) {
      if (!this.parts.has(child.part) || this.isReferenced(child.part)) continue;
      this.removeOwnedParts(child.part);
      this.parts.delete(child.part);
      removeOverride(this.parts, child.part);
    }
  }

  private isReferenced(part: string): boolean {
    const wanted = part.toLowerCase();
    return this.parts
      .paths()
      .filter((p) => p.endsWith('.rels'))
      .some((rels) => {
        const source = rels.replace(/_rels\/([^/]*)\.rels$/, '$1');
        return readRelationships(this.parts, source).some((r) => !r.external && resolveTarget(source, r.target).toLowerCase() === wanted);
      });
  }

  /** Excel rebuilds the calculation chain when it is missing; a stale one makes it repair the file. */
  private dropCalcChain(): void {
    const rel = readRelationships(this.parts, this.workbookPart).find((r) => r.type === CALC_CHAIN_TYPE);
    if (!rel) return;
    const part = resolveTarget(this.workbookPart, rel.target);
    removeRelationships(this.parts, this.workbookPart, new Set([rel.id]));
    this.parts.delete(part);
    removeOverride(this.parts, part);
  }

  saveStyles(stylesPart: string | undefined): void {
    let part = stylesPart;
    if (part === undefined || !this.parts.has(part)) {
      part = `${this.workbookPart.slice(0, this.workbookPart.lastIndexOf('/') + 1)}styles.xml`;
      addRelationship(this.parts, this.workbookPart, RELATIONSHIP_TYPES.styles, part);
      setOverride(this.parts, part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    }
    this.parts.set(part, this.styles.toXml());
  }
}

/** The _xlnm.Print_Titles formula for the plan's repeated columns and rows; undefined when it repeats none. */
function printTitlesOf(sheetPlan: SheetPlan): string | undefined {
  const sheet = quoteSheetName(sheetPlan.name);
  const rows = sheetPlan.page?.repeatRows;
  const columns = sheetPlan.page?.repeatColumns;
  const titles = [
    columns ? `${sheet}!$${columnLetters(columns.first)}:$${columnLetters(columns.last)}` : '',
    rows ? `${sheet}!$${rows.first + 1}:$${rows.last + 1}` : '',
  ].filter(Boolean);
  return titles.length > 0 ? titles.join(',') : undefined;
}
