/**
 * Native Excel charts: after the sheets are written, adds a chart part per
 * ChartSpec, one drawing part per sheet that has charts, their relationships
 * and content types, and the sheet's <drawing> element in schema order.
 * Everything chart-related in the file adapter lives in this folder.
 */
import type { PlanValue, SheetPlan, WritePlan } from '../../../model/plan';
import { addOverrides, setOverride } from '../package/content-types';
import { PackageParts } from '../package/parts';
import { addRelationship, addRelationships, insertBeforeClosing, RELATIONSHIP_TYPES, RELATIONSHIPS_NAMESPACE, relatedParts } from '../package/relationships';
import type { PackageStep, WrittenSheet } from '../package/workbook-package';
import { readSheetEntries, workbookPartOf } from '../package/workbook-part';
import { putWorksheetElement, topLevelElements } from '../package/worksheet-xml';
import { prefixFor } from '../package/xml';
import { type CellLookup, chartPartXml } from './chart-xml';
import { chartAnchorXml, EMPTY_DRAWING_XML, nextShapeId } from './drawing-xml';

export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/**
 * The sheet's cells as the plan writes them. A sheet of one block (as the
 * sheet builder makes them) is read in place: a commentary of 10,000
 * measures is one block of 1.7 million cells, of which its charts read a few
 * hundred thousand. Several blocks are laid by row, then column (a later
 * block writes over an earlier one; a hole writes nothing), so that a look-up
 * never goes through every block.
 */
function planCells(sheet: SheetPlan): CellLookup {
  if (sheet.values.length === 1) {
    const [block] = sheet.values;
    return (row, col) => (row < block.row || col < block.col ? undefined : block.values[row - block.row]?.[col - block.col]);
  }
  const rows: PlanValue[][] = [];
  for (const block of sheet.values) {
    block.values.forEach((values, r) => {
      const cells = (rows[block.row + r] ??= []);
      values.forEach((value, c) => {
        cells[block.col + c] = value;
      });
    });
  }
  return (row, col) => rows[row]?.[col];
}

/**
 * "xl/charts/chart" → at each call, the first "xl/charts/chartN.xml" not in
 * the package, searching on from the last one given: a commentary of 10,000
 * measures names 10,000 charts, and searching each from 1 took most of its time.
 */
function freePartPaths(parts: PackageParts, stem: string): () => string {
  let n = 1;
  return () => {
    while (parts.has(`${stem}${n}.xml`)) n++;
    return `${stem}${n++}.xml`;
  };
}

/** The sheet's drawing part: its existing one, or a new one tied in with a <drawing> element. */
function drawingPartFor(parts: PackageParts, { part: sheetPart, edit }: WrittenSheet): string {
  const existing = relatedParts(parts, sheetPart, RELATIONSHIP_TYPES.drawing)[0];
  if (existing && parts.has(existing.part)) return existing.part;
  const drawing = freePartPaths(parts, 'xl/drawings/drawing')();
  parts.set(drawing, EMPTY_DRAWING_XML);
  setOverride(parts, drawing, DRAWING_CONTENT_TYPE);
  const relId = addRelationship(parts, sheetPart, RELATIONSHIP_TYPES.drawing, drawing);
  edit((xml) => {
    const { prefix } = topLevelElements(xml);
    const r = prefixFor(xml, RELATIONSHIPS_NAMESPACE);
    const element = r ? `<${prefix}drawing ${r}:id="${relId}"/>` : `<${prefix}drawing xmlns:r="${RELATIONSHIPS_NAMESPACE}" r:id="${relId}"/>`;
    return putWorksheetElement(xml, 'drawing', element);
  });
  return drawing;
}

function addSheetCharts(parts: PackageParts, written: WrittenSheet): void {
  const sheet = written.plan;
  const drawing = drawingPartFor(parts, written);
  const cells = planCells(sheet);
  const drawingXml = parts.text(drawing) ?? EMPTY_DRAWING_XML;
  // Parts, overrides, relationships and anchors gathered, then written once each: a commentary of 10,000 measures has 10,000 charts.
  const specs = (sheet.charts ?? []).filter((spec) => spec.series.length > 0);
  const freeChartPath = freePartPaths(parts, 'xl/charts/chart');
  const charts = specs.map((spec) => {
    const chart = freeChartPath();
    parts.set(chart, chartPartXml(sheet.name, spec, cells));
    return chart;
  });
  addOverrides(parts, charts, CHART_CONTENT_TYPE);
  const relIds = addRelationships(parts, drawing, RELATIONSHIP_TYPES.chart, charts);
  const first = nextShapeId(drawingXml);
  const anchors = specs.map((spec, i) => chartAnchorXml(spec.anchor, first + i, `Chart ${first + i - 1}`, relIds[i]));
  parts.set(drawing, insertBeforeClosing(drawingXml, 'wsDr', anchors.join(''), drawing));
}

function hasCharts(sheet: SheetPlan): boolean {
  return (sheet.charts ?? []).some((c) => c.series.length > 0);
}

/** The package step (see workbook-package.ts): adds the charts of the sheets just written. */
export const writeCharts: PackageStep = (parts, sheets) => {
  for (const sheet of sheets) if (hasCharts(sheet.plan)) addSheetCharts(parts, sheet);
};

/** The same for a workbook saved by another writer (exceljs exports): unzip, add the charts, zip. */
export function addCharts(bytes: Uint8Array, plan: WritePlan): Uint8Array {
  if (!plan.sheets.some(hasCharts)) return bytes;
  const parts = PackageParts.fromZip(bytes);
  const entries = readSheetEntries(parts, workbookPartOf(parts));
  const sheets = plan.sheets.filter(hasCharts).map((sheet) => {
    const part = entries.find((e) => e.name === sheet.name)?.part;
    if (!part) throw new Error(`The write plan puts a chart on a sheet the workbook does not have: "${sheet.name}".`);
    return { plan: sheet, part, edit: (edit: (xml: string) => string) => parts.edit(part, edit) };
  });
  writeCharts(parts, sheets);
  return parts.toZip();
}
