/**
 * Vietnamese and English text for every reason code. The Record type makes a missing code a compile
 * error; test/messages checks the texts themselves.
 * Templates use {name} placeholders filled from a finding's detail; an absent detail leaves a
 * sentence that still reads well (the placeholder sentence part is dropped). {noun} is what the
 * plan's groups are (Plan.groupNoun: detail `noun`, and `nounEn` in English), huyện / district when
 * the detail does not say.
 */
import type { AwardReason, ReasonCode } from "../engine/types";
import { citation, listPlans } from "../plans";

export type Lang = "vi" | "en";

/** The groups of the plans of 2022–2024: districts (Plan.groupNoun absent). */
const GROUP_NOUN: Record<Lang, string> = { vi: "huyện", en: "district" };

export const MESSAGES: Record<ReasonCode, { vi: string; en: string }> = {
  ok: { vi: "Hợp lệ.", en: "OK." },
  missing_input: {
    vi: "Thiếu số liệu[: {input}] (ô trống); ô trống không được tính là 0.",
    en: "Missing figure[: {input}] (blank cell); a blank is never read as 0.",
  },
  invalid_input: {
    vi: "Giá trị không đọc được thành số[: {input}][ (\"{value}\")].",
    en: "Value cannot be read as a number[: {input}][ (\"{value}\")].",
  },
  negative_count: {
    vi: "Số lượng không được âm[: {input}][ ({value})].",
    en: "A count cannot be negative[: {input}][ ({value})].",
  },
  not_integer: {
    vi: "Số lượng phải là số nguyên[: {input}][ ({value})].",
    en: "A count must be a whole number[: {input}][ ({value})].",
  },
  zero_denominator: {
    vi: "Mẫu số b bằng 0 hoặc để trống[: {input}]: không có dữ liệu để tính tỷ lệ, đơn vị không được chấm 0.",
    en: "Denominator b is zero or blank[: {input}]: no data to compute the ratio; the unit is not scored 0.",
  },
  numerator_exceeds_denominator: {
    vi: "Lỗi số liệu: tử số a lớn hơn mẫu số b[ ({a} > {b})]; tỷ lệ được giới hạn ở 100% khi tính điểm.",
    en: "Data error: numerator a exceeds denominator b[ ({a} > {b})]; the ratio is capped at 100% for points.",
  },
  percent_out_of_range: {
    vi: "Tỷ lệ phải nằm trong khoảng 0–100%[: {input}][ (\"{value}\")]; nhập 0,85 hoặc 85%, không nhập 85.",
    en: "A ratio must lie between 0 and 100%[: {input}][ (\"{value}\")]; type 0.85 or 85%, not 85.",
  },
  percent_ambiguous: {
    vi: "Giá trị 1 không rõ là 1% hay 100%[ ({input})]: các ô khác của cột là phần trăm nhập dạng số nguyên[ (như {value})]; ghi rõ \"1%\" hoặc \"100%\".",
    en: "The value 1 may be 1% or 100%[ ({input})]: the column's other cells are whole percents[ (such as {value})]; write \"1%\" or \"100%\".",
  },
  below_floor: {
    vi: "Không xét thi đua: tỷ lệ hồ sơ trực tuyến[ {ratio}][ dưới {floor}][ ({source})].",
    en: "Not considered: online dossier ratio[ {ratio}][ below {floor}][ ({source})].",
  },
  missing_communes: {
    vi: "Thiếu tỷ lệ của các xã để tính tỷ lệ kết hợp của huyện[ {group}].",
    en: "The communes' ratios are missing for the district's combined ratio[ {group}].",
  },
  unknown_group: {
    vi: "Xã không thuộc {noun} nào có trong bảng[: \"{group}\"].",
    en: "The commune's {noun} is blank or not in the table[: \"{group}\"].",
  },
  unknown_unit: {
    vi: "Tên đơn vị[ \"{unit}\"] không có trong danh sách đơn vị của kế hoạch[ ({known})]: kiểm tra lại tên; hạn mức riêng của kế hoạch không áp dụng được.",
    en: "The unit[ \"{unit}\"] is not in the plan's list of units[ ({known})]: check the name; the plan's own limits cannot be applied to it.",
  },
  unknown_level: {
    vi: "Cấp không hợp lệ[: \"{value}\"]; dùng tỉnh, huyện hoặc xã.",
    en: "Unknown level[: \"{value}\"]; use tinh, huyen or xa.",
  },
  unknown_indicator: {
    vi: "Chỉ tiêu không có trong kế hoạch[: \"{value}\"][; các chỉ tiêu: {known}].",
    en: "Indicator not in the plan[: \"{value}\"][; indicators: {known}].",
  },
  unknown_plan: {
    vi: "Không có kế hoạch[ \"{value}\"][; các kế hoạch: {known}].",
    en: "Unknown plan[ \"{value}\"][; plans: {known}].",
  },
  invalid_date: {
    vi: "Ngày không hợp lệ[: \"{value}\"]; dùng dd/mm/yyyy.",
    en: "Invalid date[: \"{value}\"]; use dd/mm/yyyy.",
  },
  before_campaign: {
    vi: "Ngày[ {date}] trước ngày bắt đầu chiến dịch[ ({start})].",
    en: "Date[ {date}] is before the campaign's first day[ ({start})].",
  },
  tie_unresolved: {
    vi: "Bằng điểm[ với {others}] và không phân định được; các đơn vị cùng hạng — cần cơ quan xét quyết định.",
    en: "Tied on points[ with {others}] and not broken; the units share the rank — the deciding body must choose.",
  },
  tie_needs_account_data: {
    vi: "Bằng điểm nhưng thiếu cột số tài khoản nộp hồ sơ để phân định (§III.2.b); các đơn vị cùng hạng.",
    en: "Tied on points with no filing-account column to break the tie (§III.2.b); the units share the rank.",
  },
  target_met: {
    vi: "Đạt chỉ tiêu[: {value} ≥ {target}].",
    en: "Target met[: {value} ≥ {target}].",
  },
  target_not_met: {
    vi: "Chưa đạt chỉ tiêu[: {value} < {target}].",
    en: "Target not met[: {value} < {target}].",
  },
  not_applicable: {
    vi: "Kế hoạch không có quy định này cho cấp/chỉ tiêu đã chọn[ ({value})].",
    en: "The plan has no rule for this level or indicator[ ({value})].",
  },
  invalid_option: {
    vi: "Tùy chọn không hợp lệ[: {name} = \"{value}\"][; chọn một trong: {known}].",
    en: "Invalid option[: {name} = \"{value}\"][; choose one of: {known}].",
  },
  estimate: {
    vi: "Ước tính từ các tỷ lệ chính, không phải điểm chính thức của Bộ chỉ số 766.",
    en: "An estimate from headline ratios, not the official QĐ 766 index figure.",
  },
  duplicate_unit: {
    vi: "Đơn vị trùng[: \"{unit}\"] có hai dòng[ (trùng với {first})]: có thể một dòng bị nhập hai lần; không đơn vị nào được khen thưởng khi còn dòng trùng.",
    en: "Duplicate unit[: \"{unit}\"] on two rows[ (same as {first})]: a row may have been entered twice; no unit is awarded while duplicates remain.",
  },
  bonus_out_of_range: {
    vi: "Điểm thưởng phải từ 0 đến {max}[: {input}][ (ô ghi \"{value}\")]; điểm ngoài khoảng này là lỗi số liệu, không được tự hạ về mức tối đa.",
    en: "Bonus points must lie between 0 and {max}[: {input}][ (the cell says \"{value}\")]; points outside that range are a data error, never lowered to the maximum.",
  },
  communes_left_out: {
    vi: "Bình quân tỷ lệ các xã của huyện chưa đủ xã[: thiếu {count} xã ({units})] vì số liệu trống hoặc lỗi; điểm tính theo[ {used}] xã còn lại, chưa xét khen thưởng cho tới khi đủ số liệu.",
    en: "The mean of the district's communes leaves communes out[: {count} missing ({units})] for blank or bad figures; the points use the other[ {used}] communes, and no award is considered until the figures are complete.",
  },
  points_over_max: {
    vi: "Điểm nhóm vượt điểm tối đa[: {input}][ ghi {value}][, tối đa {max}]; điểm công bố lớn hơn tối đa là lỗi số liệu, không được tự hạ về mức tối đa.",
    en: "Group points above the group's maximum[: {input}][ says {value}][, maximum {max}]; published points above the maximum are a data error, never lowered to it.",
  },
  no_activity: {
    vi: "Không phát sinh hồ sơ trong kỳ[ ({input} = 0)]: không có gì để chấm, đơn vị được ghi riêng, không xếp hạng cuối.",
    en: "No dossiers in the period[ ({input} = 0)]: nothing to score; the unit is shown apart, not ranked last.",
  },
  adjustment_without_reason: {
    vi: "Điều chỉnh điểm[ {value}] chưa ghi lý do[ ở cột \"{input}\"]: mỗi lần điều chỉnh phải có lý do.",
    en: "A points adjustment[ of {value}] has no reason[ in \"{input}\"]: every adjustment needs its reason.",
  },
  reason_without_adjustment: {
    vi: "Có ghi lý do điều chỉnh[ (\"{value}\")] nhưng ô điều chỉnh điểm[ ({input})] để trống: chưa rõ điều chỉnh bao nhiêu điểm.",
    en: "An adjustment reason is written[ (\"{value}\")] but the adjustment cell[ ({input})] is blank: how many points is not known.",
  },
  adjustment_out_of_range: {
    vi: "Điều chỉnh điểm[ {value}] ngoài giới hạn[: {limit}]; không được tự hạ về giới hạn.",
    en: "The points adjustment[ {value}] is out of range[: {limit}]; it is never brought back within it silently.",
  },
  imported_total_differs: {
    vi: "Tổng điểm công bố[ {published}] khác tổng các nhóm[ {sum}]: xếp hạng theo tổng các nhóm, tổng công bố chỉ ghi bên cạnh để đối chiếu.",
    en: "The published total[ {published}] is not the sum of the groups[ {sum}]: ranked on the sum of the groups; the published total is shown beside it for checking.",
  },
  award_rank_no_prize: {
    vi: "Không có giải[: chỉ hạng 1 đến {last} được trao giải][ ({source})].",
    en: "No prize[: only ranks 1 to {last} are awarded][ ({source})].",
  },
  award_places_taken: {
    vi: "Hết[ {limit}] suất khen[ ({quota})][, suất cuối ở hạng {cutoff}][ ({source})].",
    en: "All[ {limit}] award places are taken[ ({quota})][, the last at rank {cutoff}][ ({source})].",
  },
  award_group_full: {
    vi: "[{group} đã có {used} xã được khen: {names}; ]không còn suất cho xã của {noun} này[, mỗi {noun} tối đa {limit} xã][; {held} suất giữ lại chờ Hội đồng thi đua quyết định][ ({source})].",
    en: "[{group} already has {used} communes awarded: {names}; ]no place is left for its communes[, at most {limit} per {noun}][; {held} places held for the emulation council to decide][ ({source})].",
  },
  award_tie_pending: {
    vi: "Bằng điểm tại ngưỡng khen thưởng[, cùng hạng {rank}][ ({count} đơn vị: {units})]: không tự động khen, để Hội đồng thi đua quyết định[ ({source})].",
    en: "Tied at the award cut-off[, sharing rank {rank}][ ({count} units: {units})]: not awarded automatically, left to the emulation council[ ({source})].",
  },
  award_waits_for_tie: {
    vi: "Chưa xét các suất còn lại[ ({quota})]: suất khen cấp tỉnh đang chờ Hội đồng thi đua quyết định giữa các đơn vị bằng điểm[ ở hạng {rank}][ ({source})].",
    en: "The other places are not yet given[ ({quota})]: the provincial place waits for the emulation council to settle a tie[ at rank {rank}][ ({source})].",
  },
  award_no_group: {
    vi: "Chưa đề xuất khen thưởng: xã không ghi {noun} nên chưa kiểm tra được giới hạn[ {limit}] xã mỗi {noun}[ ({source})].",
    en: "Not proposed for an award: the commune names no {noun}, so the limit[ of {limit}] per {noun} cannot be checked[ ({source})].",
  },
  award_group_not_in_table: {
    vi: "Chưa đề xuất khen thưởng: {noun} ghi ở dòng này[ (\"{group}\")] không có dòng nào trong bảng (có thể ghi sai tên) nên chưa kiểm tra được giới hạn[ {limit}] xã mỗi {noun}[ ({source})].",
    en: "Not proposed for an award: the {noun} this row names[ (\"{group}\")] has no row in the table (perhaps misspelt), so the limit[ of {limit}] per {noun} cannot be checked[ ({source})].",
  },
  award_duplicates: {
    vi: "Chưa xét khen thưởng: bảng có đơn vị trùng dòng[ ({units})]; sửa dòng trùng rồi chấm lại[ ({source})].",
    en: "No award is given yet: the table has units on two rows[ ({units})]; fix the duplicates and score again[ ({source})].",
  },
  award_mean_incomplete: {
    vi: "Chưa xét khen thưởng: bình quân tỷ lệ các xã của huyện thiếu[ {count} xã ({units})] vì số liệu trống hoặc lỗi[; giải của hạng {rank} được giữ lại, không chuyển cho huyện xếp sau]; bổ sung số liệu các xã đó rồi chấm lại[ ({source})].",
    en: "No award is considered yet: the mean of the district's communes leaves out[ {count} communes ({units})] for blank or bad figures[; the prize of rank {rank} is held back, not passed to the next district]; complete their figures and score again[ ({source})].",
  },
  award_data_flag: {
    vi: "Không xếp hạng, không xét khen thưởng vì số liệu chưa dùng được.",
    en: "Not ranked or considered for an award: the figures cannot be used.",
  },
  award_condition_not_met: {
    vi: "Chưa đủ điều kiện khen thưởng[ ({source})].",
    en: "The award's conditions are not met[ ({source})].",
  },
  condition_target_not_met: {
    vi: "Chưa đạt chỉ tiêu[ \"{indicator}\"][: {value} < {target}][ ({source})].",
    en: "Target[ \"{indicator}\"] not met[: {value} < {target}][ ({source})].",
  },
  condition_target_missing: {
    vi: "Chưa có số liệu chỉ tiêu[ \"{indicator}\"] nên chưa xét được[ ({source})].",
    en: "No figure for the target[ \"{indicator}\"], so it cannot be checked[ ({source})].",
  },
  condition_no_solution: {
    vi: "Chưa ghi nhận có giải pháp nâng tỷ lệ[ (ô ghi \"{value}\")].",
    en: "No solution to raise the ratios is recorded[ (the cell says \"{value}\")].",
  },
};

let labels: Map<string, string> | null = null;

/**
 * The label an official knows an input by ("Tổng số hồ sơ phát sinh (trực tiếp, trực tuyến) (b)"),
 * for an input id the engine names in a finding ("all_dossiers"); any other text is returned as it
 * is (front ends that already name the input in words). Plans sharing an id share its meaning; the
 * first plan's label is used. Built on first use: the registry loads after this module.
 */
export function inputLabel(id: string): string {
  if (!labels) {
    labels = new Map();
    for (const p of listPlans()) for (const d of p.inputs) if (!labels.has(d.id)) labels.set(d.id, d.label);
  }
  return labels.get(id) ?? id;
}

/**
 * A user's plan (a plan sheet, a plan file) names inputs the built-in plans do not know: their labels
 * are learnt when the plan is loaded, so a finding on "fee_dossiers" reads by the plan's own words.
 * An id a built-in plan has keeps the built-in label (plans sharing an id share its meaning).
 */
export function learnInputLabels(plan: { inputs: { id: string; label: string }[] }): void {
  inputLabel("");
  for (const d of plan.inputs) if (!labels!.has(d.id)) labels!.set(d.id, d.label);
}

/**
 * The message of a code. Bracketed parts "[ ... {x} ... ]" are kept only when every placeholder in
 * them has a value, so a message without detail has no dangling "{x}". An input id in {input} is
 * shown as the input's label, a plan's source in {source} as its document and clause.
 */
export function message(code: ReasonCode, detail?: Record<string, string | number>, lang: Lang = "vi"): string {
  const entry = MESSAGES[code];
  if (!entry) throw new Error(`Mã lý do không có trong danh mục: ${String(code)}`);
  const template = entry[lang];
  const fill = (part: string): string | null => {
    let missing = false;
    const out = part.replace(/\{(\w+)\}/g, (_, k: string) => {
      if (k === "noun") return String((lang === "en" ? detail?.nounEn : detail?.noun) ?? GROUP_NOUN[lang]);
      const raw = detail?.[k];
      const v = typeof raw !== "string" ? raw : k === "input" ? inputLabel(raw) : k === "source" ? citation(raw) : raw;
      if (v === undefined || v === null || v === "") {
        missing = true;
        return "";
      }
      return String(v);
    });
    return missing ? null : out;
  };
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_, inner: string) => fill(inner) ?? "");
  return (fill(withOptional) ?? withOptional.replace(/\{\w+\}/g, "")).normalize("NFC");
}

const awardTexts: Record<Lang, WeakMap<AwardReason, string>> = { vi: new WeakMap(), en: new WeakMap() };

/**
 * The words of why a unit got no award, its clause cited by the plan's document, then the findings it
 * turned on: "Huyện Châu Thành đã có 2 xã được khen: Xã A, Xã B; không còn suất cho xã của huyện này, mỗi
 * huyện tối đa 2 xã (KH 165/KH-UBND §III.2.b)." The units a reason holds for share its object (every
 * commune after the 7th place, every commune of a full district), so its text is made once per object.
 */
export function awardReasonText(r: AwardReason, lang: Lang = "vi"): string {
  const memo = awardTexts[lang];
  let text = memo.get(r);
  if (text === undefined) {
    const head = message(r.code, r.source !== undefined ? { ...r.detail, source: r.source } : r.detail, lang);
    text = r.causes && r.causes.length ? [head, ...r.causes.map((c) => message(c.code, c.detail, lang))].join(" ") : head;
    memo.set(r, text);
  }
  return text;
}
