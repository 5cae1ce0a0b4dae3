/**
 * Reading a number someone typed as text ("73.19%", "226.86万元", "１２", "1,234.5", "  12 "): only
 * when the reading is unambiguous; anything else is left to the caller to report as not_a_number.
 */
import Decimal from "decimal.js";
import type { FieldType } from "../compile/read/types";

/** Unit words that may follow a number of each type (amounts are in 万元, so a bare 元 is ambiguous). */
const UNIT_SUFFIX: Readonly<Partial<Record<FieldType, RegExp>>> = {
  amount: /万元$/,
  integer: /(人|次|个|项|家|名)$/,
  year: /年度?$/,
};

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Parse numeric text for a field of `type`; null when the text is not unambiguously a number. */
export function parseNumberText(text: string, type: FieldType): Decimal | null {
  // NFKC turns full-width digits, ％, ，, ． and － into ASCII; U+2212 is the typographic minus.
  let t = text
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .trim();
  const unit = UNIT_SUFFIX[type];
  if (unit) t = t.replace(unit, "").trim();
  let percent = false;
  if ((type === "rate" || type === "number") && t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (THOUSANDS.test(t)) t = t.replace(/,/g, "");
  if (!PLAIN.test(t)) return null;
  const d = new Decimal(t);
  return percent ? d.div(100) : d;
}
