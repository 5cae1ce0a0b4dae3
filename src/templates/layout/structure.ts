/**
 * The configuration tables (字段定义, 校验规则, 指标体系, 评价等级, 调整规则): the description's fields, checks,
 * rubric, grades and adjustments written as rows the engine reads back.
 */
import {
  ADJUSTMENT_COLUMNS,
  CHECK_COLUMNS,
  DIRECTION_LABELS,
  FIELD_COLUMNS,
  FIELD_TYPE_LABELS,
  GRADE_COLUMNS,
  RUBRIC_COLUMNS,
  SEVERITY_LABELS,
  STRUCTURE_TABLE_NAMES,
  YES_NO_LABELS,
} from "../../engine";
import { RUBRIC_LAYOUT, blankRubricRow, rubricRow } from "./rubric";
import type { LayoutContext, SheetBuilder } from "./sheet-builder";
import { headerRow } from "./sheet-builder";
import type { CellContent, ColumnSpec, FieldSpec, StructureTableId } from "./types";
import { YES_NO, listOf } from "./validation";

const TYPE_WORDS = Object.values(FIELD_TYPE_LABELS);
const SEVERITY_WORDS = Object.values(SEVERITY_LABELS);
/** 调整方式 as a bureau reads it (the engine also accepts cap/penalty). */
const ADJUSTMENT_KIND_WORDS = ["封顶", "扣减"];

function yesNo(b: boolean): string {
  return b ? YES_NO_LABELS.yes : YES_NO_LABELS.no;
}

function direction(output: boolean): string {
  return output ? DIRECTION_LABELS.output : DIRECTION_LABELS.input;
}

/** Lays out one configuration table, header row named by STRUCTURE_TABLE_NAMES. */
export function structureTable(ctx: LayoutContext, sb: SheetBuilder, id: StructureTableId, blankRows: number): void {
  const { desc } = ctx;
  const tableName = STRUCTURE_TABLE_NAMES[id];
  switch (id) {
    case "fields": {
      headerRow(ctx, sb, tableName, Object.values(FIELD_COLUMNS));
      const defs: [string, FieldSpec | ColumnSpec][] = [
        ...desc.fields.map((f): [string, FieldSpec] => [f.name, f]),
        ...desc.tables.flatMap((t) => t.columns.map((c): [string, ColumnSpec] => [`${t.id}.${c.key}`, c])),
      ];
      for (const [name, d] of defs) {
        const row: CellContent[] = [
          name,
          d.label,
          FIELD_TYPE_LABELS[d.type],
          yesNo(d.required),
          d.min,
          d.max,
          direction(d.output),
          d.note,
        ];
        row.forEach((v, i) => {
          const validation =
            i === 2
              ? listOf(TYPE_WORDS, true)
              : i === 3
                ? listOf(YES_NO, true)
                : i === 6
                  ? listOf(Object.values(DIRECTION_LABELS), true)
                  : null;
          sb.put(i, v === "" ? null : v, "config", null, validation);
        });
        sb.row++;
      }
      return;
    }
    case "checks": {
      headerRow(ctx, sb, tableName, Object.values(CHECK_COLUMNS));
      for (const c of desc.checks) {
        const row: CellContent[] = [
          c.id,
          c.condition,
          c.rule,
          c.tolerance,
          c.materiality,
          SEVERITY_LABELS[c.severity],
          c.description,
        ];
        // 重大差额 is text (「1；0.5%」): as a number format, "@" keeps a typed 「2%」 from becoming 0.02.
        row.forEach((v, i) =>
          sb.put(i, v === "" ? null : v, "config", i === 4 ? "@" : null, i === 5 ? listOf(SEVERITY_WORDS, true) : null),
        );
        sb.row++;
      }
      return;
    }
    case "rubric": {
      headerRow(
        ctx,
        sb,
        tableName,
        RUBRIC_LAYOUT.map((k) => RUBRIC_COLUMNS[k]),
      );
      for (const r of desc.rubric) rubricRow(sb, r, ctx.criteria.get(r.id));
      // Room to grow: blank rows above 合计, so an indicator is added by typing, without inserting a row.
      for (let i = 0; i < blankRows; i++) blankRubricRow(sb);
      return;
    }
    case "grades": {
      headerRow(ctx, sb, tableName, Object.values(GRADE_COLUMNS));
      for (const g of desc.grades) {
        sb.put(0, g.grade, "config");
        sb.put(1, g.min, "config", null, { kind: "decimal", min: 0, max: null, message: "请输入不小于 0 的分数" });
        sb.row++;
      }
      return;
    }
    case "adjustments": {
      const labels = Object.values(ADJUSTMENT_COLUMNS);
      headerRow(ctx, sb, tableName, labels);
      const count = Math.max(blankRows, desc.adjustments.length);
      for (let i = 0; i < count; i++) {
        const a = desc.adjustments[i];
        const row: CellContent[] = a
          ? [a.id, a.name, a.formula, a.kind === "cap" ? "封顶" : "扣减", a.params]
          : labels.map(() => null);
        row.forEach((v, ci) => sb.put(ci, v, "config", null, ci === 3 ? listOf(ADJUSTMENT_KIND_WORDS, false) : null));
        sb.row++;
      }
      return;
    }
  }
}
