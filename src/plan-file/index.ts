/**
 * A plan file: the plan model as JSON or YAML text (docs/plan-file.md, schema/plan.schema.json),
 * for the command line and for keeping plans under version control. Loading checks the plan at once
 * (checkPlan, the same check as a built-in plan or a plan sheet) and names the line and column of
 * every problem: the line of the offending value, or of the object that lacks a field.
 *
 * The `yaml` package reads both: JSON is YAML, and it keeps every node's offset (LineCounter turns
 * it into a line). A .json file must also be plain JSON (JSON.parse is the judge of that), so that
 * what an editor or another tool reads from it is what we read. No Node here: the task pane can load
 * a plan file as well as the command line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Plan } from "../engine/types";
import { checkPlan, type PlanPath, type PlanProblem } from "../plans/validate";
import { learnInputLabels } from "../messages";

/** A problem with its place in the file; `text` is what a person reads: "plan.json dòng 12, cột 7: …". */
export interface PlanFileProblem extends PlanProblem {
  /** 1-based; null when the place cannot be told (the file as a whole) */
  line: number | null;
  col: number | null;
  text: string;
}

export interface PlanFileResult {
  /** the checked plan, with origin { kind: "file", name }; null when there is any problem */
  plan: Plan | null;
  problems: PlanFileProblem[];
}

/** A plan is some tens of kilobytes; a file far larger is not a plan (and is not parsed). */
export const MAX_PLAN_FILE_BYTES = 2 * 1024 * 1024;

export type PlanFileFormat = "json" | "yaml";

/** .json, .yaml, .yml (any case); null for another name. */
export function planFileFormat(name: string): PlanFileFormat | null {
  const m = /\.(json|ya?ml)$/i.exec(name);
  if (!m) return null;
  return m[1].toLowerCase() === "json" ? "json" : "yaml";
}

/** Reads a plan file's bytes (UTF-8, or UTF-16 with its byte-order mark) and checks the plan. */
export function loadPlanFile(bytes: Uint8Array, name: string): PlanFileResult {
  const large = tooLarge(bytes.length, name);
  if (large) return large;
  const text = decode(bytes);
  if (text === null) return fileProblem(name, "tệp không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã UTF-8");
  return readPlanText(text, name);
}

/** The answer for a file of `size` bytes, when it is too large to be a plan (so that it need not be read). */
export function tooLarge(size: number, name: string): PlanFileResult | null {
  if (size <= MAX_PLAN_FILE_BYTES) return null;
  return fileProblem(name, `tệp lớn ${Math.ceil(size / 1024)} KB, quá ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB mà một tệp kế hoạch có thể có: đây không phải tệp kế hoạch`);
}

/** Checks the text of a plan file; `name` (its file name) says the format and heads every message. */
export function readPlanText(text: string, name: string): PlanFileResult {
  const format = planFileFormat(name) ?? "yaml";
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | null) => (offset === null ? { line: null, col: null } : lines.linePos(offset));
  const syntax = (offset: number | null, message: string): PlanFileResult => {
    const { line, col } = at(offset);
    return { plan: null, problems: [locate(name, [], message, line, col)] };
  };

  if (!/\S/.test(source)) return syntax(null, "tệp trống: chưa có kế hoạch nào");
  let value: unknown;
  if (format === "json") {
    try {
      value = JSON.parse(source);
    } catch (e) {
      const { offset, message } = jsonError(e as Error, source.length);
      return syntax(offset, `lỗi cú pháp JSON: ${message}`);
    }
    // JSON.parse keeps the last of two equal keys; which one was meant is not for us to guess
    const dup = doc.errors.find((e) => e.code === "DUPLICATE_KEY");
    if (dup) return syntax(dup.pos[0], `lỗi cú pháp JSON: ${yamlErrorText(dup.code, source, dup.pos[0])}`);
  } else {
    if (doc.errors.length > 0) {
      const problems = doc.errors.slice(0, 5).map((e) => {
        const { line, col } = at(e.pos[0]);
        return locate(name, [], `lỗi cú pháp YAML: ${yamlErrorText(e.code, source, e.pos[0])}`, line, col);
      });
      return { plan: null, problems };
    }
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      return syntax(null, "lỗi cú pháp YAML: tệp dùng bí danh (*…) quá nhiều lần");
    }
  }
  if (value === null || value === undefined) return syntax(null, "tệp trống: chưa có kế hoạch nào");

  const checked = checkPlan(value);
  // positions only where the YAML reading agrees with the value checked (always, but for a .json file
  // the parser yaml could not follow)
  const usable = doc.errors.length === 0;
  const problems = checked.problems.map((p) => {
    const { line, col } = usable ? at(offsetOf(doc, p.path)) : { line: null, col: null };
    return locate(name, p.path, p.message, line, col);
  });
  // in the order of the file, as a person fixes them (sort is stable: one place keeps the checker's order)
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (!checked.plan) return { plan: null, problems };
  learnInputLabels(checked.plan);
  return { plan: { ...checked.plan, origin: { kind: "file", name } }, problems: [] };
}

/** "plan.json dòng 12, cột 7: …", or "plan.json: …" when the place is the whole file. */
export function problemText(name: string, line: number | null, col: number | null, message: string): string {
  return line === null ? `${name}: ${message}` : `${name} dòng ${line}, cột ${col}: ${message}`;
}

function locate(name: string, path: PlanPath, message: string, line: number | null, col: number | null): PlanFileProblem {
  return { path, message, line, col, text: problemText(name, line, col, message) };
}

function fileProblem(name: string, message: string): PlanFileResult {
  return { plan: null, problems: [locate(name, [], message, null, null)] };
}

function decode(bytes: Uint8Array): string | null {
  const [a, b] = bytes;
  const encoding = a === 0xff && b === 0xfe ? "utf-16le" : a === 0xfe && b === 0xff ? "utf-16be" : "utf-8";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Where a path's value starts in the file: the value itself; the key, when the value is empty
 * ("floor:" with nothing after it); else the nearest object or list that holds the path (a missing
 * field is the fault of the object that should have it).
 */
function offsetOf(doc: Document, path: PlanPath): number | null {
  let node: unknown = doc.contents;
  let offset: number | null = rangeStart(node);
  for (const seg of path) {
    let next: unknown;
    let keyStart: number | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      next = pair.value;
      keyStart = rangeStart(pair.key);
    } else if (isSeq(node) && typeof seg === "number") {
      next = node.items[seg];
    } else break;
    const start = rangeStart(next);
    if (start === null) {
      if (keyStart !== null) offset = keyStart;
      break;
    }
    offset = start;
    node = next;
  }
  return offset;
}

function rangeStart(node: unknown): number | null {
  const r = (node as Node | null | undefined)?.range;
  return Array.isArray(r) ? r[0] : null;
}

/** V8's JSON.parse message → an offset and a Vietnamese reason. */
function jsonError(e: Error, length: number): { offset: number | null; message: string } {
  const m = /position (\d+)/.exec(e.message);
  const raw = e.message;
  const offset = m ? Number(m[1]) : /end of JSON input/.test(raw) ? length : null;
  const reasons: [RegExp, string][] = [
    [/end of JSON input/, "tệp kết thúc giữa chừng: thiếu dấu } hoặc ] đóng"],
    [/Unterminated string/, "chuỗi chưa đóng ngoặc kép"],
    [/after property value/, "thiếu dấu phẩy hoặc dấu } sau giá trị"],
    [/after array element/, "thiếu dấu phẩy hoặc dấu ] sau phần tử"],
    [/property name/, "cần tên trường trong ngoặc kép; có thể là dấu phẩy thừa trước dấu }"],
    [/Bad control character/, "chuỗi có ký tự điều khiển (xuống dòng, Tab) chưa viết thành \\n, \\t"],
    [/Bad (escaped character|Unicode escape)/, "ký tự thoát \\ trong chuỗi viết sai"],
    [/non-whitespace character after JSON/, "còn nội dung sau khi đối tượng kế hoạch đã đóng"],
  ];
  const reason = reasons.find(([re]) => re.test(raw))?.[1];
  return {
    offset,
    message: reason ?? "ký tự không đúng chỗ (chú thích, dấu phẩy thừa, nháy đơn chỉ dùng được trong tệp .yaml)",
  };
}

const YAML_ERRORS: Record<string, string> = {
  BAD_INDENT: "thụt lề sai: các khóa cùng cấp phải thẳng cột, danh sách [ … ] phải đóng đủ",
  TAB_AS_INDENT: "thụt lề bằng phím Tab: YAML chỉ cho thụt lề bằng dấu cách",
  MULTIPLE_DOCS: "tệp có nhiều hơn một tài liệu YAML (dấu ---): mỗi tệp chỉ ghi một kế hoạch",
  MISSING_CHAR: "thiếu ký tự đóng (dấu ngoặc, dấu nháy)",
  UNEXPECTED_TOKEN: "ký tự không đúng chỗ",
  BLOCK_AS_IMPLICIT_KEY: "khóa viết sai: thiếu dấu hai chấm, hoặc khóa kéo sang dòng sau",
  MULTILINE_IMPLICIT_KEY: "khóa viết sai: thiếu dấu hai chấm, hoặc khóa kéo sang dòng sau",
  BAD_DQ_ESCAPE: "ký tự thoát \\ trong chuỗi ngoặc kép viết sai",
  BAD_SCALAR_START: "giá trị bắt đầu bằng ký tự dành riêng của YAML (như @, `, %): đặt giá trị trong ngoặc kép",
  TAG_RESOLVE_FAILED: "nhãn kiểu YAML (!!…) không dùng được ở đây",
  BAD_ALIAS: "bí danh YAML (*…) không có điểm neo (&…)",
  KEY_OVER_1024_CHARS: "khóa dài quá 1024 ký tự",
  BLOCK_IN_FLOW: "khối YAML nằm trong [ … ] hoặc { … }",
};

function yamlErrorText(code: string, source: string, offset: number): string {
  if (code === "DUPLICATE_KEY") {
    const key = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:\s,{}[\]]+)/.exec(source.slice(offset))?.[1] ?? "";
    return `khóa ${key} ghi hai lần trong cùng một đối tượng: chỉ giữ một`;
  }
  return YAML_ERRORS[code] ?? `lỗi cú pháp (${code})`;
}
