import { Caption1, Tab, TabList, mergeClasses } from "@fluentui/react-components";
import { parseA1, findSheet } from "../../../engine";
import { useI18n } from "../../../taskpane";
import type { BrowserWorkbookState } from "../../../hosts/browser";
import { markKey } from "../../../hosts/browser";
import { cellText, gridWindow, toA1, useSelectedCellFocus } from "./useSheetGrid";
import { useSheetGridStyles } from "./useSheetGridStyles";

export interface SheetGridProps {
  readonly state: BrowserWorkbookState;
  readonly onSheetChange: (sheet: string) => void;
}

/** The open workbook as a simple table: one sheet at a time, problem cells highlighted, the selected cell focused. */
export function SheetGrid({ state, onSheetChange }: SheetGridProps) {
  const { t } = useI18n();
  const styles = useSheetGridStyles();
  const tableRef = useSelectedCellFocus(state);
  const snapshot = state.snapshot;
  if (!snapshot) return null;
  const sheets = snapshot.sheets.filter((s) => s.visible !== false);
  const active = state.activeSheet ?? sheets[0]?.name ?? "";
  const sheet = findSheet(snapshot, active);
  const selectedPos = state.selected?.sheet === active ? parseA1(state.selected.address.split(":")[0]!) : null;
  const win = gridWindow(sheet, selectedPos);
  const severityWords = t.validate.severity;
  return (
    <div className={styles.root}>
      <TabList
        size="small"
        className={styles.switcher}
        aria-label={t.web.sheets}
        selectedValue={active}
        onTabSelect={(_, d) => onSheetChange(String(d.value))}
      >
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      {win.truncated && <Caption1 className={styles.note}>{t.web.truncated(win.rows, win.cols)}</Caption1>}
      {sheet && win.rows === 0 && <Caption1 className={styles.note}>{t.web.emptySheet}</Caption1>}
      {sheet && win.rows > 0 && (
        <div className={styles.scroller}>
          <table className={styles.table} ref={tableRef}>
            <caption className={styles.caption}>{t.web.grid(active)}</caption>
            <thead>
              <tr>
                <th className={styles.head} />
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
                    const isSelected = selectedPos?.row === row && selectedPos.col === col;
                    return (
                      <td
                        key={address}
                        data-address={address}
                        data-mark={mark}
                        tabIndex={isSelected ? 0 : -1}
                        title={mark ? t.web.mark(severityWords[mark], address) : undefined}
                        aria-selected={isSelected || undefined}
                        className={mergeClasses(
                          styles.cell,
                          value?.t === "n" && styles.number,
                          mark && styles[mark],
                          isSelected && styles.selected,
                        )}
                      >
                        {cellText(value, t.web.yes, t.web.no)}
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
