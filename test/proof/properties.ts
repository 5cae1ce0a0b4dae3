/**
 * The hostile-input properties, shared by `npm test` (a bounded run, test/proof/*.test.ts) and
 * `npm run fuzz` (scripts/fuzz.ts, FUZZ_RUNS runs each). A property throws (ProofFailure) when violated.
 */
import fc from "fast-check";
import type { Diagnostic } from "../../src/engine/diagnostics/types";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import { runReport, runScores, runScoring, runValidation } from "../../src/engine";
import { readTemplate } from "../../src/engine/compile/read/read";
import { ConfigurationMemo } from "../../src/engine/compile/read/configuration";
import { NO_KNOWN_TEMPLATES } from "../../src/engine/compile/read/missing-sheets";
import { renderDiagnostic } from "../../src/engine/diagnostics/render";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { hostileCell } from "./hostile";
import { paneAction } from "./pane-actions";
import { cellsWithRole, exampleLayout, exampleSnapshot, fakeFromLayout, inputDigest, withCells } from "../fixtures";
import type { CellEdit } from "../fixtures";

export class ProofFailure extends Error {}

function ensure(condition: boolean, message: string): void {
  if (!condition) throw new ProofFailure(message);
}

const NOW = "2021-03-01T09:00:00";
const LAYOUT = exampleLayout(1);
const BASE = exampleSnapshot(1);
const INPUTS = cellsWithRole(LAYOUT, ["input"]);
const CONFIG = cellsWithRole(LAYOUT, ["config", "meta", "header", "label"]);

/** Every diagnostic renders to a non-empty message in both languages. */
function rendersAll(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    for (const lang of ["zh-CN", "en"] as const) {
      const r = renderDiagnostic(d, lang);
      ensure(typeof r.message === "string" && r.message.length > 0, `diagnostic ${d.code} renders empty in ${lang}`);
    }
  }
}

/** 校验, 评分 and 报告 on a snapshot: never throw, diagnostics render, scores are sane or absent. */
export function checkAllActions(snapshot: WorkbookSnapshot): void {
  const v = runValidation(snapshot);
  rendersAll(v.diagnostics);
  for (const lang of ["zh-CN", "en"] as const) {
    const s = runScoring(snapshot, { lang, now: NOW });
    rendersAll(s.diagnostics);
    const errors = s.diagnostics.filter((d) => d.severity === "error").length;
    if (s.scores) {
      ensure(errors === 0, "scores returned although errors block scoring");
      ensure(Number.isFinite(s.scores.total), `total is not finite: ${s.scores.total}`);
      ensure(s.scores.total >= 0 && s.scores.total <= 100, `total out of 0..100: ${s.scores.total}`);
    } else {
      ensure(s.writePlan.ops.length === 0, "a write plan without scores");
    }
    // The batch's entry (no write plan) says exactly what 评分 says.
    const { writePlan: _plan, ...scoring } = s;
    ensure(
      JSON.stringify(runScores(snapshot, { lang })) === JSON.stringify(scoring),
      "runScores and runScoring disagree on diagnostics or scores",
    );
    const r = runReport(snapshot, { lang, now: NOW });
    rendersAll(r.diagnostics);
    if (!r.report) ensure(r.writePlan.ops.length === 0 && r.text === "", "a report plan without a report");
    else ensure(r.text.length > 0, "an empty report text");
  }
}

const inputEdit = (cells: readonly { sheet: string; row: number; col: number }[]): fc.Arbitrary<CellEdit> =>
  fc.tuple(fc.constantFrom(...cells), hostileCell).map(([at, value]) => ({ ...at, value }));

const anywhereEdit: fc.Arbitrary<CellEdit> = fc.record({
  sheet: fc.constantFrom(...BASE.sheets.map((s) => s.name), "报告", "无此表"),
  row: fc.nat(120),
  col: fc.nat(20),
  value: hostileCell,
});

/** A named property with its default (bounded) number of runs. */
export interface ProofProperty {
  readonly name: string;
  readonly runs: number;
  readonly property: () => fc.IProperty<never> | fc.IAsyncProperty<never>;
}

export const PROPERTIES: readonly ProofProperty[] = [
  {
    name: "any value in any input cell: 校验/评分/报告 return diagnostics and never throw",
    runs: 60,
    property: () =>
      fc.property(fc.array(inputEdit(INPUTS), { minLength: 1, maxLength: 12 }), (edits) =>
        checkAllActions(withCells(BASE, edits)),
      ) as never,
  },
  {
    name: "any value in any configuration cell (rubric, fields, checks, grades, _meta): never throws",
    runs: 40,
    property: () =>
      fc.property(fc.array(inputEdit(CONFIG), { minLength: 1, maxLength: 6 }), (edits) =>
        checkAllActions(withCells(BASE, edits)),
      ) as never,
  },
  {
    name: "any value anywhere (also beyond the used range and on 报告): never throws",
    runs: 30,
    property: () =>
      fc.property(fc.array(anywhereEdit, { minLength: 1, maxLength: 10 }), (edits) =>
        checkAllActions(withCells(BASE, edits)),
      ) as never,
  },
  {
    name: "a batch's remembered template configuration reads exactly as a fresh read, whatever changed between workbooks",
    runs: 40,
    property: () =>
      fc.property(
        fc.array(fc.oneof(inputEdit(CONFIG), inputEdit(INPUTS), anywhereEdit), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (edits, editedFirst) => {
          const edited = withCells(BASE, edits);
          const [first, second] = editedFirst ? [edited, BASE] : [BASE, edited];
          const memo = new ConfigurationMemo();
          readTemplate(first, NO_KNOWN_TEMPLATES, memo);
          const remembered = JSON.stringify(readTemplate(second, NO_KNOWN_TEMPLATES, memo));
          ensure(
            remembered === JSON.stringify(readTemplate(second)),
            "the remembered configuration differs from a fresh read",
          );
        },
      ) as never,
  },
  {
    name: "Office host: hostile inputs, then 校验 + 评分 + 报告 written back leave every input cell as it was",
    runs: 12,
    property: () =>
      fc.asyncProperty(fc.array(inputEdit(INPUTS), { minLength: 1, maxLength: 6 }), async (edits) => {
        const wb = fakeFromLayout(LAYOUT, edits);
        const host = createOfficeHost({ excel: wb.excel, office: wb.office });
        const before = await host.readSnapshot();
        const digest = inputDigest(before);
        for (const a of ["校验", "评分", "报告", "校验"] as const) await paneAction(host, a);
        const after = await host.readSnapshot();
        const afterDigest = inputDigest(after);
        const changed = [...digest].filter(([k, h]) => afterDigest.get(k) !== h).map(([k]) => k);
        ensure(changed.length === 0, `input cells changed: ${changed.slice(0, 5).join(", ")}`);
      }) as never,
  },
];
