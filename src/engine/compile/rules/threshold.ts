import type Decimal from "decimal.js";
import type { RuleDefinition } from "../rule-types";
import { phrase } from "../../score/phrases";
import { num, opSymbol, pts, raw, text } from "./helpers";

/** Compare `value op limit`; the comparison operators threshold and penalties share. */
export function compare(value: Decimal, op: string, limit: Decimal): boolean {
  switch (op) {
    case ">=":
      return value.gte(limit);
    case ">":
      return value.gt(limit);
    case "<=":
      return value.lte(limit);
    case "<":
      return value.lt(limit);
    default:
      return value.eq(limit);
  }
}

/** 达标: all or nothing — W when `value op limit`, else `else`. */
export const threshold: RuleDefinition = {
  id: "threshold",
  zh: "达标",
  input: "formula",
  params: [
    { name: "op", type: "enum", default: ">=", allowed: [">=", ">", "<=", "<", "="], zh: "比较" },
    { name: "limit", type: "percent", default: "50%", zh: "标准值" },
    { name: "else", type: "points-or-share", default: "0", range: "score", zh: "未达标得分" },
  ],
  score(value, p, weight) {
    const op = text(p, "op");
    const args = { op: opSymbol(op), limit: raw(p, "limit") };
    if (compare(value, op, num(p, "limit"))) return { score: weight, explain: phrase("threshold_met", args) };
    const e = phrase("threshold_missed", { ...args, score: pts(num(p, "else")) });
    return { score: num(p, "else"), explain: e, deduction: e };
  },
};
