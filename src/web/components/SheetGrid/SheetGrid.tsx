import { Caption1, mergeClasses } from "@fluentui/react-components";
import { useMemo, useRef } from "react";
import { parseA1, findSheet } from "../../../engine";
import { RovingTabList, useI18n } from "../../../taskpane";
import type { BrowserWorkbookState } from "../../../hosts/browser";
import { cellText, gridWindow, inputExtent, toA1, useSelectedCellFocus } from "./useSheetGrid";
import type { EditCells, Pos } from "./useGridEditing";
import { useGridEditing } from "./useGridEditing";
import { useSheetGridStyles } from "./useSheetGridStyles";
import { GridRow } from "./GridRow";
import type { RowActions } from "./GridRow";
import { useRowWindow } from "./useRowWindow";
import { useCellRoles } from "./useCellRoles";

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
  const roles = useCellRoles(snapshot, state.inputs, active);
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
  // One stable object for every row (memoised), calling whatever the grid's handlers are now.
  const latest = useRef(grid);
  latest.current = grid;
  const actions = useMemo<RowActions>(
    () => ({
      onCellClick: (p) => latest.current.onCellClick(p),
      onCellDoubleClick: (p) => latest.current.onCellDoubleClick(p),
      setText: (text) => latest.current.setText(text),
      onEditorKeyDown: (e) => latest.current.onEditorKeyDown(e),
      onEditorBlur: () => latest.current.onEditorBlur(),
    }),
    [],
  );
  const rows = useRowWindow(win.rows, [grid.cursor.row, selectedPos?.row ?? null], active, grid.tableRef);
  useSelectedCellFocus(state, grid.tableRef);
  if (!snapshot) return null;
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
      {/* The legend and the grid's notices share a line: the grid keeps its height (a screen, less the header). */}
      <div className={styles.legendRow}>
        {state.inputs.size > 0 && (
          <Caption1 className={styles.legend} data-testid="grid-legend">
            {(["input", "output", "config"] as const).map((r) => (
              <span key={r}>
                <span aria-hidden className={mergeClasses(styles.swatch, styles[r])} />
                {t.web.roles[r]}
              </span>
            ))}
          </Caption1>
        )}
        <Caption1 role="status" className={styles.notice} data-testid="grid-notice">
          {grid.notice &&
            (grid.notice.kind === "readOnly" ? t.web.readOnlyCell : t.web.pasteSkipped(grid.notice.count))}
        </Caption1>
      </div>
      {win.truncated && <Caption1 className={styles.note}>{t.web.truncated(win.rows, win.cols)}</Caption1>}
      {sheet && win.rows === 0 && <Caption1 className={styles.note}>{t.web.emptySheet}</Caption1>}
      {sheet && win.rows > 0 && (
        <div className={styles.scroller} data-grid-scroller ref={rows.scrollerRef} onScroll={rows.onScroll}>
          <table
            role="grid"
            aria-rowcount={win.rows + 1}
            className={styles.table}
            ref={grid.tableRef}
            onKeyDown={grid.onGridKeyDown}
            onPaste={grid.onPaste}
          >
            <caption className={styles.caption}>{t.web.grid(active)}</caption>
            <thead>
              <tr aria-rowindex={1}>
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
              {rows.items.map((item, i) =>
                item.kind === "gap" ? (
                  // Rows not drawn (out of view): their height, so the scroll bar and positions stay true.
                  <tr key={`gap-${i}`} aria-hidden className={styles.gap} style={{ height: item.height }} />
                ) : (
                  <GridRow
                    key={item.row}
                    row={item.row}
                    cells={sheet.cells[item.row]}
                    columns={win.columns.length}
                    sheet={active}
                    roles={roles}
                    marks={state.marks}
                    cursorCol={grid.cursor.row === item.row ? grid.cursor.col : -1}
                    editing={
                      grid.editing?.pos.row === item.row
                        ? { col: grid.editing.pos.col, initial: grid.editing.text }
                        : null
                    }
                    actions={actions}
                    t={t}
                    styles={styles}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
