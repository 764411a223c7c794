/**
 * How many lines a text takes when it wraps in a column, and so how tall its row must be. The command
 * line writes rows at these heights: exceljs cannot measure text, and LibreOffice does not fit the
 * rows of a file that has none (Excel fits them when it opens the file; the task pane has Excel fit
 * them). Estimated from the advance widths of Calibri, the workbook's font, rounding up: a spare
 * line costs less on paper than a clipped name or award.
 */

/** Points of one line of Calibri 11 (Excel's row of one line is 15 pt). */
export const LINE_POINTS = 15;

/** Calibri's digit, in thousandths of an em: a column `w` wide holds `w` digits and 5 px of padding. */
const DIGIT_EM = 507;
/** The padding, in digits (Excel: 5 px of a 7 px digit). */
const PADDING = 5 / 7;
/** Excel's margin inside a cell, each side, in digits (2 px). */
const MARGIN = 2 / 7;

/** Advance widths in thousandths of an em, for Calibri's narrow and wide glyphs; others by kind below. */
const WIDTHS: Record<string, number> = {
  " ": 226, i: 229, l: 229, j: 239, I: 252, ".": 252, ",": 250, ":": 268, ";": 268, "'": 221, "!": 326,
  f: 305, t: 335, r: 349, "(": 303, ")": 303, "-": 306, s: 391, z: 395, c: 423, "/": 386, J: 319,
  x: 433, v: 452, y: 453, k: 455, g: 471, a: 479, e: 498, L: 420,
  m: 799, w: 715, M: 855, W: 890, "%": 715, "—": 1000, "…": 690,
};

function charEm(ch: string): number {
  const w = WIDTHS[ch];
  if (w !== undefined) return w;
  if (ch >= "0" && ch <= "9") return 507;
  if (ch >= "A" && ch <= "Z") return 560;
  return 530;
}

/** The letters as they are measured: tone marks do not widen a letter, and đ is as wide as d. */
function bareLetters(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

function bareWidth(bare: string, bold: boolean): number {
  let em = 0;
  for (const ch of bare) em += charEm(ch);
  return (em / DIGIT_EM) * (bold ? 1.05 : 1);
}

/**
 * Width of a text in Calibri, in digits (the unit of column widths, so the same at any zoom and
 * screen); bold is about 5% wider, and tone marks do not widen a letter.
 */
export function textWidth(text: string, bold = false): number {
  return bareWidth(bareLetters(text), bold);
}

/**
 * Lines of `text` wrapped at word boundaries in a column `width` characters wide (a word longer than
 * the line breaks inside it, as Excel does).
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  // the cell's text area: the column with its padding, less the margins, less a little to spare for a
  // renderer whose glyphs are a shade wider
  const room = Math.max(0.5, (width + PADDING - 2 * MARGIN) * 0.97);
  let lines = 0;
  const space = bareWidth(" ", bold);
  // the text is stripped of its tone marks once, not word by word (a results sheet measures some
  // 20,000 texts)
  for (const para of bareLetters(text).split("\n")) {
    lines++;
    let used = 0;
    for (const word of para.split(/ +/)) {
      if (!word) continue;
      const w = bareWidth(word, bold);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // a word wider than the line takes whole lines of its own
      const extra = Math.ceil(w / room) - 1;
      lines += extra;
      used = w - extra * room;
    }
  }
  return lines;
}
