/**
 * DrawingML chart parts (xl/charts/chartN.xml) for the plan's ChartSpecs:
 * line, clustered column and stacked column. Every series carries its string
 * or number cache and an explicit colour, so viewers that do not recalculate
 * (LibreOffice, previewers) draw what Excel draws.
 */
import { columnLetters } from '../../../model/address';
import type { CellRange, ChartSeries, ChartSpec, PlanValue } from '../../../model/plan';
import { escapeAttr, escapeText } from '../package/xml';

export const CHART_NAMESPACE = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const DRAWINGML_NAMESPACE = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** What the cells of the chart's sheet hold: (row, col) → value, from the plan. */
export type CellLookup = (row: number, col: number) => PlanValue | undefined;

const CATEGORY_AXIS = 500100;
const VALUE_AXIS = 500200;
/** 2.25pt lines: the weight Excel gives line-chart series. */
const LINE_POINTS = 2.25;
const EMU_PER_POINT = 12700;

/** `'Sheet name'!$B$12:$J$12`: always quoted, apostrophes doubled. */
export function rangeFormula(sheet: string, range: CellRange): string {
  const start = `$${columnLetters(range.col)}$${range.row + 1}`;
  const single = range.rowCount === 1 && range.colCount === 1;
  const end = `$${columnLetters(range.col + range.colCount - 1)}$${range.row + range.rowCount}`;
  return `'${sheet.replace(/'/g, "''")}'!${single ? start : `${start}:${end}`}`;
}

/** The cells of a one-row or one-column range, in order. */
function cellsOf(range: CellRange): { row: number; col: number }[] {
  const cells: { row: number; col: number }[] = [];
  for (let r = 0; r < range.rowCount; r++) for (let c = 0; c < range.colCount; c++) cells.push({ row: range.row + r, col: range.col + c });
  return cells;
}

function textOf(value: PlanValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'object' ? value.text : String(value);
}

function strRef(formula: string, texts: (string | undefined)[]): string {
  const points = texts.map((t, i) => (t === undefined ? '' : `<c:pt idx="${i}"><c:v>${escapeText(t)}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${escapeText(formula)}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(formula: string, values: (PlanValue | undefined)[]): string {
  const points = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escapeText(formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

/**
 * The series name: a reference to the cell holding it when one sits just
 * before the values (left of a row, above a column), else the literal text.
 */
function seriesName(sheet: string, series: ChartSeries, cells: CellLookup): string {
  const { row, col, rowCount } = series.values;
  const at = rowCount === 1 ? { row, col: col - 1 } : { row: row - 1, col };
  if (at.row >= 0 && at.col >= 0 && textOf(cells(at.row, at.col)) === series.name) {
    return `<c:tx>${strRef(rangeFormula(sheet, { ...at, rowCount: 1, colCount: 1 }), [series.name])}</c:tx>`;
  }
  return `<c:tx><c:v>${escapeText(series.name)}</c:v></c:tx>`;
}

function colourHex(colour: string): string {
  return colour.replace('#', '').toUpperCase();
}

function solidFill(colour: string): string {
  return `<a:solidFill><a:srgbClr val="${escapeAttr(colourHex(colour))}"/></a:solidFill>`;
}

function lineSeriesLook(series: ChartSeries): string {
  const dash = series.dashed ? '<a:prstDash val="dash"/>' : '<a:prstDash val="solid"/>';
  const width = Math.round((series.lineWidth ?? LINE_POINTS) * EMU_PER_POINT);
  const line = series.markersOnly ? '<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>' : `<c:spPr><a:ln w="${width}" cap="rnd">${solidFill(series.colour)}${dash}<a:round/></a:ln></c:spPr>`;
  const marker = series.markers
    ? `<c:marker><c:symbol val="circle"/><c:size val="${series.markersOnly ? 9 : 6}"/><c:spPr>${solidFill(series.colour)}<a:ln w="9525">${solidFill(series.colour)}</a:ln></c:spPr></c:marker>`
    : '<c:marker><c:symbol val="none"/></c:marker>';
  return line + marker;
}

function barSeriesLook(series: ChartSeries): string {
  const outline = series.dashed ? `<a:ln w="12700">${solidFill(series.colour)}<a:prstDash val="dash"/></a:ln>` : '<a:ln><a:noFill/></a:ln>';
  return `<c:spPr>${solidFill(series.colour)}${outline}</c:spPr><c:invertIfNegative val="0"/>`;
}

function categoriesXml(sheet: string, spec: ChartSpec, cells: CellLookup): string {
  const values = cellsOf(spec.categories).map(({ row, col }) => cells(row, col));
  const formula = rangeFormula(sheet, spec.categories);
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  return `<c:cat>${numeric ? numRef(formula, values) : strRef(formula, values.map(textOf))}</c:cat>`;
}

/** A series, after the chart's categories as every series repeats them (`categories`: categoriesXml's, made once a chart). */
function seriesXml(sheet: string, spec: ChartSpec, series: ChartSeries, index: number, cells: CellLookup, categories: string): string {
  const values = cellsOf(series.values).map(({ row, col }) => cells(row, col));
  const look = spec.kind === 'line' ? lineSeriesLook(series) : barSeriesLook(series);
  const tail = spec.kind === 'line' ? '<c:smooth val="0"/>' : '';
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${seriesName(sheet, series, cells)}${look}` +
    `${categories}<c:val>${numRef(rangeFormula(sheet, series.values), values)}</c:val>${tail}</c:ser>`
  );
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function plotXml(sheet: string, spec: ChartSpec, cells: CellLookup): string {
  const categories = categoriesXml(sheet, spec, cells);
  const series = spec.series.map((s, i) => seriesXml(sheet, spec, s, i, cells, categories)).join('');
  const axes = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  switch (spec.kind) {
    case 'line':
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
    case 'column':
      return `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
    case 'stacked-column':
      return `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:overlap val="100"/>${axes}</c:barChart>`;
    default: {
      const unknown: never = spec.kind;
      throw new Error(`Unknown chart kind ${String(unknown)}`);
    }
  }
}

const GRIDLINES = `<c:majorGridlines><c:spPr><a:ln w="9525">${solidFill('#D9D9D9')}</a:ln></c:spPr></c:majorGridlines>`;
const AXIS_LINE = `<c:spPr><a:ln w="9525">${solidFill('#8C8C8C')}</a:ln></c:spPr>`;

/** The value axis's scaling: its bounds when the plan gives them (c:max before c:min, as the schema orders them). */
function valueScaling(spec: ChartSpec): string {
  const bounds = spec.valueAxis ? `<c:max val="${spec.valueAxis.max}"/><c:min val="${spec.valueAxis.min}"/>` : '';
  return `<c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling>`;
}

function axesXml(spec: ChartSpec): string {
  const valueTitle = spec.yAxisTitle ? `<c:title>${richText(spec.yAxisTitle, 900, false)}<c:overlay val="0"/></c:title>` : '';
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${AXIS_LINE}` +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/>${valueScaling(spec)}<c:delete val="0"/><c:axPos val="l"/>${GRIDLINES}${valueTitle}` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}` +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="${spec.kind === 'line' ? 'midCat' : 'between'}"/></c:valAx>`
  );
}

/** The chart part for one ChartSpec on the sheet called `sheet`. */
export function chartPartXml(sheet: string, spec: ChartSpec, cells: CellLookup): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${CHART_NAMESPACE}" xmlns:a="${DRAWINGML_NAMESPACE}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>' +
    `<c:chart><c:title>${richText(spec.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotXml(sheet, spec, cells)}${axesXml(spec)}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:spPr>${solidFill('#FFFFFF')}<a:ln w="9525">${solidFill('#D9D9D9')}</a:ln></c:spPr>` +
    '</c:chartSpace>'
  );
}
