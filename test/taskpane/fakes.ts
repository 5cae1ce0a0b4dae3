// Fakes for pane tests: a host that records calls and an engine port built on the contract types.
import { vi } from "vitest";
import type {
  Diagnostic,
  DiagnosticCode,
  DiagnosticParamsByCode,
  Location,
  Severity,
} from "../../src/engine/diagnostics/types";
import { diag } from "../../src/engine/diagnostics/types";
import { valueText } from "../../src/engine/score/score";
import type { PublishOutcome, ScoringOutcome, ValidationOutcome } from "../../src/engine/api";
import type { CellRef } from "../../src/engine/model/cell";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import type { WritePlan } from "../../src/engine/model/write-plan";
import type { IndicatorResult, ScoreSheet } from "../../src/engine/score/result-types";
import type { TemplateInfo } from "../../src/engine/compile/read/types";
import type { HostErrorCode, WorkbookHost, WriteSummary } from "../../src/hosts/common/types";
import { HostError } from "../../src/hosts/common/types";
import type { Lang } from "../../src/engine";
import type { EnginePort, PreviewLine, RenderedDiagnostic, ReportResult } from "../../src/taskpane/engine-port";

export const TEMPLATE: TemplateInfo = {
  id: "cn.perfeval.dept-overall",
  version: "1.0.0",
  title: "部门整体支出绩效评价",
};
export const UNIT = { name: "重庆市万州区人民政府外事办公室", year: "2020" };

export const EMPTY_SNAPSHOT: WorkbookSnapshot = { sheets: [], names: [] };

/** A diagnostic at a cell with a label. */
export function problem<C extends DiagnosticCode>(
  code: C,
  severity: Severity,
  at: { sheet: string; address: string; label?: string; name?: string } | null,
  params: DiagnosticParamsByCode[C],
): Diagnostic {
  const loc: Location | null = at;
  return diag(code, severity, loc, params);
}

/** Words for the fake port: the code and the label, so tests can find rows by text. */
export function fakeRender(d: Diagnostic, lang: Lang): RenderedDiagnostic {
  const label = d.location?.label ?? "";
  const where = d.location ? `「${d.location.sheet}」!${d.location.address}` : "";
  return lang === "en"
    ? { message: `EN ${d.code} ${label}`, fix: `EN fix ${d.code}`, where }
    : { message: `问题 ${d.code} ${label}`, fix: `处理 ${d.code}`, where };
}

function leaf(
  id: string,
  path: [string, string, string],
  weight: number,
  score: number,
  value: IndicatorResult["value"],
  extra: Partial<IndicatorResult> = {},
): IndicatorResult {
  return {
    id,
    path,
    name: path[2],
    weight,
    ruleKind: "threshold",
    formula: "",
    value,
    score,
    reason: "",
    explanation: "",
    criterion: "",
    ref: { sheet: "指标体系", address: `A${Number(id.replace(/\D/g, "")) + 2}` },
    inputs: {},
    ...extra,
    // As the engine prints it (model/format.ts), for the format the fake gives (rates below).
    valueText: valueText(value, extra.valueFormat ?? "number", "zh-CN"),
  };
}

/** A small scored sheet: 投入 5 (full), 过程 5 with one manual deduction (1 of 1.5 → reason). Total 9.5 of 10. */
export function scoreSheet(grade = "优"): ScoreSheet {
  return {
    indicators: [
      leaf(
        "1",
        ["投入", "预算配置", "财政供养人员控制率"],
        2,
        2,
        { t: "number", v: 0.9756 },
        {
          formula: "ratio(staff_actual, staff_quota)",
          ruleKind: "deduct_per_point",
          valueFormat: "percent",
          criterion: "不超过100%得满分，每超过1个百分点扣0.2分，扣完为止",
        },
      ),
      leaf(
        "2",
        ["投入", "预算配置", "“三公”经费变动率"],
        3,
        3,
        { t: "number", v: -0.1234 },
        { formula: "change(sangong_actual, sangong_prev)", valueFormat: "percent" },
      ),
      leaf(
        "3",
        ["过程", "预算管理", "管理制度健全性"],
        1.5,
        1,
        { t: "none" },
        { ruleKind: "manual", reason: "内控制度未及时修订" },
      ),
      leaf(
        "4",
        ["过程", "预算管理", "政府采购执行率"],
        2,
        2,
        { t: "na", why: "预算为 0" },
        { formula: "ratio(procurement_actual, procurement_budget)", valueFormat: "percent" },
      ),
      leaf(
        "5",
        ["过程", "预算管理", "被收回指标或资金"],
        1.5,
        1.5,
        { t: "number", v: 0 },
        { formula: "funds_recalled_count", ruleKind: "per_event", valueFormat: "integer" },
      ),
    ],
    levels: [
      { id: "L1", name: "投入", depth: 1, weight: 5, score: 5, children: ["L1.1"] },
      { id: "L1.1", name: "预算配置", depth: 2, weight: 5, score: 5, children: ["1", "2"] },
      { id: "L2", name: "过程", depth: 1, weight: 5, score: 4.5, children: ["L2.1"] },
      { id: "L2.1", name: "预算管理", depth: 2, weight: 5, score: 4.5, children: ["3", "4", "5"] },
    ],
    adjustments: [],
    rawTotal: 9.5,
    total: 9.5,
    totalExact: "9.5",
    grade,
    fullScore: 10,
  };
}

export const SCORE_PLAN: WritePlan = { ops: [{ kind: "values", sheet: "评价结果", address: "B2", values: [[9.5]] }] };
export const REPORT_PLAN: WritePlan = { ops: [{ kind: "ensureSheet", sheet: "报告" }] };
export const REPORT_TEXT = "重庆市万州区人民政府外事办公室2020年度部门整体支出绩效自评报告\n一、部门概况";
/** The preview's lines of that report: the title, a heading, a paragraph and a small table. */
export const REPORT_LINES: readonly PreviewLine[] = [
  { kind: "title", depth: 0, text: "重庆市万州区人民政府外事办公室2020年度部门整体支出绩效自评报告" },
  { kind: "heading", depth: 1, text: "一、部门概况" },
  { kind: "body", depth: 0, text: "本部门主要职能是……" },
  {
    kind: "table",
    depth: 0,
    text: "附表：指标得分表",
    cells: [
      ["一级指标", "得分"],
      ["投入", "5"],
    ],
  },
];
export const DOCX_BYTES = new Uint8Array([0x50, 0x4b, 3, 4]);

/** A recording engine port: each outcome is configurable, each call is a spy. */
export class FakeEngine implements EnginePort {
  validation: ValidationOutcome = { template: TEMPLATE, unit: UNIT, diagnostics: [] };
  scores: ScoreSheet | null = scoreSheet();
  docxBytes = DOCX_BYTES;
  readonly validate = vi.fn((_s: WorkbookSnapshot): ValidationOutcome => this.validation);
  readonly score = vi.fn((_s: WorkbookSnapshot, _o?: { now?: string }): ScoringOutcome => ({
    ...this.validation,
    scores: this.scores,
    writePlan: this.scores ? SCORE_PLAN : { ops: [] },
  }));
  readonly docx = vi.fn(async (): Promise<Uint8Array> => this.docxBytes);
  readonly report = vi.fn((_s: WorkbookSnapshot, _lang: Lang, _o?: { now?: string }): ReportResult => ({
    ...this.validation,
    scores: this.scores,
    writePlan: this.scores ? REPORT_PLAN : { ops: [] },
    text: this.scores ? REPORT_TEXT : "",
    lines: this.scores ? REPORT_LINES : [],
    docx: this.docx,
  }));
  readonly renderDiagnostic = vi.fn(fakeRender);
  publication: PublishOutcome = {
    ...this.validation,
    writePlan: {
      ops: [{ kind: "values", sheet: "_meta", address: "A5", values: [["published_fingerprint", "sha256:x"]] }],
    },
    fingerprint: "sha256:0123456789abcdef0123",
    cells: 412,
    protect: ["指标体系", "字段定义", "校验规则"],
    unlock: [{ sheet: "指标体系", range: "G6:G30" }],
  };
  readonly publish = vi.fn((_s: WorkbookSnapshot, _o: { now: string }): PublishOutcome => this.publication);
}

type HostMethod =
  "readSnapshot" | "applyWritePlan" | "markDiagnostics" | "selectCell" | "createTemplate" | "openExample" | "saveFile";

/** A recording host; `failNext(method, code)` makes the next call of a method throw a HostError. */
export class FakeHost implements WorkbookHost {
  readonly kind = "browser" as const;
  snapshot: WorkbookSnapshot = EMPTY_SNAPSHOT;
  summary: WriteSummary = { cellsBySheet: { 指标体系: 15, 评价结果: 4 }, createdSheets: [] };
  private failures = new Map<HostMethod, HostErrorCode>();

  failNext(method: HostMethod, code: HostErrorCode): void {
    this.failures.set(method, code);
  }

  private check(method: HostMethod): void {
    const code = this.failures.get(method);
    if (code) {
      this.failures.delete(method);
      throw new HostError(code, `fake ${method} failed`);
    }
  }

  readonly readSnapshot = vi.fn(async (): Promise<WorkbookSnapshot> => {
    this.check("readSnapshot");
    return this.snapshot;
  });
  readonly applyWritePlan = vi.fn(async (_plan: WritePlan): Promise<WriteSummary> => {
    this.check("applyWritePlan");
    return this.summary;
  });
  readonly markDiagnostics = vi.fn(async (_d: readonly Diagnostic[]): Promise<void> => this.check("markDiagnostics"));
  readonly selectCell = vi.fn(async (_ref: CellRef): Promise<void> => this.check("selectCell"));
  readonly createTemplate = vi.fn(async (): Promise<void> => this.check("createTemplate"));
  readonly openExample = vi.fn(async (): Promise<void> => this.check("openExample"));
  readonly saveFile = vi.fn(async (_n: string, _b: Uint8Array, _m: string): Promise<void> => this.check("saveFile"));
}
