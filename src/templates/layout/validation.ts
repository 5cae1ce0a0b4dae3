/** Number formats and data validations of input cells, by field type. */
import type { FieldType } from "../../engine";
import { YES_NO_LABELS } from "../../engine";
import type { ValidationSpec } from "./model";
import { toA1 } from "../../engine";

/** Number format per field type (null = General). */
export const NUMBER_FORMATS: Readonly<Record<FieldType, string | null>> = {
  text: null,
  integer: "0",
  amount: "0.00",
  rate: "0.00%",
  year: "0",
  number: null,
  yesno: null,
};

export const YES_NO = [YES_NO_LABELS.yes, YES_NO_LABELS.no] as const;

function fmtPct(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}

function rangeMessage(type: FieldType, min: number | null, max: number | null): string {
  const show = (x: number): string => (type === "rate" ? fmtPct(x) : String(x));
  const what = type === "integer" || type === "year" ? "整数" : "数字";
  if (min !== null && max !== null) return `请输入 ${show(min)} 到 ${show(max)} 之间的${what}`;
  if (min !== null) return `请输入不小于 ${show(min)} 的${what}`;
  if (max !== null) return `请输入不大于 ${show(max)} 的${what}`;
  return `请输入${what}`;
}

/** The data validation an input of this type gets, or null when none helps. */
export function validationFor(
  type: FieldType,
  min: number | null,
  max: number | null,
  choices?: readonly string[],
): ValidationSpec | null {
  if (choices && choices.length > 0) {
    return { kind: "list", items: choices, strict: false, message: `建议从列表中选择：${choices.join("、")}` };
  }
  switch (type) {
    case "yesno":
      return { kind: "list", items: YES_NO, strict: true, message: "请选择“是”或“否”" };
    case "integer":
    case "year": {
      const lo = min ?? 0;
      return { kind: "whole", min: lo, max, message: rangeMessage(type, lo, max) };
    }
    case "amount":
    case "rate":
    case "number":
      if (min === null && max === null) return null;
      return { kind: "decimal", min, max, message: rangeMessage(type, min, max) };
    case "text":
      return null;
  }
}

/** A drop-down of fixed words (the configuration sheets' 类型, 是否, 严重程度 …). */
export function listOf(items: readonly string[], strict: boolean): ValidationSpec {
  return { kind: "list", items, strict, message: `请从列表中选择：${items.join("、")}` };
}

/** $A$1: a cell's address fixed, as a validation formula reads a bound from another cell. */
export const absoluteA1 = (row: number, col: number): string =>
  toA1({ row, col }).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
