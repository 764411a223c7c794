/**
 * The results chart as DrawingML: a drawing part anchoring a chart frame between two cells of the
 * chart sheet, and a chart part holding a stacked bar chart over the sheet's small table (categories
 * in its first column, one series per other column), as the task pane's Office.js chart is. The
 * series carry caches of their values, so a reader that does not recalculate still draws them.
 */
import { columnLetter, quoteSheet, type ChartSpec } from "../../workbook";
import type { Vocabulary } from "./opc";
import { parseBox, type WriterCell } from "./sheet";
import { escapeAttr, escapeText } from "./xml";

function anchorCell(a1: string): { col: number; row: number } {
  const b = parseBox(a1);
  return { col: b.c0, row: b.r0 };
}

export function drawingXml(chart: ChartSpec, v: Vocabulary, chartRel: string): string {
  const from = anchorCell(chart.position[0]);
  const to = anchorCell(chart.position[1]);
  const cell = (p: { col: number; row: number }) =>
    `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${v.drawing}" xmlns:a="${v.a}">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${cell(from)}</xdr:from><xdr:to>${cell(to)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${v.chart}"><c:chart xmlns:c="${v.chart}" xmlns:r="${v.r}" r:id="${chartRel}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function absRange(sheet: string, c: number, r0: number, r1: number): string {
  const col = columnLetter(c);
  return `${quoteSheet(sheet)}!$${col}$${r0 + 1}${r1 > r0 ? `:$${col}$${r1 + 1}` : ""}`;
}

function text(v: WriterCell | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !(v instanceof Date) && "formula" in v) return text(v.result as WriterCell);
  return String(v);
}

/** A stacked bar chart over `chart.dataRange` of the sheet `sheet` whose cells are `cells`. */
export function chartXml(chart: ChartSpec, sheet: string, cells: WriterCell[][], v: Vocabulary): string {
  const box = parseBox(chart.dataRange);
  const first = box.r0 + 1;
  const last = box.r1;
  const n = Math.max(0, last - first + 1);
  const at = (r: number, c: number) => cells[r]?.[c];
  let cats = `<c:ptCount val="${n}"/>`;
  for (let r = first; r <= last; r++) cats += `<c:pt idx="${r - first}"><c:v>${escapeText(text(at(r, box.c0)))}</c:v></c:pt>`;
  let series = "";
  for (let c = box.c0 + 1, i = 0; c <= box.c1; c++, i++) {
    let pts = `<c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>`;
    for (let r = first; r <= last; r++) {
      const x = at(r, c);
      const val = typeof x === "number" ? x : x && typeof x === "object" && "formula" in x && typeof x.result === "number" ? x.result : null;
      if (val !== null && Number.isFinite(val)) pts += `<c:pt idx="${r - first}"><c:v>${val}</c:v></c:pt>`;
    }
    const color = (chart.seriesColors[i] ?? "").replace(/^#/, "").toUpperCase();
    series +=
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${escapeText(absRange(sheet, c, box.r0, box.r0))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeText(text(at(box.r0, c)))}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
      (/^[0-9A-F]{6}$/.test(color) ? `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>` : "") +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${escapeText(absRange(sheet, box.c0, first, last))}</c:f><c:strCache>${cats}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeText(absRange(sheet, c, first, last))}</c:f><c:numCache>${pts}</c:numCache></c:numRef></c:val>` +
      `</c:ser>`;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${v.chart}" xmlns:a="${v.a}" xmlns:r="${v.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="50"/><c:overlap val="100"/><c:axId val="111"/><c:axId val="222"/></c:barChart>` +
    // bars read top-down in the table's order (a bar chart draws its first category at the bottom),
    // with the value axis kept below them
    `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="111"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
