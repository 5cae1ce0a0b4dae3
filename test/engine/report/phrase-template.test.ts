import Decimal from "decimal.js";
import type { TableRowValues } from "../../../src/engine/model/values";
import {
  parsePhrase,
  phrasePlaceholders,
  renderPhrase,
  type PhraseScope,
} from "../../../src/engine/report/phrase-template";
import { text } from "../../../src/engine/report/runs";
import { runsText, type Run } from "../../../src/engine/report/tree";
import { displayFormula } from "../../../src/engine/report/formula-display";

const rows: TableRowValues[] = [
  {
    row: 3,
    values: new Map<string, Decimal | string>([
      ["group", "服务对象"],
      ["rate", new Decimal("0.98")],
    ]),
  },
  {
    row: 4,
    values: new Map<string, Decimal | string>([
      ["group", "社会群众"],
      ["rate", new Decimal("0.96")],
    ]),
  },
];

function scope(): PhraseScope & { unknowns: string[] } {
  const unknowns: string[] = [];
  const known: Record<string, string> = { staff_quota: "7", value: "100.00%", blank: " ", unit: "外事办" };
  const numbers: Record<string, string> = { none: "0.00", two: "2" };
  return {
    unknowns,
    resolve: (name, row) => {
      if (row) {
        const v = row.row.values.get(name);
        if (v !== undefined)
          return [text(typeof v === "string" ? v : `${new Decimal(v as Decimal).times(100).toFixed(2)}%`)];
      }
      if (name in numbers) return [{ kind: "number", value: numbers[name]!, text: numbers[name]! }];
      if (name === "gap") return [{ kind: "placeholder", item: name, text: "【待补充：gap】" }];
      return known[name] === undefined ? undefined : [text(known[name])];
    },
    rows: (t) => (t === "satisfaction" ? rows : t === "empty" ? [] : undefined),
    unknown: (ph): Run[] => {
      unknowns.push(ph);
      return [{ kind: "placeholder", item: ph, text: `【${ph}】` }];
    },
    emptyTable: (t): Run[] => [{ kind: "placeholder", item: t, text: `【空：${t}】` }],
  };
}

describe("phrase templates", () => {
  it.each([
    ["编制数为{staff_quota}人，比率＝{value}。", "编制数为7人，比率＝100.00%。", []],
    ["{ staff_quota }人", "7人", []],
    ["未知{nope}与{also.unknown}", "未知【nope】与【also.unknown】", ["nope", "also.unknown"]],
    ["[satisfaction:{group}{rate}]", "服务对象98.00%、社会群众96.00%", []],
    ["[satisfaction|＋:{rate}]", "98.00%＋96.00%", []],
    ["[nosuch:{group}]", "【nosuch】", ["nosuch"]],
    ["[empty:{group}]", "【空：empty】", []],
    ["不成对的{括号与[方括号", "不成对的{括号与[方括号", []],
    ["{中文名}与{}原样保留", "{中文名}与{}原样保留", []],
    ["【按规定】[注]", "【按规定】[注]", []],
    // Conditional text: [?x: …] when x is not zero, [!x: …] when it is zero or blank.
    ["[!none: 无收回。][?none: 收回{none}次。]", "无收回。", []],
    ["[!two: 无收回。][?two: 收回{two}次。]", "收回2次。", []],
    ["[?unit: {unit}][!blank: 无名称]", "外事办无名称", []],
    ["[?blank: 有][!unit: 无]", "", []],
    ["[!none: 无预算[?two: ，实际{two}万元]，不适用。]", "无预算，实际2万元，不适用。", []],
    // A missing value is not zero: its marker shows where the value would be.
    ["[!gap: 无][?gap: 差额{gap}]", "差额【待补充：gap】", []],
    ["[?nope: 有]", "【nope】", ["nope"]],
    ["[?two 缺冒号]", "[?two 缺冒号]", []],
  ])("%s → %s", (src, expected, unknown) => {
    const s = scope();
    expect(runsText(renderPhrase(src, s))).toBe(expected);
    expect(s.unknowns).toEqual(unknown);
  });

  it("lists the placeholders a phrase uses, inside row lists too", () => {
    expect([...phrasePlaceholders("{score}[satisfaction:{rate}]{reason}")]).toEqual(["score", "rate", "reason"]);
    expect([...phrasePlaceholders("[!two: 无][?two: {reason}]")]).toEqual(["two", "reason"]);
  });

  it("never throws on odd input", () => {
    for (const src of ["{", "}", "[a:", "[a:{b]", "{{x}}", "[a|:]", "[?a:", "[!a:[?b:]", "[?:x]", ""])
      expect(() => parsePhrase(src)).not.toThrow();
  });
});

describe("formula display", () => {
  const labels = { leaf: (n: string) => [text(`<${n}>`)], rows: () => undefined };
  it.each([
    ["ratio(a, b)", "<a>÷<b>"],
    ["change(cur, prev)", "（<cur>－<prev>）÷<prev>"],
    ["ratio(abs(x - y), y)", "｜<x>－<y>｜÷<y>"],
    ["a / (b + c)", "<a>÷（<b>＋<c>）"],
    ["a - (b - c)", "<a>－（<b>－<c>）"],
    ["weighted(t.v, t.w)", "Σ（<t.v>×<t.w>）÷Σ<t.w>"],
    ["attainment(t.v, t.w, t.d)", "得分系数（<t.v>，<t.w>，<t.d>）"],
    ["a ÷ b ×", "a ÷ b ×"],
  ])("%s shows as %s", (src, expected) => {
    expect(runsText(displayFormula(src, labels))).toBe(expected);
  });

  it("shows literals as written and column references by their label", () => {
    expect(runsText(displayFormula("a - 50%", labels))).toBe("<a>－50%");
    expect(runsText(displayFormula("sum(tasks.weight)", labels))).toBe("Σ<tasks.weight>");
    expect(runsText(displayFormula('count_if(t.done, "是")', labels))).toBe("count_if（<t.done>，“是”）");
  });
});
