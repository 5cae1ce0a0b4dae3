/**
 * A 评分参数 value may name a field instead of a number (`目标值=target_rate`), as published tables do where the
 * target is the department's own figure: before the parameters are compiled, each `key=<field name>` item takes
 * the field's value as written (a rate as a percentage). Only names of the template's fields are replaced, so
 * enum words (`方向=高于`, `dir=above`) are never mistaken for one.
 */
import type Decimal from "decimal.js";
import type { InputValues } from "../model/values";
import type { Template } from "./read/types";

const ITEM_VALUE = /([=＝]\s*)([A-Za-z_][A-Za-z0-9_]*)(?=\s*(?:[;；,，、\n]|$))/g;

/** The text with field names replaced by their values, and the fields that were named but are blank. */
export function paramsWithFields(
  text: string,
  template: Template,
  values: InputValues,
): { text: string; blank: readonly string[] } {
  const blank: string[] = [];
  const out = text.replace(ITEM_VALUE, (whole: string, eq: string, name: string) => {
    const def = template.fields.get(name);
    if (!def) return whole;
    const v = values.fields.get(name);
    if (v === null || v === undefined || typeof v === "string" || typeof v === "boolean") {
      blank.push(name);
      return whole;
    }
    return `${eq}${written(v, def.type === "rate")}`;
  });
  return { text: out, blank };
}

const written = (v: Decimal, rate: boolean): string => (rate ? `${v.times(100).toString()}%` : v.toString());
