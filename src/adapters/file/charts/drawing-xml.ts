/** The drawing part (xl/drawings/drawingN.xml) that places charts over a sheet's cells. */
import type { CellRange } from '../../../model/plan';
import { CHART_NAMESPACE, DRAWINGML_NAMESPACE } from './chart-xml';

export const SPREADSHEET_DRAWING_NAMESPACE = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const EMPTY_DRAWING_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NAMESPACE}" xmlns:a="${DRAWINGML_NAMESPACE}"></xdr:wsDr>`;

function marker(tag: 'from' | 'to', row: number, col: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/**
 * One chart anchored over the cells of `anchor` (moving and sizing with them).
 * The anchor declares its own namespaces, so it can join a drawing part that
 * binds other prefixes.
 */
export function chartAnchorXml(anchor: CellRange, shapeId: number, name: string, chartRelId: string): string {
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${SPREADSHEET_DRAWING_NAMESPACE}" xmlns:a="${DRAWINGML_NAMESPACE}">` +
    marker('from', anchor.row, anchor.col) +
    marker('to', anchor.row + anchor.rowCount, anchor.col + anchor.colCount) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NAMESPACE}"><c:chart xmlns:c="${CHART_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** The next free shape id in a drawing part (ids are unique within it). */
export function nextShapeId(drawingXml: string): number {
  let max = 1;
  for (const match of drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sid="(\d+)"/g)) max = Math.max(max, Number(match[1]));
  return max + 1;
}
