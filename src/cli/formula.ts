/**
 * Parser for one custom-function call as typed in Excel's formula bar (en-US syntax: "," between
 * arguments, "." as decimal point, ";" between rows of an array constant):
 *   =DVC.LS_TARGET("xa", "so_hoa")      LS_TARGET("xa";...) is NOT accepted (";" only inside {})
 *   hg_score(270, 300, 850, 1000, "xa")   {0.9,0.95;0.8,1}   "say ""hi"""   TRUE   90%   #N/A   (empty)
 * Nested calls, cell references and operators are refused: `calc` evaluates literals only.
 */

/** A literal argument: what Excel would hand to the function. `null` is an empty argument. */
export type Literal = number | string | boolean | null | { error: string };
export type Argument = Literal | Literal[][];

export interface FormulaCall {
  /** function id in upper case, without the namespace, e.g. "LS_TARGET" */
  name: string;
  args: Argument[];
}

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    public readonly position: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"];

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  private fail(vi: string, en: string): never {
    throw new FormulaSyntaxError(`${vi} (vị trí ${this.pos + 1}) / ${en} (position ${this.pos + 1})`, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
  }

  private peek(): string {
    return this.src[this.pos] ?? "";
  }

  parseCall(): FormulaCall {
    this.skipSpace();
    if (this.peek() === "=") this.pos++;
    this.skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.src.slice(this.pos));
    if (!m) this.fail("Thiếu tên hàm", "Function name expected");
    this.pos += m[0].length;
    let name = m[0].toUpperCase();
    if (name.startsWith("DVC.")) name = name.slice(4);
    if (name === "" || name.includes(".")) this.fail(`Tên hàm không hợp lệ "${m[0]}"`, `Invalid function name "${m[0]}"`);
    this.skipSpace();
    if (this.peek() !== "(") this.fail("Thiếu dấu mở ngoặc \"(\"", "\"(\" expected");
    this.pos++;
    const args: Argument[] = [];
    this.skipSpace();
    if (this.peek() === ")") {
      this.pos++;
    } else {
      for (;;) {
        args.push(this.parseArgument());
        this.skipSpace();
        const c = this.peek();
        if (c === ",") {
          this.pos++;
          continue;
        }
        if (c === ")") {
          this.pos++;
          break;
        }
        if (c === "") this.fail("Thiếu dấu đóng ngoặc \")\"", "\")\" expected");
        if (c === "(") this.fail("Không hỗ trợ hàm lồng nhau", "Nested calls are not supported");
        if (c === ";") this.fail("Dùng dấu phẩy \",\" giữa các đối số (\";\" chỉ dùng trong hằng mảng {})", "Use \",\" between arguments (\";\" only inside an array constant)");
        this.fail(`Ký tự không mong đợi "${c}"`, `Unexpected character "${c}"`);
      }
    }
    this.skipSpace();
    if (this.pos < this.src.length) this.fail("Còn ký tự thừa sau lời gọi hàm", "Unexpected text after the call");
    return { name, args };
  }

  private parseArgument(): Argument {
    this.skipSpace();
    const c = this.peek();
    if (c === "," || c === ")") return null;
    if (c === "{") return this.parseArray();
    return this.parseScalar();
  }

  private parseArray(): Literal[][] {
    this.pos++; // {
    const rows: Literal[][] = [[]];
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === "," || c === ";" || c === "}") this.fail("Thiếu giá trị trong hằng mảng", "Value expected in the array constant");
      if (c === "{") this.fail("Không hỗ trợ mảng lồng nhau", "Nested arrays are not supported");
      rows[rows.length - 1].push(this.parseScalar());
      this.skipSpace();
      const d = this.peek();
      if (d === ",") this.pos++;
      else if (d === ";") {
        this.pos++;
        rows.push([]);
      } else if (d === "}") {
        this.pos++;
        break;
      } else if (d === "") this.fail("Thiếu dấu \"}\"", "\"}\" expected");
      else this.fail(`Ký tự không mong đợi "${d}" trong hằng mảng`, `Unexpected character "${d}" in the array constant`);
    }
    const width = rows[0].length;
    if (rows.some((r) => r.length !== width)) this.fail("Các hàng của hằng mảng phải cùng số cột", "Rows of an array constant must have the same length");
    return rows;
  }

  private parseScalar(): Literal {
    this.skipSpace();
    const rest = this.src.slice(this.pos);
    if (rest.startsWith('"')) return this.parseString();
    const num = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?/.exec(rest);
    if (num) {
      this.pos += num[0].length;
      const text = num[0];
      // Excel's percent literal: 90% is 0.9 (the engine also gets "90%" strings; this is the formula form).
      return text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      const w = word[0].toUpperCase();
      this.pos += word[0].length;
      this.skipSpace();
      if (this.peek() === "(") this.fail("Không hỗ trợ hàm lồng nhau", "Nested calls are not supported");
      if (w === "TRUE") return true;
      if (w === "FALSE") return false;
      this.pos -= word[0].length;
      this.fail(`"${word[0]}" không phải là giá trị (chuỗi phải đặt trong dấu nháy kép; không hỗ trợ tham chiếu ô)`, `"${word[0]}" is not a value (strings need double quotes; cell references are not supported)`);
    }
    const err = ERROR_LITERALS.find((e) => rest.toUpperCase().startsWith(e));
    if (err) {
      this.pos += err.length;
      return { error: err };
    }
    if (rest === "") this.fail("Thiếu đối số", "Argument expected");
    this.fail(`Không đọc được đối số bắt đầu bằng "${rest[0]}"`, `Cannot read the argument starting with "${rest[0]}"`);
  }

  private parseString(): string {
    this.pos++; // opening quote
    let out = "";
    for (;;) {
      const i = this.src.indexOf('"', this.pos);
      if (i < 0) this.fail("Chuỗi thiếu dấu nháy đóng", "Unterminated string");
      out += this.src.slice(this.pos, i);
      this.pos = i + 1;
      if (this.src[this.pos] === '"') {
        out += '"';
        this.pos++;
        continue;
      }
      return out;
    }
  }
}

/** Parses one call; throws FormulaSyntaxError with a Vietnamese / English message. */
export function parseFormula(src: string): FormulaCall {
  return new Parser(src).parseCall();
}
