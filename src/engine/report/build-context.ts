/**
 * What every part of the report builder shares: the inputs, the phrase file, and the diagnostics it
 * collects. Every figure is read here from the typed inputs; a missing one becomes a visible
 * placeholder run and one `report_input_missing` warning.
 */
import Decimal from "decimal.js";
import { diag, type Diagnostic, type Location } from "../diagnostics/types";
import { toA1 } from "../model/cell";
import type { InputValues, TableRowValues, TypedValue } from "../model/values";
import type { ScoreSheet } from "../score/result-types";
import type { FieldType, RubricRowDef, Template } from "../compile/read/types";
import { share, styleOfFieldType } from "./format";
import type { Params } from "../compile/params";
import type { ParseResult } from "../formula/types";
import { parseExpression } from "../formula/parse";
import { formatNumber, type NumberStyle } from "../model/format";
import type { ReportPhrases } from "./phrases";
import { num, text } from "./runs";
import type { Run } from "./tree";

// Column types used when a template does not describe a standard table column.
const FALLBACK_COLUMN_TYPES: Readonly<Record<string, FieldType>> = {
  "tasks.weight": "number",
  "tasks.completion": "rate",
  "tasks.score": "number",
  "satisfaction.count": "integer",
  "satisfaction.rate": "rate",
  "satisfaction.weight": "rate",
  "benefits.done": "yesno",
};

/** The builder's shared state: read-only inputs plus the diagnostics found while building. */
export class ReportContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly reported = new Set<string>();
  // Built on first use: the report looks up a rubric row per indicator (thousands on large templates).
  private rubricIndex: Map<string, RubricRowDef> | null = null;
  private readonly printed = new WeakMap<Decimal, Map<NumberStyle, { value: string; text: string }>>();

  constructor(
    readonly template: Template,
    readonly values: InputValues,
    readonly scores: ScoreSheet,
    readonly phrases: ReportPhrases,
    /** Each indicator's rule parameters as scoring compiled them (by indicator id), for {param.…}. */
    readonly ruleParams: ReadonlyMap<string, Params> = new Map(),
    /** The formula parser (the session's, which remembers the parses scoring made). */
    readonly parse: (text: string) => ParseResult = parseExpression,
  ) {}

  /** The first rubric row with this 编号 (as `rubric.find` would), through an index built once. */
  rubricRow(id: string): RubricRowDef | undefined {
    if (!this.rubricIndex) {
      this.rubricIndex = new Map();
      for (const r of this.template.rubric) if (!this.rubricIndex.has(r.id)) this.rubricIndex.set(r.id, r);
    }
    return this.rubricIndex.get(id);
  }

  /** A visible placeholder for a missing input, with one warning per item and place. */
  missing(item: string, location: Location | null): Run[] {
    const key = `${item}@${location?.sheet ?? ""}!${location?.address ?? ""}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.diagnostics.push(diag("report_input_missing", "warning", location, { item }));
    }
    return [{ kind: "placeholder", item, text: this.phrases.missing(item) }];
  }

  /** A placeholder whose warning was already given elsewhere (e.g. a share of a missing amount). */
  marker(item: string): Run[] {
    return [{ kind: "placeholder", item, text: this.phrases.missing(item) }];
  }

  fieldLabel(name: string): string {
    return this.template.fields.get(name)?.label ?? name;
  }

  fieldLocation(name: string): Location | null {
    const def = this.template.fields.get(name);
    return def ? { sheet: def.ref.sheet, address: def.ref.address, name, label: def.label } : null;
  }

  /** True when the template or the inputs know the field. */
  hasField(name: string): boolean {
    return this.template.fields.has(name) || this.values.fields.has(name);
  }

  /** A number field's exact value, or null when blank, unknown or not a number. */
  decimal(name: string): Decimal | null {
    return asDecimal(this.values.fields.get(name));
  }

  /** A field printed by its type (amount "33.10", rate "19.94%", text as is); blank → placeholder. */
  field(name: string, style?: NumberStyle): Run[] {
    const v = this.values.fields.get(name);
    const def = this.template.fields.get(name);
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) {
      // An optional field left blank is an answer ("none"), not a gap.
      if (def && !def.required) return [text(this.phrases.none)];
      return this.missing(this.fieldLabel(name), this.fieldLocation(name));
    }
    return this.typed(v, style ?? (def ? styleOfFieldType(def.type) : null) ?? "number");
  }

  /** A field's text; blank → placeholder. */
  /** An optional text field as entered (trimmed, without a final 。), or null when blank or absent. */
  optionalText(name: string): string | null {
    const v = this.values.fields.get(name);
    return typeof v === "string" && v.trim() !== "" ? trimEnd(v.trim()) : null;
  }

  fieldText(name: string): Run[] {
    return this.field(name);
  }

  /** The rows of an input table (empty when the table is absent or blank). */
  rows(table: string): readonly TableRowValues[] {
    return this.values.tables.get(table) ?? [];
  }

  tableLocation(table: string): Location | null {
    const def = this.template.tables.get(table);
    if (!def) return null;
    const last = def.columns.reduce((m, c) => Math.max(m, c.col), 0);
    const first = def.columns.reduce((m, c) => Math.min(m, c.col), last);
    return {
      sheet: def.sheet,
      address: `${toA1({ row: def.headerRow, col: first })}:${toA1({ row: def.headerRow, col: last })}`,
      label: def.label,
    };
  }

  columnType(table: string, key: string): FieldType | null {
    const col = this.template.tables.get(table)?.columns.find((c) => c.key === key);
    return col?.type ?? FALLBACK_COLUMN_TYPES[`${table}.${key}`] ?? null;
  }

  columnLabel(table: string, key: string): string {
    return this.template.tables.get(table)?.columns.find((c) => c.key === key)?.label ?? `${table}.${key}`;
  }

  /** One row's cell printed by the column type; blank → placeholder at that cell. */
  cell(table: string, key: string, row: TableRowValues): Run[] {
    const v = row.values.get(key);
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) {
      const def = this.template.tables.get(table);
      const col = def?.columns.find((c) => c.key === key);
      const loc: Location | null =
        def && col
          ? { sheet: def.sheet, address: toA1({ row: row.row, col: col.col }), label: col.label }
          : this.tableLocation(table);
      return this.missing(this.columnLabel(table, key), loc);
    }
    const type = this.columnType(table, key);
    return this.typed(v, (type ? styleOfFieldType(type) : null) ?? "number");
  }

  /** The non-blank texts of a one-column text table (duties, problems …), trimmed. */
  texts(table: string, key = "text"): string[] {
    return this.rows(table)
      .map((r) => r.values.get(key))
      .filter((v): v is string => typeof v === "string" && v.trim() !== "")
      .map((v) => v.trim());
  }

  /** The evaluation year as printed ("2020"), or a placeholder. */
  year(): Run[] {
    return this.field("eval_year", "integer");
  }

  /** a ÷ b printed as a percentage; a zero denominator prints "not applicable", a blank one a marker. */
  share(a: string, b: string): Run[] {
    const x = this.decimal(a);
    const y = this.decimal(b);
    if (x === null || y === null) return this.marker(`${this.fieldLabel(a)}÷${this.fieldLabel(b)}`);
    const s = share(x, y);
    return s === null ? [text(this.phrases.notApplicable(""))] : [num(s, "rate")];
  }

  private typed(v: Exclude<TypedValue, null>, style: NumberStyle): Run[] {
    if (typeof v === "string") return [text(v.trim())];
    if (typeof v === "boolean") return [text(v ? this.phrases.yes : this.phrases.no)];
    // The same input figure is printed by many indicators: format each Decimal once per style.
    let byStyle = this.printed.get(v);
    if (!byStyle) this.printed.set(v, (byStyle = new Map()));
    let printed = byStyle.get(style);
    if (!printed) byStyle.set(style, (printed = { value: v.toString(), text: formatNumber(v, style) }));
    return [{ kind: "number", value: printed.value, text: printed.text }];
  }
}

/** A typed value as a Decimal when it is a number. */
export function asDecimal(v: TypedValue | undefined): Decimal | null {
  return v !== null && v !== undefined && Decimal.isDecimal(v) ? v : null;
}

/** Strip trailing sentence punctuation from user text that the report continues ("…有待加强。" → "…有待加强"). */
export function trimEnd(s: string): string {
  return s.trim().replace(/[。；;，,.!！\s]+$/u, "");
}
