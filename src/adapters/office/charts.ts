/** Native Excel charts from the plan's chart specs, over the sheet's own cells. */
import type { CellRange, ChartSeries, ChartSpec } from '../../model/plan';
import { cellAddress } from '../../model/address';

/** Every chart kind of the plan has its Excel type (the compiler checks the Record is complete). */
const CHART_TYPES: Record<ChartSpec['kind'], 'Line' | 'ColumnClustered' | 'ColumnStacked'> = {
  line: 'Line',
  column: 'ColumnClustered',
  'stacked-column': 'ColumnStacked',
};

function rangeOf(sheet: Excel.Worksheet, r: CellRange): Excel.Range {
  return sheet.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount);
}

function styleSeries(series: Excel.ChartSeries, spec: ChartSeries, kind: ChartSpec['kind']): void {
  if (kind === 'line') {
    series.format.line.color = spec.colour;
    series.format.line.lineStyle = spec.markersOnly ? 'None' : spec.dashed ? 'Dash' : 'Continuous';
    series.markerStyle = spec.markers ? 'Automatic' : 'None';
    if (spec.lineWidth !== undefined) series.format.line.weight = spec.lineWidth;
  } else {
    series.format.fill.setSolidColor(spec.colour);
  }
}

export function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  if (!first) return;
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], rangeOf(sheet, first.values), 'Auto');
  chart.title.text = spec.title;
  const { row, col, rowCount, colCount } = spec.anchor;
  chart.setPosition(cellAddress(row, col), cellAddress(row + rowCount - 1, col + colCount - 1));
  const categories = rangeOf(sheet, spec.categories);
  [first, ...rest].forEach((seriesSpec, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(seriesSpec.name);
    series.name = seriesSpec.name;
    series.setValues(rangeOf(sheet, seriesSpec.values));
    series.setXAxisValues(categories);
    styleSeries(series, seriesSpec, spec.kind);
  });
  if (spec.yAxisTitle) chart.axes.valueAxis.title.text = spec.yAxisTitle;
  if (spec.valueAxis) {
    chart.axes.valueAxis.minimum = spec.valueAxis.min;
    chart.axes.valueAxis.maximum = spec.valueAxis.max;
  }
  chart.legend.visible = true;
  chart.legend.position = 'Bottom';
}
