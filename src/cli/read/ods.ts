/**
 * OpenDocument spreadsheets (.ods, LibreOffice's own format): content.xml streamed as the .xlsx sheets
 * are. Each cell says its own type (office:value-type), so no number format has to be read; repeated
 * rows and cells (table:number-*-repeated) are expanded only where they hold a value, so the million
 * empty rows LibreOffice writes after a table cost nothing.
 */
import type { CellInput } from "../../engine";
import { markerName, type SheetRole } from "../../workbook";
import { READ_MESSAGES as M, OUT_OF_RANGE_DATE, uncalculated } from "./messages";
import { OpcPackage } from "./package";
import { MAX_CELLS } from "./xlsx";
import { InputFileError, type InputBook, type InputSheet, type ReadOptions } from "./types";
import type { MergedArea } from "../../workbook/merges";

const NS: Record<string, string> = {
  "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
  "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
  "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
  "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
  "urn:oasis:names:tc:opendocument:xmlns:config:1.0": "config",
  "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0": "calcext",
};

/** ODF dates are xsd:dateTime without a zone: read as UTC, as a date serial of an .xlsx is. */
function odfDate(s: string): CellInput {
  const d = new Date(/(Z|[+-]\d\d:\d\d)$/.test(s) || !s.includes("T") ? s : s + "Z");
  return Number.isFinite(d.getTime()) ? d : { error: OUT_OF_RANGE_DATE };
}

/** "PT10H30M00S" → that time of day on Excel's day 0 (1899-12-30), as an .xlsx time cell reads. */
function odfTime(s: string): CellInput {
  const m = /^-?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(s);
  if (!m) return s;
  const ms = (((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(ms));
}

/** "$'Kết quả DVC'.$A$1" → the sheet it names. */
function sheetOfOdfRef(ref: string): string | null {
  const r = ref.replace(/^\$/, "");
  if (r.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'\./.exec(r);
    return m ? m[1].replace(/''/g, "'") : null;
  }
  const dot = r.indexOf(".");
  return dot > 0 ? r.slice(0, dot) : null;
}

interface OdsTable {
  name: string;
  hidden: boolean;
  sheet: InputSheet;
}

async function readActiveTable(pkg: OpcPackage): Promise<string | null> {
  if (!pkg.has("settings.xml")) return null;
  let active: string | null = null;
  let inItem = false;
  let text = "";
  await pkg.parse(
    "settings.xml",
    {
      open: (t) => {
        if (t.local === "config:config-item" && t.attrs["config:name"] === "ActiveTable" && active === null) {
          inItem = true;
          text = "";
        }
      },
      text: (s) => {
        if (inItem) text += s;
      },
      close: (local) => {
        if (local === "config:config-item" && inItem) {
          inItem = false;
          active = text;
        }
      },
    },
    { prefixes: NS },
  );
  return active;
}

export async function readOds(bytes: Buffer, file: string, opts: ReadOptions): Promise<InputBook> {
  let pkg: OpcPackage;
  try {
    pkg = await OpcPackage.open(bytes);
  } catch (e) {
    throw new InputFileError(M.corruptLegacy(file, ".ods", (e as Error).message));
  }
  try {
    if (!pkg.has("content.xml")) throw new InputFileError(M.corruptLegacy(file, ".ods", "thiếu content.xml"));
    const { tables, names } = await readContent(pkg, file, opts);
    if (!tables.length) throw new InputFileError(M.noSheets(file));
    const active = await readActiveTable(pkg);
    const ownSheets: InputBook["ownSheets"] = [];
    for (const role of ["results", "rules", "chart", "targets"] as SheetRole[]) {
      const ref = names.get(markerName(role));
      const sheet = ref ? sheetOfOdfRef(ref) : null;
      if (sheet !== null) ownSheets.push({ role, name: sheet });
    }
    return {
      kind: "ods",
      file,
      sheets: tables.map((t) => t.sheet),
      activeSheet: tables.some((t) => t.name === active) ? active : null,
      ownSheets,
    };
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(M.corruptLegacy(file, ".ods", (e as Error).message));
  } finally {
    pkg.close();
  }
}

async function readContent(pkg: OpcPackage, file: string, opts: ReadOptions): Promise<{ tables: OdsTable[]; names: Map<string, string> }> {
  const hiddenStyles = new Set<string>();
  let styleName: string | null = null;
  const tables: OdsTable[] = [];
  const names = new Map<string, string>();
  // --sheet: the names are known only as the tables arrive, so every table whose name differs from the
  // wanted one at most in case is read (findSheet then picks among them)
  const wantedLower = opts.sheet?.toLowerCase();

  let table: OdsTable | null = null;
  let skip = false;
  let nested = 0;
  let grid: CellInput[][] = [];
  let cells = 0;
  let rowIdx = 0;
  let colIdx = 0;
  let rowRepeat = 1;
  let rowHidden = false;
  let rowCells: [number, number, CellInput][] = [];
  let hiddenRowRanges: [number, number][] = [];
  let hiddenCols: [number, number][] = [];
  let merges: MergedArea[] = [];
  let col = 0;

  // the cell being read
  let inCell = false;
  let covered = false;
  let cellRepeat = 1;
  let rowsSpanned = 1;
  let colsSpanned = 1;
  let cellAttrs: Record<string, string> = {};
  let text = "";
  let paragraphs = 0;
  let inP = 0;
  let annotation = 0;

  const endTable = () => {
    const t = table!;
    if (!skip) {
      for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
      while (grid.length && !grid[grid.length - 1].some((x) => x !== undefined)) grid.pop();
      const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
      const hiddenRows: number[] = [];
      for (const [a, b] of hiddenRowRanges) for (let r = a; r <= Math.min(b, grid.length - 1); r++) hiddenRows.push(r + 1);
      const hiddenColumns: number[] = [];
      for (const [a, b] of hiddenCols) for (let c = a; c <= Math.min(b, width - 1); c++) hiddenColumns.push(c);
      t.sheet = { name: t.name, grid, hiddenRows, hiddenColumns, state: t.hidden ? "hidden" : "visible", ...(merges.length ? { merges } : {}) };
    } else t.sheet = { name: t.name, grid: [], hiddenRows: [], hiddenColumns: [], state: t.hidden ? "hidden" : "visible", unread: true };
    tables.push(t);
    table = null;
  };

  const cellValue = (): CellInput => {
    const a = cellAttrs;
    if (a["calcext:value-type"] === "error") return { error: text };
    switch (a["office:value-type"]) {
      case "float":
      case "percentage":
      case "currency": {
        const n = Number(a["office:value"]);
        return Number.isFinite(n) ? n : text;
      }
      case "date":
        return odfDate(a["office:date-value"] ?? "");
      case "time":
        return odfTime(a["office:time-value"] ?? "");
      case "boolean":
        return a["office:boolean-value"] === "true";
      case "string":
        return a["office:string-value"] ?? text;
      case undefined: {
        const f = a["table:formula"];
        if (f !== undefined) return { error: uncalculated(f.replace(/^(of:)?=/, "")) };
        return paragraphs ? text : null;
      }
      default:
        return text;
    }
  };

  await pkg.parse(
    "content.xml",
    {
      open: (t) => {
        const n = t.local;
        if (inCell) {
          if (n === "office:annotation") annotation++;
          if (annotation) return;
          if (n === "text:p" || n === "text:h") {
            if (!inP && paragraphs++) text += "\n";
            inP++;
          } else if (n === "text:s") text += " ".repeat(Math.max(1, Number(t.attrs["text:c"] ?? 1) || 1));
          else if (n === "text:tab") text += "\t";
          else if (n === "text:line-break") text += "\n";
          return;
        }
        if (n === "style:style" && t.attrs["style:family"] === "table") styleName = t.attrs["style:name"] ?? null;
        else if (n === "style:table-properties" && styleName && t.attrs["table:display"] === "false") hiddenStyles.add(styleName);
        else if (n === "table:table") {
          if (table) {
            nested++;
            return;
          }
          const name = t.attrs["table:name"] ?? `Sheet${tables.length + 1}`;
          const hidden = hiddenStyles.has(t.attrs["table:style-name"] ?? "");
          table = { name, hidden, sheet: null as unknown as InputSheet };
          skip = wantedLower !== undefined && name.toLowerCase() !== wantedLower;
          grid = [];
          cells = 0;
          rowIdx = 0;
          col = 0;
          hiddenRowRanges = [];
          hiddenCols = [];
          merges = [];
        } else if (!table || nested || skip) {
          if (n === "table:named-range" || n === "table:named-expression") {
            const name = t.attrs["table:name"];
            const ref = t.attrs["table:cell-range-address"] ?? t.attrs["table:expression"];
            if (name && ref) names.set(name.toUpperCase(), ref);
          }
          return;
        } else if (n === "table:table-column") {
          const rep = Math.max(1, Number(t.attrs["table:number-columns-repeated"] ?? 1) || 1);
          const vis = t.attrs["table:visibility"];
          if (vis === "collapse" || vis === "filter") hiddenCols.push([col, col + rep - 1]);
          col += rep;
        } else if (n === "table:table-row") {
          rowRepeat = Math.max(1, Number(t.attrs["table:number-rows-repeated"] ?? 1) || 1);
          const vis = t.attrs["table:visibility"];
          rowHidden = vis === "collapse" || vis === "filter";
          rowCells = [];
          colIdx = 0;
        } else if (n === "table:table-cell" || n === "table:covered-table-cell") {
          inCell = true;
          covered = n === "table:covered-table-cell";
          cellRepeat = Math.max(1, Number(t.attrs["table:number-columns-repeated"] ?? 1) || 1);
          // a merged range is its first cell spanning rows and columns, then covered cells (reading merged_down)
          rowsSpanned = covered ? 1 : Math.max(1, Number(t.attrs["table:number-rows-spanned"] ?? 1) || 1);
          colsSpanned = covered ? 1 : Math.max(1, Number(t.attrs["table:number-columns-spanned"] ?? 1) || 1);
          cellAttrs = t.attrs;
          text = "";
          paragraphs = 0;
          inP = 0;
          annotation = 0;
        }
      },
      text: (s) => {
        if (inCell && inP && !annotation) text += s;
      },
      close: (n) => {
        if (inCell) {
          if (n === "office:annotation") annotation--;
          else if ((n === "text:p" || n === "text:h") && !annotation) inP--;
          else if (n === "table:table-cell" || n === "table:covered-table-cell") {
            inCell = false;
            // a merged range's other cells (covered) may still hold text LibreOffice keeps; Excel shows only the first cell's
            const v = covered ? null : cellValue();
            if (v !== null && v !== undefined) rowCells.push([colIdx, cellRepeat, v]);
            // (a spanning cell is never repeated: its covered cells follow it)
            if (rowsSpanned > 1 || colsSpanned > 1) merges.push({ r0: rowIdx, c0: colIdx, r1: rowIdx + rowsSpanned - 1, c1: colIdx + colsSpanned - 1 });
            colIdx += cellRepeat;
          }
          return;
        }
        if (n === "table:table") {
          if (nested) nested--;
          else if (table) endTable();
          return;
        }
        if (!table || nested || skip) return;
        if (n === "table:table-row") {
          if (rowHidden) hiddenRowRanges.push([rowIdx, rowIdx + rowRepeat - 1]);
          if (rowCells.length) {
            for (let r = rowIdx; r < rowIdx + rowRepeat; r++) {
              const row: CellInput[] = (grid[r] = []);
              for (const [c, rep, v] of rowCells) {
                for (let k = 0; k < rep; k++) row[c + k] = v;
                cells += rep;
              }
              if (cells > MAX_CELLS) throw new InputFileError(M.tooManyCells(file, table.name, MAX_CELLS.toLocaleString("vi-VN")));
            }
          }
          rowIdx += rowRepeat;
        }
      },
    },
    { prefixes: NS },
  );
  return { tables, names };
}
