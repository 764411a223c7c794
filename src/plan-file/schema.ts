/**
 * The JSON Schema (draft 2020-12) of a plan file, made from the plan model's own description
 * (src/plans/model.ts), so that what an editor accepts and what checkPlan accepts cannot drift apart
 * field by field. schema/plan.schema.json is this function's output, kept in the repository for
 * editors (test/plan-file/schema.test.ts says it is up to date; PLAN_SCHEMA_UPDATE=1 rewrites it).
 * A schema cannot see across fields: sums of maxima, references to inputs and awards, the order of
 * bands are checkPlan's alone.
 */
import { PLAN_FIELDS, type Dependent, type Fields, type FieldType } from "../plans/model";

type Schema = Record<string, unknown>;

export function planJsonSchema(): Schema {
  const defs: Record<string, Schema> = {};

  const of = (type: FieldType, desc?: string): Schema => {
    if (type.def) {
      defs[type.def] ??= body(type, type.desc);
      return desc ? { $ref: `#/$defs/${type.def}`, description: desc } : { $ref: `#/$defs/${type.def}` };
    }
    return body(type, desc);
  };

  const objectOf = (fields: Fields, dependent: Dependent[] = [], extra: Schema = {}): Schema => {
    const properties: Record<string, Schema> = {};
    for (const [k, f] of Object.entries(fields)) properties[k] = of(f.type, f.desc);
    const required = Object.entries(fields).filter(([, f]) => f.required).map(([k]) => k);
    const s: Schema = { type: "object", ...extra, properties, additionalProperties: false };
    if (required.length) s.required = required;
    const plain = dependent.filter((d) => d.is === undefined);
    if (plain.length) s.dependentRequired = Object.fromEntries(plain.map((d) => [d.if, [d.then]]));
    const when = dependent.filter((d) => d.is !== undefined);
    if (when.length) {
      s.allOf = when.map((d) => ({ if: { properties: { [d.if]: { const: d.is } }, required: [d.if] }, then: { required: [d.then] } }));
    }
    return s;
  };

  function body(type: FieldType, desc?: string): Schema {
    const d = desc ? { description: desc } : {};
    switch (type.t) {
      case "any":
        return { ...d };
      case "string":
        return { type: "string", ...d, ...(type.pattern ? { pattern: type.pattern } : {}) };
      case "number": {
        const s: Schema = { type: type.integer ? "integer" : "number", ...d };
        if (type.gt !== undefined) s.exclusiveMinimum = type.gt;
        if (type.ge !== undefined) s.minimum = type.ge;
        if (type.lt !== undefined) s.exclusiveMaximum = type.lt;
        if (type.le !== undefined) s.maximum = type.le;
        return s;
      }
      case "boolean":
        return { type: "boolean", ...d };
      case "enum":
        return { type: "string", ...d, enum: [...type.values] };
      case "date":
        return { type: "string", ...d, pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
      case "array": {
        const s: Schema = { type: "array", ...d, items: of(type.of) };
        if (type.minItems) s.minItems = type.minItems;
        if (type.unique) s.uniqueItems = true;
        return s;
      }
      case "map":
        return { type: "object", ...d, additionalProperties: of(type.of) };
      case "nullable":
        return { ...d, anyOf: [{ type: "null" }, of(type.of)] };
      case "object":
        return objectOf(type.fields, type.dependent, d);
      case "union":
        return {
          type: "object",
          ...d,
          required: [type.tag],
          properties: { [type.tag]: { enum: Object.keys(type.variants) } },
          oneOf: Object.entries(type.variants).map(([tag, fields]) => {
            const s = objectOf(fields);
            s.properties = { [type.tag]: { const: tag, description: type.labels?.[tag] ?? tag }, ...(s.properties as Schema) };
            s.required = [type.tag, ...((s.required as string[] | undefined) ?? [])];
            return s;
          }),
        };
    }
  }

  const root = objectOf(PLAN_FIELDS, [], {
    title: "Kế hoạch thi đua (dvc-thidua)",
    description:
      "Một kế hoạch thi đua dịch vụ công trực tuyến: các đầu vào, tiêu chí hoặc chỉ tiêu, khen thưởng và nguồn của từng quy định. " +
      "Kiểm tra đầy đủ (tổng điểm, tham chiếu giữa các trường) bằng: npx dvc-thidua plan check TỆP. Xem docs/plan-file.md.",
  });
  return { $schema: "https://json-schema.org/draft/2020-12/schema", ...root, $defs: defs };
}
