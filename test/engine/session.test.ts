import { describe, expect, it, vi } from "vitest";
import { createEngine, runScoring, runValidation } from "../../src/engine";
import { KNOWN_TEMPLATES } from "../../src/templates";
import { exampleSnapshot } from "../fixtures";
import { withCell, withValue } from "../fixtures";
import { findName } from "../../src/engine/model/snapshot";
import { RUBRIC_COLUMNS } from "../../src/engine/compile/read/labels";
import * as scoring from "../../src/engine/score/score";

vi.mock(import("../../src/engine/score/score"), async (original) => {
  const m = await original();
  return { ...m, scoreWorkbook: vi.fn(m.scoreWorkbook) };
});

const BASE = exampleSnapshot(1);
const known = { knownTemplates: KNOWN_TEMPLATES };
const NOW = { now: "2026-12-03T10:00" };

/** The example with one 评分参数 cell rewritten (a configuration the session compiled differently). */
function withRuleParams(text: string) {
  const header = findName(BASE, "tbl_rubric")!;
  const sheet = BASE.sheets.find((s) => s.name === header.sheet)!;
  const headerRow = Number(/\d+/.exec(header.address)![0]) - 1;
  const col = sheet.cells[headerRow]!.findIndex((c) => c.t === "s" && c.v === RUBRIC_COLUMNS.ruleParams);
  const row = sheet.cells.findIndex((r, i) => i > headerRow && r[col]?.t === "s" && r[col].v.trim() !== "");
  expect(col).toBeGreaterThanOrEqual(0);
  expect(row).toBeGreaterThan(headerRow);
  return withCell(BASE, sheet.name, `${String.fromCharCode(65 + col)}${row + 1}`, text);
}

describe("an engine session", () => {
  it("gives every workbook the result a fresh session gives, whatever it saw before", () => {
    const others = [withValue(BASE, "project_funds_paid", 1), withRuleParams("limit=50%; dir=above"), BASE];
    const totals = others.map((s) => createEngine(known).score(s, NOW).scores?.total);
    expect(new Set(totals).size).toBe(3); // three different results to confuse a session with
    const session = createEngine(known);
    for (const s of [...others, ...others.reverse()]) {
      expect(JSON.stringify(session.score(s, NOW))).toBe(JSON.stringify(createEngine(known).score(s, NOW)));
      expect(session.validate(s)).toEqual(createEngine(known).validate(s));
    }
  });

  it("gives the one-off functions' results", () => {
    const session = createEngine(known);
    expect(session.score(BASE, NOW)).toEqual(runScoring(BASE, { ...known, ...NOW }));
    expect(session.validate(BASE)).toEqual(runValidation(BASE, known));
    expect(session.score(BASE, NOW).scores!.total).toBe(94);
  });

  it("校验 scores nothing, yet reports the rubric's and the manual scores' problems", () => {
    const scoreWorkbook = vi.mocked(scoring.scoreWorkbook);
    scoreWorkbook.mockClear();
    const session = createEngine(known);
    const broken = withRuleParams("limit=abc");
    const codes = session.validate(broken).diagnostics.map((d) => d.code);
    expect(codes).toContain("rule_invalid");
    expect(session.validate(BASE).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(scoreWorkbook).not.toHaveBeenCalled();
    session.score(BASE, NOW);
    expect(scoreWorkbook).toHaveBeenCalledTimes(1);
  });

  it("reuses what it checked and scored of an unchanged workbook, and starts afresh after any edit", () => {
    const edited = withValue(BASE, "project_funds_paid", 1);
    const editedTotal = createEngine(known).score(edited, NOW).scores!.total;
    const renamed = { ...BASE, names: BASE.names.filter((n) => n.name !== "project_funds_paid") };
    const renamedOutcome = createEngine(known).validate(renamed);
    const scoreWorkbook = vi.mocked(scoring.scoreWorkbook);
    scoreWorkbook.mockClear();
    const session = createEngine(known);
    // 校验 → 评分 → 报告 as the pane runs them: each action reads the workbook anew (a new, equal snapshot).
    const copy = () => structuredClone(BASE);
    session.validate(copy());
    const scored = session.score(copy(), NOW);
    const reported = session.report(copy(), NOW);
    expect(scoreWorkbook).toHaveBeenCalledTimes(1);
    expect(reported.scores).toEqual(scored.scores);
    // Another language is scored again (the explanations are worded in it).
    expect(session.score(copy(), { ...NOW, lang: "en" }).scores!.total).toBe(94);
    expect(scoreWorkbook).toHaveBeenCalledTimes(2);
    // One edited cell — an input, then a hidden sheet, then a defined name — and the result is the edited one's.
    expect(session.score(edited, NOW).scores!.total).toBe(editedTotal);
    expect(editedTotal).not.toBe(94);
    expect(scoreWorkbook).toHaveBeenCalledTimes(3);
    const hidden = { ...BASE, sheets: BASE.sheets.map((s, i) => (i === 0 ? { ...s, visible: false } : s)) };
    session.validate(hidden);
    expect(scoreWorkbook).toHaveBeenCalledTimes(3);
    session.score(hidden, NOW);
    expect(scoreWorkbook).toHaveBeenCalledTimes(4);
    expect(session.validate(renamed)).toEqual(renamedOutcome);
    expect(renamedOutcome.diagnostics.length).toBeGreaterThan(0);
    expect(session.score(BASE, NOW).scores!.total).toBe(94);
  });
});
