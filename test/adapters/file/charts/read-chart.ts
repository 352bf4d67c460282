/** Reads chart parts back for tests: what a viewer would draw, parsed with saxes. */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export interface ReadSeries {
  name: string;
  /** The formula naming the series, when it is a reference. */
  nameRef?: string;
  categoriesRef: string;
  categories: (string | undefined)[];
  valuesRef: string;
  /** The number cache, undefined where a point is empty. */
  values: (number | undefined)[];
  colour?: string;
  dash?: string;
  marker?: string;
  /** The line's width in points. */
  lineWidth?: number;
}

export interface ReadChart {
  /** lineChart, barChart… */
  plot: string;
  grouping?: string;
  title: string;
  series: ReadSeries[];
  /** The value axis's fixed bounds, when it has them. */
  valueAxis: { min?: number; max?: number };
  legend: boolean;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

export function readChartXml(xml: string): ReadChart {
  const chart: ReadChart = { plot: '', title: '', series: [], valueAxis: {}, legend: false };
  const parser = new SaxesParser();
  const path: string[] = [];
  let series: ReadSeries | undefined;
  let cache: (string | undefined)[] = [];
  let point = -1;
  let text = '';
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    path.push(name);
    text = '';
    if (/Chart$/.test(name) && name !== 'chart' && path.includes('plotArea')) chart.plot = name;
    if (name === 'grouping') chart.grouping = attrs.val;
    if (name === 'ser') series = { name: '', categoriesRef: '', categories: [], valuesRef: '', values: [] };
    if (name === 'ptCount') cache = Array.from({ length: Number(attrs.val) }, () => undefined);
    if (name === 'pt') point = Number(attrs.idx);
    if (series && name === 'srgbClr' && path.includes('spPr') && !path.includes('marker') && series.colour === undefined) series.colour = attrs.val;
    if (series && name === 'prstDash' && !path.includes('marker')) series.dash = attrs.val;
    if (series && name === 'symbol') series.marker = attrs.val;
    if (series && name === 'ln' && path.includes('spPr') && !path.includes('marker') && attrs.w) series.lineWidth = Number(attrs.w) / 12700;
    if ((name === 'min' || name === 'max') && path.includes('valAx')) chart.valueAxis[name] = Number(attrs.val);
    if (name === 'legend') chart.legend = true;
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    path.pop();
    if (name === 't' && path.includes('title') && !series && !path.includes('valAx')) chart.title += text;
    if (!series) return;
    const inside = (part: string) => path.includes(part);
    if (name === 'v' && point >= 0) cache[point] = text;
    if (name === 'v' && point < 0 && inside('tx')) series.name = text;
    if (name === 'pt') point = -1;
    if (name === 'f') {
      if (inside('tx')) series.nameRef = text;
      else if (inside('cat')) series.categoriesRef = text;
      else if (inside('val')) series.valuesRef = text;
    }
    if (name === 'strCache' && inside('tx')) series.name = cache[0] ?? '';
    if ((name === 'strCache' || name === 'numCache') && inside('cat')) series.categories = cache;
    if (name === 'numCache' && inside('val')) series.values = cache.map((v) => (v === undefined ? undefined : Number(v)));
    if (name === 'ser') {
      chart.series.push(series);
      series = undefined;
    }
  });
  parser.write(xml).close();
  return chart;
}

/** Every part of a package, as text. */
export function packageTexts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** The chart parts of one sheet, found through its drawing's relationships. */
export function chartsOfSheet(texts: Map<string, string>, sheetName: string): { sheetXml: string; drawing: string; charts: ReadChart[] } {
  const workbook = texts.get('xl/workbook.xml') ?? '';
  const escaped = sheetName.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
  const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${escaped}"`) || t.includes(`name="${sheetName}"`));
  if (!sheetTag) throw new Error(`no sheet ${sheetName}`);
  const relId = /r:id="([^"]+)"/.exec(sheetTag)?.[1];
  const sheetPart = `xl/${targetOf(texts.get('xl/_rels/workbook.xml.rels') ?? '', relId ?? '').replace(/^\/?xl\//, '')}`;
  const sheetXml = texts.get(sheetPart) ?? '';
  const drawingId = /<drawing\b[^>]*r:id="([^"]+)"/.exec(sheetXml)?.[1];
  if (!drawingId) return { sheetXml, drawing: '', charts: [] };
  const sheetRels = texts.get(sheetPart.replace(/([^/]+)$/, '_rels/$1.rels')) ?? '';
  const drawing = normalise(`xl/worksheets/${targetOf(sheetRels, drawingId)}`);
  const drawingXml = texts.get(drawing) ?? '';
  const drawingRels = texts.get(drawing.replace(/([^/]+)$/, '_rels/$1.rels')) ?? '';
  const charts = [...drawingXml.matchAll(/<c:chart\b[^>]*r:id="([^"]+)"/g)].map((m) => {
    const chart = normalise(`xl/drawings/${targetOf(drawingRels, m[1])}`);
    return readChartXml(texts.get(chart) ?? '');
  });
  return { sheetXml, drawing, charts };
}

function targetOf(rels: string, id: string): string {
  const tag = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${id}"`)) ?? '';
  return /Target="([^"]+)"/.exec(tag)?.[1] ?? '';
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') out.pop();
    else if (s && s !== '.') out.push(s);
  }
  return out.join('/');
}
