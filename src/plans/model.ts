/**
 * The plan model field by field: each field's type, whether it must be there, its Vietnamese name (as
 * a problem names it) and its description. One description serves two readers: checkPlan walks a
 * plan value with it, and the published JSON Schema (schema/plan.schema.json) is generated from it,
 * so that an editor and the add-in cannot disagree on what a plan file may hold. The rules that
 * relate fields to one another (sums, references, orders) are checkPlan's own (validate.ts).
 */
import type { Level } from "../engine/types";

export type FieldType = (
  | { t: "string"; pattern?: string; hint?: string }
  | {
      t: "number";
      integer?: boolean;
      /** bounds; `gt`/`lt` exclusive */
      ge?: number;
      gt?: number;
      le?: number;
      lt?: number;
      /** a ratio written 0–1: a value in (1, 100] is met with "did you mean N%?" */
      percent?: boolean;
    }
  | { t: "boolean" }
  | { t: "enum"; values: readonly string[]; labels?: Record<string, string> }
  | { t: "date" }
  | { t: "array"; of: FieldType; minItems?: number; unique?: boolean; item?: (value: unknown, index: number) => string }
  | { t: "object"; fields: Fields; dependent?: Dependent[] }
  | { t: "union"; tag: string; variants: Record<string, Fields>; labels?: Record<string, string> }
  | { t: "map"; of: FieldType }
  | { t: "nullable"; of: FieldType }
  | { t: "any" }
) & {
  /** a name under $defs when the type is shared (a level, a clause) */
  def?: string;
  /** the description of a shared type */
  desc?: string;
};

/** A field that must be there once another is (a floor needs its clause). */
export interface Dependent {
  if: string;
  /** only when the field `if` holds this value (combineWithCommunes: true) */
  is?: unknown;
  then: string;
}

export interface Field {
  /** how a person calls the field: "ngưỡng", "điểm tối đa" */
  name: string;
  desc: string;
  type: FieldType;
  required?: boolean;
}

export type Fields = Record<string, Field>;

export const LEVEL_NAMES: Record<Level, string> = { tinh: "tỉnh", huyen: "huyện", xa: "xã" };

const str = (o: { pattern?: string; hint?: string } = {}): FieldType => ({ t: "string", ...o });
const NONBLANK = "\\S";
const text = (): FieldType => str({ pattern: NONBLANK });
const ID: FieldType = str({ pattern: "^[a-z0-9_]+$", hint: "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ online_ratio" });
const RATIO: FieldType = {
  t: "number",
  gt: 0,
  le: 1,
  percent: true,
  def: "ratio",
  desc: "Tỷ lệ ghi dạng số thập phân, lớn hơn 0 và không quá 1: 0.9 là 90%.",
};
const LEVEL: FieldType = {
  t: "enum",
  values: ["tinh", "huyen", "xa"],
  labels: LEVEL_NAMES,
  def: "level",
  desc: "Cấp của đơn vị dự thi đua: tinh (cơ quan cấp tỉnh), huyen (cấp huyện), xa (cấp xã, phường, đặc khu).",
};
const SOURCE: FieldType = {
  t: "string",
  pattern: NONBLANK,
  hint: 'ghi điều, mục của văn bản mà quy định dựa vào, ví dụ "KH 12/KH-UBND §III.1" hoặc "Mục III.1"',
  def: "source",
  desc: 'Nguồn: điều, mục của văn bản mà quy định này dựa vào, ví dụ "KH 12/KH-UBND §III.1" hoặc "Mục III.1". Bắt buộc: không quy định nào được chấm mà không dẫn được nguồn.',
};
const DATE: FieldType = { t: "date", def: "date", desc: "Ngày dạng yyyy-mm-dd, ví dụ 2025-07-01." };
const TEXT2: FieldType = {
  t: "object",
  def: "text2",
  desc: "Văn bản tiếng Việt (vi) và tiếng Anh (en).",
  fields: {
    vi: { name: "văn bản tiếng Việt", desc: "Tiếng Việt.", type: text(), required: true },
    en: { name: "văn bản tiếng Anh", desc: "Tiếng Anh.", type: text(), required: true },
  },
};
const POSITIVE: FieldType = { t: "number", gt: 0 };
const DAY: FieldType = { t: "number", integer: true, ge: 1 };
const LEVELS: FieldType = { t: "array", of: LEVEL, minItems: 1, unique: true };

const source = (desc = "Nguồn của quy định."): Field => ({ name: "nguồn", desc, type: SOURCE, required: true });
const optSource = (name: string, desc: string): Field => ({ name, desc, type: SOURCE });
const idOf = (v: unknown, key = "id"): string => {
  const id = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return typeof id === "string" && id !== "" ? ` (${id})` : "";
};

export const INPUT_KINDS: readonly string[] = ["count", "ratio", "text", "date", "boolean", "number", "signed"];

const INPUT: FieldType = {
  t: "object",
  fields: {
    id: { name: "mã đầu vào", desc: "Mã đầu vào, duy nhất trong kế hoạch; tiêu chí, chỉ tiêu và điểm cộng gọi đầu vào bằng mã này. Cần có đầu vào unit (tên đơn vị).", type: ID, required: true },
    label: { name: "tên", desc: "Tên đầu vào như người đọc thấy.", type: text(), required: true },
    kind: {
      name: "loại",
      desc: "Loại số liệu: count (số lượng nguyên ≥ 0), ratio (tỷ lệ 0–1 hoặc phần trăm), text (chữ), date (ngày), boolean (có / không), number (số ≥ 0, ví dụ điểm cộng được công nhận, điểm nhóm công bố), signed (số có thể âm, ví dụ điểm điều chỉnh −2).",
      type: {
        t: "enum",
        values: INPUT_KINDS,
        labels: { count: "số lượng", ratio: "tỷ lệ", text: "chữ", date: "ngày", boolean: "có / không", number: "số", signed: "số có dấu" },
      },
      required: true,
    },
    required: { name: "bắt buộc", desc: "true: bảng số liệu phải có cột này.", type: { t: "boolean" }, required: true },
    headers: {
      name: "tiêu đề cột",
      desc: "Các cách ghi tiêu đề cột mà đầu vào được nhận ra theo (không phân biệt hoa thường, dấu).",
      type: { t: "array", of: text(), minItems: 1 },
      required: true,
    },
  },
};

const READING: FieldType = {
  t: "object",
  fields: {
    id: { name: "mã", desc: "Mã cách hiểu, duy nhất trong kế hoạch.", type: ID, required: true },
    text: { name: "văn bản", desc: "Cách hiểu một điều khoản chưa rõ, bằng tiếng Việt và tiếng Anh.", type: TEXT2, required: true },
    source: source("Điều khoản được hiểu theo cách này."),
    option: {
      name: "lựa chọn",
      desc: "Khi người dùng được chọn cách hiểu khác: tên lựa chọn, giá trị mặc định và các giá trị được chọn.",
      type: {
        t: "object",
        fields: {
          name: { name: "tên lựa chọn", desc: "Tên lựa chọn (tham số của lệnh chấm).", type: str({ pattern: "^[A-Za-z][A-Za-z0-9]*$", hint: "tên chỉ gồm chữ cái không dấu và chữ số, ví dụ plusMode" }), required: true },
          default: { name: "giá trị mặc định", desc: "Giá trị dùng khi người dùng không chọn; phải có trong values.", type: { t: "any" }, required: true },
          values: { name: "các giá trị", desc: "Các giá trị được chọn.", type: { t: "array", of: { t: "any" }, minItems: 1 }, required: true },
        },
      },
    },
  },
};

const BAND: FieldType = {
  t: "object",
  fields: {
    min: { name: "mức tối thiểu", desc: "Tỷ lệ tối thiểu của bậc (tính cả bằng: \"≥ 60%\" là 0.6).", type: RATIO, required: true },
    points: { name: "điểm", desc: "Điểm của bậc, từ 0 đến điểm tối đa của tiêu chí.", type: { t: "number", ge: 0 }, required: true },
  },
};

const CRITERION: FieldType = {
  t: "object",
  fields: {
    id: { name: "mã tiêu chí", desc: "Mã tiêu chí; một mã chỉ dùng một lần cho mỗi cấp.", type: ID, required: true },
    label: { name: "tên", desc: "Tên tiêu chí.", type: text(), required: true },
    source: source(),
    level: { name: "cấp", desc: "Cấp của đơn vị mà tiêu chí chấm.", type: LEVEL, required: true },
    numerator: { name: "tử số", desc: "Mã đầu vào (loại count) của tử số a.", type: ID, required: true },
    denominator: { name: "mẫu số", desc: "Mã đầu vào (loại count) của mẫu số b.", type: ID, required: true },
    maxPoints: { name: "điểm tối đa", desc: "Điểm tối đa của tiêu chí; các tiêu chí của một cấp cộng lại bằng totalPoints (mặc định 100).", type: POSITIVE, required: true },
    threshold: { name: "ngưỡng", desc: "Tỷ lệ từ đó trở lên được điểm tối đa (tính cả bằng).", type: RATIO, required: true },
    below: {
      name: "cách tính dưới ngưỡng",
      desc: "Điểm khi tỷ lệ r dưới ngưỡng: proportional (mặc định) r × điểm tối đa; to_threshold r ÷ ngưỡng × điểm tối đa; bands điểm của bậc cao nhất mà r đạt, 0 dưới mọi bậc.",
      type: {
        t: "enum",
        values: ["proportional", "to_threshold", "bands"],
        labels: { proportional: "tỷ lệ × điểm tối đa", to_threshold: "tỷ lệ ÷ ngưỡng × điểm tối đa", bands: "theo bậc" },
      },
    },
    bands: {
      name: "các bậc",
      desc: "Với below = bands: các bậc {min, points}; bậc cao nhất có min bằng ngưỡng và points bằng điểm tối đa; bậc cao hơn không ít điểm hơn.",
      type: { t: "array", of: BAND, minItems: 1, item: (_v, i) => `bậc ${i + 1}` },
    },
    floor: { name: "ngưỡng xét", desc: "Dưới tỷ lệ này đơn vị \"không xét thi đua\" (không phải 0 điểm); nhỏ hơn ngưỡng.", type: RATIO },
    floorSource: optSource("nguồn của ngưỡng xét", "Nguồn của ngưỡng xét; bắt buộc khi có floor."),
    combineWithCommunes: {
      name: "kết hợp với các xã",
      desc: "Tiêu chí cấp huyện: tỷ lệ của huyện = (tỷ lệ của huyện + bình quân tỷ lệ các xã) / 2.",
      type: { t: "boolean" },
    },
    combineSource: optSource("nguồn của cách kết hợp", "Nguồn của cách kết hợp với các xã; bắt buộc khi combineWithCommunes là true."),
  },
  dependent: [
    { if: "floor", then: "floorSource" },
    { if: "combineWithCommunes", is: true, then: "combineSource" },
    { if: "below", is: "bands", then: "bands" },
  ],
};

const STEP: FieldType = {
  t: "object",
  fields: {
    day: { name: "ngày thứ", desc: "Ngày thứ mấy của đợt thi đua (ngày bắt đầu là ngày 1).", type: DAY, required: true },
    value: { name: "chỉ tiêu", desc: "Chỉ tiêu từ ngày này.", type: RATIO, required: true },
  },
};

const TARGET_RULE_KINDS: Record<string, string> = { fixed: "chỉ tiêu chung", by_level: "theo cấp", assigned_plus: "chỉ tiêu được giao cộng thêm", milestones: "theo mốc ngày" };

const TARGET_RULE: FieldType = {
  t: "union",
  tag: "kind",
  labels: TARGET_RULE_KINDS,
  variants: {
    fixed: {
      value: { name: "chỉ tiêu", desc: "Chỉ tiêu chung cho mọi cấp.", type: RATIO, required: true },
    },
    by_level: {
      values: {
        name: "chỉ tiêu theo cấp",
        desc: "Chỉ tiêu cho từng cấp của chỉ tiêu.",
        type: {
          t: "object",
          fields: {
            tinh: { name: "chỉ tiêu cấp tỉnh", desc: "Cấp tỉnh.", type: RATIO },
            huyen: { name: "chỉ tiêu cấp huyện", desc: "Cấp huyện.", type: RATIO },
            xa: { name: "chỉ tiêu cấp xã", desc: "Cấp xã.", type: RATIO },
          },
        },
        required: true,
      },
    },
    assigned_plus: {
      points: {
        name: "mức cộng thêm",
        desc: "Số điểm phần trăm cộng vào chỉ tiêu được giao (đầu vào assigned_<mã>), ghi dạng số thập phân: 0.05 là 5 điểm phần trăm.",
        type: { t: "number", gt: 0, lt: 1, percent: true },
        required: true,
      },
    },
    milestones: {
      steps: {
        name: "các mốc",
        desc: "Chỉ tiêu theo ngày của đợt thi đua (cần campaign), ngày tăng dần.",
        type: { t: "array", of: STEP, minItems: 1, item: (_v, i) => `mốc ${i + 1}` },
        required: true,
      },
    },
  },
};

const TARGET: FieldType = {
  t: "object",
  fields: {
    id: {
      name: "mã chỉ tiêu",
      desc: "Mã chỉ tiêu; bảng số liệu có đầu vào cùng mã (loại ratio).",
      type: str({ pattern: "^[A-Za-z0-9_.]+$", hint: "mã chỉ gồm chữ cái không dấu, chữ số, dấu chấm và dấu gạch dưới" }),
      required: true,
    },
    code: { name: "số hiệu", desc: "Số hiệu trong văn bản, ví dụ \"II.2\".", type: text() },
    label: { name: "tên", desc: "Tên chỉ tiêu.", type: text(), required: true },
    aliases: { name: "tên khác", desc: "Các tên khác người dùng có thể gõ.", type: { t: "array", of: text() } },
    source: source(),
    levels: { name: "các cấp", desc: "Các cấp áp dụng chỉ tiêu.", type: LEVELS, required: true },
    rule: {
      name: "quy tắc",
      desc: `Chỉ tiêu: kind là ${Object.entries(TARGET_RULE_KINDS).map(([k, v]) => `${k} (${v})`).join(", ")}.`,
      type: TARGET_RULE,
      required: true,
    },
  },
};

const QUOTA: FieldType = {
  t: "object",
  fields: {
    id: { name: "mã hạn mức", desc: "Mã hạn mức.", type: ID, required: true },
    label: { name: "tên", desc: "Hạn mức như văn bản ghi.", type: text(), required: true },
    source: source(),
    subject: {
      name: "đối tượng",
      desc: "Hạn mức đếm tập thể (collective) hay cá nhân (individual).",
      type: { t: "enum", values: ["collective", "individual"], labels: { collective: "tập thể", individual: "cá nhân" } },
      required: true,
    },
    level: { name: "cấp", desc: "Cấp được đếm; null: mọi cấp.", type: { t: "nullable", of: LEVEL }, required: true },
    scope: {
      name: "phạm vi",
      desc: "total: một giới hạn chung; per_group: một giới hạn cho mỗi nhóm (huyện, cụm thi đua).",
      type: { t: "enum", values: ["total", "per_group"], labels: { total: "chung", per_group: "mỗi nhóm" } },
      required: true,
    },
    limit: { name: "số tối đa", desc: "Số tối đa (mỗi nhóm, với per_group).", type: { t: "number", integer: true, ge: 1 }, required: true },
    byGroup: {
      name: "số tối đa theo nhóm",
      desc: "Với per_group: số tối đa riêng của từng nhóm, theo tên nhóm; nhóm khác lấy limit.",
      type: { t: "map", of: { t: "number", integer: true, ge: 0 } },
    },
    awardCodes: {
      name: "các hình thức khen thưởng",
      desc: "Mã các hình thức khen thưởng dùng hạn mức này. Bắt buộc với hạn mức tập thể; hạn mức cá nhân không có thì chỉ được nêu số suất để Hội đồng xét.",
      type: { t: "array", of: ID, unique: true },
    },
  },
};

const AWARD: FieldType = {
  t: "object",
  fields: {
    code: { name: "mã khen thưởng", desc: "Mã hình thức khen thưởng.", type: ID, required: true },
    label: { name: "tên", desc: "Hình thức khen thưởng như văn bản ghi.", type: text(), required: true },
    source: source(),
    level: { name: "cấp", desc: "Cấp được khen; null: mọi cấp.", type: { t: "nullable", of: LEVEL }, required: true },
    rank: { name: "hạng", desc: "Giải cho một hạng (1 là hạng Nhất).", type: { t: "number", integer: true, ge: 1 } },
    prize: { name: "tiền thưởng", desc: "Tiền thưởng (đồng).", type: { t: "number", ge: 0 } },
    prizeSource: optSource("nguồn của tiền thưởng", "Nguồn của tiền thưởng; bắt buộc khi có prize."),
    bonusPoints: { name: "điểm thưởng", desc: "Điểm thưởng kèm theo giải.", type: POSITIVE },
    bonusSource: optSource("nguồn của điểm thưởng", "Nguồn của điểm thưởng; bắt buộc khi có bonusPoints."),
    condition: { name: "điều kiện", desc: "Điều kiện được khen, bằng lời.", type: text() },
    maxCollectives: { name: "số tập thể tối đa", desc: "Số tập thể được khen tối đa.", type: { t: "number", integer: true, ge: 1 } },
    individualsEach: { name: "số cá nhân kèm theo", desc: "Số cá nhân được khen kèm mỗi tập thể.", type: { t: "number", integer: true, ge: 0 } },
  },
  dependent: [
    { if: "prize", then: "prizeSource" },
    { if: "bonusPoints", then: "bonusSource" },
  ],
};

const BONUS: FieldType = {
  t: "object",
  fields: {
    id: { name: "mã điểm cộng", desc: "Mã điểm cộng.", type: ID, required: true },
    label: { name: "tên", desc: "Tên điểm cộng.", type: text(), required: true },
    source: source(),
    level: { name: "cấp", desc: "Cấp được cộng điểm.", type: LEVEL, required: true },
    input: { name: "đầu vào", desc: "Mã đầu vào (loại number) ghi số điểm được cộng của mỗi đơn vị.", type: ID, required: true },
    maxPoints: { name: "điểm cộng tối đa", desc: "Điểm cộng tối đa; ô lớn hơn là lỗi số liệu, không bị cắt bớt.", type: POSITIVE, required: true },
    blankReading: {
      name: "cách hiểu ô trống",
      desc: "Mã cách hiểu (readings) nói rằng ô để trống là không được cộng điểm; không có thì ô trống là thiếu số liệu, không tính là 0.",
      type: ID,
    },
  },
};

const WEIGHTED: FieldType = {
  t: "object",
  fields: {
    criteria: {
      name: "các tiêu chí bình quân",
      desc: "Các tiêu chí của bình quân có trọng số.",
      type: {
        t: "array",
        minItems: 1,
        item: (v, i) => `tiêu chí ${i + 1}${idOf(v)}`,
        of: {
          t: "object",
          fields: {
            id: { name: "mã", desc: "Mã tiêu chí.", type: ID, required: true },
            label: { name: "tên", desc: "Tên tiêu chí.", type: text(), required: true },
            source: source(),
            input: { name: "đầu vào", desc: "Mã đầu vào (loại ratio) của tiêu chí.", type: ID, required: true },
          },
        },
      },
      required: true,
    },
    scoreInput: { name: "đầu vào điểm", desc: "Mã đầu vào (loại ratio) của cột điểm người dùng nhập, nếu có.", type: ID, required: true },
    source: source(),
  },
};

const INDEX_GROUP: FieldType = {
  t: "object",
  fields: {
    id: { name: "mã nhóm", desc: "Mã nhóm chỉ số.", type: ID, required: true },
    label: { name: "tên", desc: "Tên nhóm.", type: text(), required: true },
    maxPoints: { name: "điểm tối đa", desc: "Điểm tối đa của nhóm; các nhóm của một cách chia cộng lại bằng 100.", type: POSITIVE, required: true },
    source: source(),
  },
};
const groupList = (desc: string): Field => ({
  name: desc,
  desc: `Các nhóm chỉ số (${desc}).`,
  type: { t: "array", of: INDEX_GROUP, minItems: 1, item: (v, i) => `nhóm ${i + 1}${idOf(v)}` },
  required: true,
});

export const PLAN_KINDS: Record<string, string> = {
  ratio_points: "chấm điểm theo tỷ lệ",
  targets: "đối chiếu chỉ tiêu",
  weighted_mean: "bình quân có trọng số",
  index_groups: "nhóm chỉ số QĐ 766",
  imported_points: "điểm nhóm công bố",
};

const IMPORTED_GROUP: FieldType = {
  t: "object",
  fields: {
    id: { name: "mã nhóm", desc: "Mã nhóm điểm, duy nhất trong kế hoạch.", type: ID, required: true },
    label: { name: "tên", desc: "Tên nhóm như cổng công bố, ví dụ \"Công khai, minh bạch\".", type: text(), required: true },
    source: source(),
    input: { name: "đầu vào", desc: "Mã đầu vào (loại number) ghi điểm nhóm của mỗi đơn vị như cổng công bố.", type: ID, required: true },
    maxPoints: {
      name: "điểm tối đa",
      desc: "Điểm tối đa của nhóm; ô lớn hơn là lỗi số liệu, không bị cắt bớt. Các nhóm cộng lại bằng totalPoints khi kế hoạch ghi totalPoints.",
      type: POSITIVE,
      required: true,
    },
  },
};

const TIER_BOUND = (side: string, example: string): Field => ({
  name: side,
  desc: `${side[0].toUpperCase() + side.slice(1)} của xếp loại: value (điểm) và inclusive (true: tính cả bằng); ${example}. Bỏ trống: không giới hạn phía này.`,
  type: {
    t: "object",
    fields: {
      value: { name: "điểm", desc: "Điểm của mốc.", type: { t: "number" }, required: true },
      inclusive: { name: "tính cả bằng", desc: "true: tổng điểm bằng mốc thuộc xếp loại này (\"từ 90\", \"đến 94\"); false: không (\"trên 94\", \"dưới 90\").", type: { t: "boolean" }, required: true },
    },
  },
});

const TIER: FieldType = {
  t: "object",
  fields: {
    id: { name: "mã xếp loại", desc: "Mã xếp loại, duy nhất trong kế hoạch.", type: ID, required: true },
    label: { name: "tên", desc: "Tên xếp loại như văn bản ghi, ví dụ \"Xuất sắc\".", type: text(), required: true },
    min: TIER_BOUND("mốc dưới", "\"trên 94\" là { value: 94, inclusive: false }, \"từ 90\" là { value: 90, inclusive: true }"),
    max: TIER_BOUND("mốc trên", "\"đến 94\" là { value: 94, inclusive: true }, \"dưới 90\" là { value: 90, inclusive: false }"),
    attention: { name: "cần chú ý", desc: "true: bản tin nêu tên các đơn vị của xếp loại này (\"cần cải thiện gấp\").", type: { t: "boolean" } },
  },
};

export const PLAN_FIELDS: Fields = {
  $schema: { name: "$schema", desc: "Đường dẫn tới JSON Schema này, để trình soạn thảo kiểm tra tệp khi gõ; không ảnh hưởng kế hoạch.", type: str() },
  id: {
    name: "mã kế hoạch",
    desc: "Mã kế hoạch, dùng trong dòng lệnh (--plan) và trang quy tắc.",
    type: str({ pattern: "^[a-z0-9-]+$", hint: "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ kh-12-2026" }),
    required: true,
  },
  version: { name: "phiên bản", desc: "Phiên bản của định nghĩa kế hoạch (chuỗi, ví dụ \"2026.1\").", type: text(), required: true },
  title: { name: "tên kế hoạch", desc: "Tên kế hoạch bằng tiếng Việt.", type: text(), required: true },
  titleEn: { name: "tên tiếng Anh", desc: "Tên kế hoạch bằng tiếng Anh.", type: text(), required: true },
  document: {
    name: "văn bản",
    desc: "Số hiệu văn bản kế hoạch như người ta trích dẫn, ví dụ \"KH 12/KH-UBND\".",
    type: str({ pattern: "^(?![\\s\\S]*(\\.txt\\b|§))[\\s\\S]*\\S", hint: 'ghi số hiệu văn bản như "KH 12/KH-UBND", không ghi tên tệp hay mục "§"' }),
    required: true,
  },
  seed: {
    name: "tệp văn bản gốc",
    desc: "Chỉ các kế hoạch có sẵn: tệp văn bản gốc mà nguồn trích dẫn. Kế hoạch của người dùng bỏ trống hoặc ghi null.",
    type: { t: "nullable", of: str({ pattern: "^\\d{3}_[0-9a-f]{16}\\.txt$", hint: "tên tệp dạng 000_0123456789abcdef.txt, hoặc null" }) },
  },
  source: source("Phần của văn bản quy định cách chấm."),
  documentDate: { name: "ngày văn bản", desc: "Ngày ban hành văn bản.", type: DATE },
  groupNoun: { name: "tên gọi nhóm", desc: "Nhóm đơn vị (cột \"group\") là gì: huyện (mặc định), cụm hay khối thi đua.", type: TEXT2 },
  totalPoints: { name: "tổng điểm", desc: "Điểm tối đa các tiêu chí của một cấp cộng lại, như kế hoạch ghi; mặc định 100.", type: POSITIVE },
  kind: {
    name: "loại kế hoạch",
    desc: `Cách chấm: ${Object.entries(PLAN_KINDS).map(([k, v]) => `${k} (${v})`).join(", ")}.`,
    type: { t: "enum", values: Object.keys(PLAN_KINDS), labels: PLAN_KINDS },
    required: true,
  },
  period: {
    name: "thời gian",
    desc: "Thời gian thi đua.",
    type: {
      t: "object",
      fields: {
        from: { name: "từ ngày", desc: "Ngày bắt đầu; null nếu văn bản không ghi.", type: { t: "nullable", of: DATE }, required: true },
        to: { name: "đến ngày", desc: "Ngày kết thúc.", type: DATE, required: true },
        source: source(),
      },
    },
  },
  levels: { name: "các cấp", desc: "Các cấp dự thi đua.", type: LEVELS, required: true },
  inputs: {
    name: "các đầu vào",
    desc: "Các cột số liệu của bảng.",
    type: { t: "array", of: INPUT, minItems: 1, item: (v, i) => `Đầu vào ${i + 1}${idOf(v)}` },
    required: true,
  },
  readings: {
    name: "các cách hiểu",
    desc: "Cách hiểu các điều khoản chưa rõ, ghi lên trang quy tắc.",
    type: { t: "array", of: READING, item: (v, i) => `Cách hiểu ${i + 1}${idOf(v)}` },
  },
  criteria: {
    name: "các tiêu chí",
    desc: "Tiêu chí chấm điểm theo tỷ lệ (kind = ratio_points).",
    type: {
      t: "array",
      of: CRITERION,
      item: (v, i) => {
        const c = (v ?? {}) as Record<string, unknown>;
        const parts = [typeof c.id === "string" ? c.id : "", typeof c.level === "string" && c.level in LEVEL_NAMES ? `cấp ${LEVEL_NAMES[c.level as Level]}` : ""].filter(Boolean);
        return `Tiêu chí ${i + 1}${parts.length ? ` (${parts.join(", ")})` : ""}`;
      },
    },
  },
  targets: {
    name: "các chỉ tiêu",
    desc: "Chỉ tiêu đối chiếu (kind = targets).",
    type: { t: "array", of: TARGET, item: (v, i) => `Chỉ tiêu ${i + 1}${idOf(v)}` },
  },
  quotas: {
    name: "các hạn mức",
    desc: "Hạn mức khen thưởng.",
    type: { t: "array", of: QUOTA, item: (v, i) => `Hạn mức ${i + 1}${idOf(v)}` },
  },
  awards: {
    name: "các hình thức khen thưởng",
    desc: "Hình thức khen thưởng, giải.",
    type: { t: "array", of: AWARD, item: (v, i) => `Khen thưởng ${i + 1}${idOf(v, "code")}` },
  },
  weighted: { name: "bình quân có trọng số", desc: "Kế hoạch bình quân có trọng số (kind = weighted_mean).", type: WEIGHTED },
  bonuses: {
    name: "các điểm cộng",
    desc: "Điểm cộng sau các tiêu chí, mỗi loại có mức tối đa riêng.",
    type: { t: "array", of: BONUS, item: (v, i) => `Điểm cộng ${i + 1}${idOf(v)}` },
  },
  tieBreak: {
    name: "phân định bằng điểm",
    desc: "Khi bằng điểm: đơn vị có input ÷ per cao hơn xếp trước.",
    type: {
      t: "object",
      fields: {
        input: { name: "đầu vào", desc: "Mã đầu vào của tử số.", type: ID, required: true },
        per: { name: "đầu vào chia cho", desc: "Mã đầu vào của mẫu số.", type: ID, required: true },
        order: { name: "thứ tự", desc: "desc: cao hơn xếp trước.", type: { t: "enum", values: ["desc"], labels: { desc: "cao hơn xếp trước" } }, required: true },
        source: source(),
        levels: { name: "các cấp", desc: "Các cấp áp dụng.", type: LEVELS, required: true },
      },
    },
  },
  campaign: {
    name: "đợt thi đua",
    desc: "Đợt thi đua có ngày bắt đầu, kết thúc và các mốc.",
    type: {
      t: "object",
      fields: {
        start: { name: "ngày bắt đầu", desc: "Ngày 1 của đợt.", type: DATE, required: true },
        end: { name: "ngày kết thúc", desc: "Ngày cuối của đợt.", type: DATE, required: true },
        milestones: {
          name: "các mốc",
          desc: "Các mốc sơ kết, tổng kết.",
          type: {
            t: "array",
            item: (_v, i) => `mốc ${i + 1}`,
            of: {
              t: "object",
              fields: {
                day: { name: "ngày thứ", desc: "Ngày thứ mấy của đợt (ngày bắt đầu là ngày 1).", type: DAY, required: true },
                date: { name: "ngày", desc: "Ngày của mốc; phải đúng là ngày thứ day của đợt.", type: DATE, required: true },
                label: { name: "tên", desc: "Tên mốc.", type: text(), required: true },
                source: source(),
              },
            },
          },
          required: true,
        },
        source: source(),
      },
    },
  },
  groups: {
    name: "nhóm chỉ số",
    desc: "Các nhóm chỉ số QĐ 766 với điểm tối đa (kind = index_groups).",
    type: {
      t: "object",
      fields: {
        classic: groupList("cách chia của Quyết định"),
        portal: groupList("cách chia của Cổng Dịch vụ công quốc gia"),
        source: source(),
      },
    },
  },
  imported: {
    name: "điểm nhóm công bố",
    desc: "Kế hoạch loại imported_points: các nhóm điểm đọc nguyên từ bảng cổng công bố (không tính lại từ tỷ lệ), cộng lại thành tổng điểm.",
    type: {
      t: "object",
      fields: {
        groups: {
          name: "các nhóm điểm",
          desc: "Các nhóm điểm, mỗi nhóm một cột đầu vào và điểm tối đa.",
          type: { t: "array", of: IMPORTED_GROUP, minItems: 1, item: (v, i) => `nhóm điểm ${i + 1}${idOf(v)}` },
          required: true,
        },
        source: source("Văn bản quy định các nhóm điểm và điểm tối đa."),
        total: {
          name: "tổng điểm công bố",
          desc: "Cột tổng điểm như cổng công bố, nếu có: chỉ để đối chiếu với tổng các nhóm, không dùng để xếp hạng.",
          type: {
            t: "object",
            fields: {
              input: { name: "đầu vào", desc: "Mã đầu vào (loại number) của cột tổng điểm công bố.", type: ID, required: true },
              source: source(),
            },
          },
        },
      },
    },
  },
  activity: {
    name: "số hồ sơ trong kỳ",
    desc: "Số hồ sơ của đơn vị trong kỳ: đơn vị có 0 hồ sơ không có gì để chấm, được nêu riêng, không xếp cuối; ô trống là thiếu số liệu.",
    type: {
      t: "object",
      fields: {
        input: { name: "đầu vào", desc: "Mã đầu vào (loại count) của số hồ sơ trong kỳ.", type: ID, required: true },
        source: source(),
      },
    },
  },
  adjustment: {
    name: "điểm điều chỉnh",
    desc: "Điểm điều chỉnh của từng đơn vị (âm là trừ điểm), kèm lý do bắt buộc; ô trống là không điều chỉnh.",
    type: {
      t: "object",
      fields: {
        input: { name: "đầu vào", desc: "Mã đầu vào (loại signed) của điểm điều chỉnh.", type: ID, required: true },
        reasonInput: { name: "đầu vào lý do", desc: "Mã đầu vào (loại text) của lý do điều chỉnh.", type: ID, required: true },
        label: { name: "tên", desc: "Tên điều chỉnh như văn bản ghi, ví dụ \"Điều chỉnh điểm kỹ thuật\".", type: text(), required: true },
        source: source(),
        maxPoints: { name: "mức điều chỉnh tối đa", desc: "Điều chỉnh lớn nhất mỗi chiều (cộng hoặc trừ), nếu kế hoạch ghi.", type: POSITIVE },
      },
    },
  },
  tiers: {
    name: "xếp loại",
    desc: "Xếp loại theo tổng điểm (sau điều chỉnh), xếp loại cao nhất ghi trước; các khoảng không chồng nhau và không để hở giữa hai xếp loại liền nhau. Chỉ dùng với kind ratio_points và imported_points.",
    type: {
      t: "object",
      fields: {
        tiers: {
          name: "các xếp loại",
          desc: "Các xếp loại, cao nhất trước.",
          type: { t: "array", of: TIER, minItems: 1, item: (v, i) => `xếp loại ${i + 1}${idOf(v)}` },
          required: true,
        },
        source: source(),
        levels: { name: "các cấp", desc: "Các cấp được xếp loại; bỏ trống: mọi cấp của kế hoạch.", type: LEVELS },
      },
    },
  },
  cohort: {
    name: "khối",
    desc: "Xếp hạng riêng trong từng khối (khối sở ngành, khối phường, khối xã, cụm) bên cạnh xếp hạng chung của cấp: các đơn vị cùng giá trị ở cột này xếp với nhau.",
    type: {
      t: "object",
      fields: {
        input: { name: "đầu vào", desc: "Mã đầu vào (loại text) của cột khối.", type: ID, required: true },
        label: { name: "tên", desc: "Tên cột như người đọc thấy, ví dụ \"Khối\".", type: text(), required: true },
        source: source(),
      },
    },
  },
  notes: {
    name: "các ghi chú",
    desc: "Các mốc thời gian, số liệu gốc khác của kế hoạch, để người dùng đọc.",
    type: {
      t: "array",
      item: (v, i) => `Ghi chú ${i + 1}${idOf(v)}`,
      of: {
        t: "object",
        fields: {
          id: { name: "mã", desc: "Mã ghi chú.", type: ID, required: true },
          text: { name: "nội dung", desc: "Nội dung.", type: text(), required: true },
          source: source(),
        },
      },
    },
  },
  origin: {
    name: "nguồn gốc",
    desc: "Kế hoạch được đọc từ đâu; dòng lệnh tự ghi khi đọc tệp, không cần viết.",
    type: {
      t: "object",
      fields: {
        kind: { name: "loại", desc: "sheet (trang của sổ làm việc) hoặc file (tệp).", type: { t: "enum", values: ["sheet", "file"] }, required: true },
        name: { name: "tên", desc: "Tên trang hoặc tệp.", type: text(), required: true },
      },
    },
  },
};

export const PLAN_TYPE: FieldType = { t: "object", fields: PLAN_FIELDS };
