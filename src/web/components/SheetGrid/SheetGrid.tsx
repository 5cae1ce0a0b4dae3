import { Caption1, mergeClasses } from "@fluentui/react-components";
import { useMemo } from "react";
import { parseA1, findSheet } from "../../../engine";
import { RovingTabList, useI18n } from "../../../taskpane";
import type { BrowserWorkbookState } from "../../../hosts/browser";
import { markKey } from "../../../hosts/browser";
import { cellText, gridWindow, inputExtent, toA1, useSelectedCellFocus } from "./useSheetGrid";
import type { EditCells, Pos } from "./useGridEditing";
import { useGridEditing } from "./useGridEditing";
import { useSheetGridStyles } from "./useSheetGridStyles";

export interface SheetGridProps {
  readonly state: BrowserWorkbookState;
  readonly onSheetChange: (sheet: string) => void;
  /** Type a block into the active sheet (input cells only). */
  readonly onEdit: (sheet: string, ...args: Parameters<EditCells>) => ReturnType<EditCells>;
}

/**
 * The open workbook as a grid: one sheet at a time, problem cells highlighted, the selected cell focused; the input
 * cells (the template's yellow cells) can be typed into or pasted over, every other cell is read-only.
 */
export function SheetGrid({ state, onSheetChange, onEdit }: SheetGridProps) {
  const { t } = useI18n();
  const styles = useSheetGridStyles();
  const snapshot = state.snapshot;
  const sheets = snapshot?.sheets.filter((s) => s.visible !== false) ?? [];
  const active = state.activeSheet ?? sheets[0]?.name ?? "";
  const sheet = snapshot ? findSheet(snapshot, active) : undefined;
  const inputs = state.inputs.get(active);
  const extent = useMemo(() => inputExtent(inputs), [inputs]);
  const selectedPos = state.selected?.sheet === active ? parseA1(state.selected.address.split(":")[0]!) : null;
  const win = gridWindow(sheet, selectedPos, extent);
  const textAt = (p: Pos) => cellText(sheet?.cells[p.row]?.[p.col], t.web.yes, t.web.no);
  const grid = useGridEditing(
    active,
    win,
    (p) => inputs?.has(toA1(p)) ?? false,
    textAt,
    (address, block) => onEdit(active, address, block),
    { pos: selectedPos, seq: state.selectSeq },
  );
  useSelectedCellFocus(state, grid.tableRef);
  if (!snapshot) return null;
  const severityWords = t.validate.severity;
  return (
    <div className={styles.root}>
      <RovingTabList
        size="small"
        className={styles.switcher}
        label={t.web.sheets}
        tabs={sheets.map((s) => ({ value: s.name, label: s.name }))}
        selected={active}
        onSelect={onSheetChange}
      />
      <Caption1 className={styles.note}>
        {state.inputs.size === 0
          ? t.web.noInputs
          : inputs
            ? t.web.editHint
            : `${t.web.editHint}${t.web.noInputsOnSheet}`}
      </Caption1>
      <Caption1 role="status" className={styles.notice} data-testid="grid-notice">
        {grid.notice && (grid.notice.kind === "readOnly" ? t.web.readOnlyCell : t.web.pasteSkipped(grid.notice.count))}
      </Caption1>
      {win.truncated && <Caption1 className={styles.note}>{t.web.truncated(win.rows, win.cols)}</Caption1>}
      {sheet && win.rows === 0 && <Caption1 className={styles.note}>{t.web.emptySheet}</Caption1>}
      {sheet && win.rows > 0 && (
        <div className={styles.scroller} data-grid-scroller>
          <table
            role="grid"
            className={styles.table}
            ref={grid.tableRef}
            onKeyDown={grid.onGridKeyDown}
            onPaste={grid.onPaste}
          >
            <caption className={styles.caption}>{t.web.grid(active)}</caption>
            <thead>
              <tr>
                <th className={styles.head}>
                  <span className={styles.caption}>{t.web.rowNumbers}</span>
                </th>
                {win.columns.map((c) => (
                  <th key={c} scope="col" className={styles.head}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: win.rows }, (_, row) => (
                <tr key={row}>
                  <th scope="row" className={styles.rowHead}>
                    {row + 1}
                  </th>
                  {win.columns.map((_, col) => {
                    const address = toA1({ row, col });
                    const value = sheet.cells[row]?.[col];
                    const mark = state.marks.get(markKey(active, address));
                    const isCursor = grid.cursor.row === row && grid.cursor.col === col;
                    const isInput = inputs?.has(address) ?? false;
                    const editing = grid.editing?.pos.row === row && grid.editing.pos.col === col;
                    return (
                      <td
                        key={address}
                        data-address={address}
                        data-mark={mark}
                        data-input={isInput || undefined}
                        tabIndex={isCursor ? 0 : -1}
                        title={mark ? t.web.mark(severityWords[mark], address) : undefined}
                        aria-selected={isCursor}
                        aria-readonly={!isInput}
                        onClick={() => grid.onCellClick({ row, col })}
                        onDoubleClick={() => grid.onCellDoubleClick({ row, col })}
                        className={mergeClasses(
                          styles.cell,
                          isInput && styles.input,
                          value?.t === "n" && styles.number,
                          mark && styles[mark],
                          isCursor && styles.selected,
                          editing && styles.editingCell,
                        )}
                      >
                        {editing ? (
                          <input
                            className={styles.editor}
                            aria-label={t.web.editCell(address)}
                            value={grid.editing!.text}
                            autoFocus
                            onChange={(e) => grid.setText(e.currentTarget.value)}
                            onKeyDown={grid.onEditorKeyDown}
                            onBlur={grid.onEditorBlur}
                          />
                        ) : (
                          cellText(value, t.web.yes, t.web.no)
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
