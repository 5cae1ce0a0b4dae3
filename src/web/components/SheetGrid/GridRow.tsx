import { mergeClasses } from "@fluentui/react-components";
import { memo, useState } from "react";
import type { KeyboardEvent } from "react";
import type { CellValue, Severity } from "../../../engine";
import { markKey } from "../../../hosts/browser";
import type { useI18n } from "../../../taskpane";
import { cellText, toA1 } from "./useSheetGrid";
import type { Pos } from "./useGridEditing";
import type { useSheetGridStyles } from "./useSheetGridStyles";
import type { SheetRoles } from "./useCellRoles";

/** What a row does with the person's clicks and keys; one stable object for every row (rows are memoised). */
export interface RowActions {
  readonly onCellClick: (pos: Pos) => void;
  readonly onCellDoubleClick: (pos: Pos) => void;
  readonly setText: (text: string) => void;
  readonly onEditorKeyDown: (e: KeyboardEvent) => void;
  readonly onEditorBlur: () => void;
}

export interface GridRowProps {
  readonly row: number;
  readonly cells: readonly CellValue[] | undefined;
  readonly columns: number;
  readonly sheet: string;
  /** Input, output or configuration cell (the template's yellow, green, blue), and formulas read with labels. */
  readonly roles: SheetRoles;
  readonly marks: ReadonlyMap<string, Severity>;
  /** The cursor's column when the cursor is on this row, else -1. */
  readonly cursorCol: number;
  /** The cell being edited on this row, with the text it started from. */
  readonly editing: { readonly col: number; readonly initial: string } | null;
  readonly actions: RowActions;
  readonly t: ReturnType<typeof useI18n>["t"];
  readonly styles: ReturnType<typeof useSheetGridStyles>;
}

/** The editor of one cell: it keeps what is typed itself, so a keystroke repaints this input and nothing else. */
function CellEditor({
  initial,
  label,
  className,
  actions,
}: {
  readonly initial: string;
  readonly label: string;
  readonly className: string;
  readonly actions: RowActions;
}) {
  const [text, setText] = useState(initial);
  return (
    <input
      className={className}
      aria-label={label}
      value={text}
      autoFocus
      onChange={(e) => {
        setText(e.currentTarget.value);
        actions.setText(e.currentTarget.value);
      }}
      onKeyDown={actions.onEditorKeyDown}
      onBlur={actions.onEditorBlur}
    />
  );
}

/** One row of the grid; drawn again only when its cells, its marks, the cursor or the editor on it change. */
export const GridRow = memo(function GridRow({
  row,
  cells,
  columns,
  sheet,
  roles,
  marks,
  cursorCol,
  editing,
  actions,
  t,
  styles,
}: GridRowProps) {
  const severityWords = t.validate.severity;
  return (
    // aria-rowindex: the row as a screen reader counts it in the whole sheet (the header row is 1).
    <tr data-row={row} aria-rowindex={row + 2}>
      <th scope="row" className={styles.rowHead}>
        {row + 1}
      </th>
      {Array.from({ length: columns }, (_, col) => {
        const address = toA1({ row, col });
        const value = cells?.[col];
        const mark = marks.get(markKey(sheet, address));
        const isCursor = cursorCol === col;
        const role = roles.role(address);
        const isInput = role === "input";
        const reading = roles.reading(address);
        const title = [
          mark ? t.web.mark(severityWords[mark], address) : "",
          reading ? t.web.formulaReading(reading) : "",
        ]
          .filter((x) => x !== "")
          .join("\n");
        const isEditing = editing?.col === col;
        return (
          <td
            key={address}
            data-address={address}
            data-mark={mark}
            data-input={isInput || undefined}
            data-role={role ?? undefined}
            tabIndex={isCursor ? 0 : -1}
            title={title || undefined}
            aria-selected={isCursor}
            aria-readonly={!isInput}
            onClick={() => actions.onCellClick({ row, col })}
            onDoubleClick={() => actions.onCellDoubleClick({ row, col })}
            className={mergeClasses(
              styles.cell,
              role ? styles[role] : undefined,
              value?.t === "n" && styles.number,
              mark && styles[mark],
              isCursor && styles.selected,
              isEditing && styles.editingCell,
            )}
          >
            {isEditing ? (
              <CellEditor
                initial={editing.initial}
                label={t.web.editCell(address)}
                className={styles.editor}
                actions={actions}
              />
            ) : (
              cellText(value, t.web.yes, t.web.no)
            )}
          </td>
        );
      })}
    </tr>
  );
});
