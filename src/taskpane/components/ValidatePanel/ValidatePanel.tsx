import { Body1, Button, Caption1, ToggleButton, mergeClasses } from "@fluentui/react-components";
import { useCallback } from "react";
import type { CellRef, Diagnostic } from "../../../engine";
import type { EnginePort } from "../../engine-port";
import { useI18n } from "../../i18n";
import { PanelStatus } from "../PanelStatus/PanelStatus";
import { usePanelStyles } from "../usePanelStyles";
import type { DiagnosticRow, GroupItem } from "./useValidatePanel";
import { SEVERITIES, ruleOf, useValidatePanel } from "./useValidatePanel";
import { useValidatePanelStyles } from "./useValidatePanelStyles";

export interface ValidatePanelProps {
  readonly diagnostics: readonly Diagnostic[] | null;
  readonly engine: EnginePort;
  readonly busy: boolean;
  /** The last success in this tab (its status line). */
  readonly notice?: string | null;
  readonly onValidate: () => void;
  readonly onSelectCell: (ref: CellRef) => void;
}

function Row({ row, onSelectCell }: { row: DiagnosticRow; onSelectCell: (ref: CellRef) => void }) {
  const { t } = useI18n();
  const styles = useValidatePanelStyles();
  const d = row.diagnostic;
  const loc = d.location;
  const sevClass = { error: styles.error, warning: styles.warning, info: styles.info }[d.severity];
  const sevText = { error: styles.severityError, warning: styles.severityWarning, info: styles.severityInfo }[
    d.severity
  ];
  const cell = loc ? t.validate.cell(loc.sheet, loc.address) : row.rendered.where;
  // The 校验规则 rule (C01) for support, quietly beside the cell: it means nothing in the sentence.
  const rule = ruleOf(d);
  const content = (
    <>
      <span className={styles.head}>
        <span className={mergeClasses(styles.severity, sevText)}>{t.validate.severity[d.severity]}</span>
        {loc?.label && <span className={styles.label}>{loc.label}</span>}
        {cell && <span className={styles.cell}>{cell}</span>}
        {rule && (
          <span className={styles.rule} title={t.validate.ruleTitle(rule)}>
            {t.validate.rule(rule)}
          </span>
        )}
      </span>
      <span className={styles.message}>{row.rendered.message}</span>
      {row.rendered.fix && <span className={styles.fix}>{t.validate.fix(row.rendered.fix)}</span>}
    </>
  );
  if (!loc) return <div className={mergeClasses(styles.row, styles.rowStatic, sevClass)}>{content}</div>;
  const ref: CellRef = loc.name
    ? { sheet: loc.sheet, address: loc.address, name: loc.name }
    : { sheet: loc.sheet, address: loc.address };
  return (
    <button
      type="button"
      className={mergeClasses(styles.row, sevClass)}
      onClick={() => onSelectCell(ref)}
      title={t.validate.goTo(cell)}
    >
      {content}
    </button>
  );
}

/** Many alike problems as one line that opens to their cards (closed at first), or one card. */
function Item({
  item,
  where,
  open,
  onToggle,
  onSelectCell,
}: {
  item: GroupItem;
  where: string;
  open: boolean;
  onToggle: (key: string) => void;
  onSelectCell: (ref: CellRef) => void;
}) {
  const { t } = useI18n();
  const styles = useValidatePanelStyles();
  if (item.kind === "row") return <Row row={item.row} onSelectCell={onSelectCell} />;
  const first = item.rows[0]!.diagnostic;
  const labels = item.rows.flatMap((r) => (r.diagnostic.location?.label ? [r.diagnostic.location.label] : []));
  const listId = `summary-${item.key.replace(/[^\w-]/g, (c) => c.charCodeAt(0).toString(36))}`;
  const sevClass = { error: styles.error, warning: styles.warning, info: styles.info }[first.severity];
  const sevText = { error: styles.severityError, warning: styles.severityWarning, info: styles.severityInfo }[
    first.severity
  ];
  return (
    <>
      <button
        type="button"
        className={mergeClasses(styles.row, styles.summary, sevClass)}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => onToggle(item.key)}
      >
        <span className={styles.head}>
          <span aria-hidden className={styles.chevron}>
            {open ? "▾" : "▸"}
          </span>
          <span className={mergeClasses(styles.severity, sevText)}>{t.validate.severity[first.severity]}</span>
          <span className={styles.label}>{t.validate.summary(where, first.code, item.rows.length)}</span>
          <span className={styles.cell}>{open ? t.validate.summaryClose : t.validate.summaryOpen}</span>
        </span>
        {labels.length > 0 && (
          <span className={styles.fix}>{t.validate.summaryOf(labels.slice(0, 3), labels.length > 3)}</span>
        )}
      </button>
      {open && (
        <ul id={listId} className={mergeClasses(styles.list, styles.summaryList)}>
          {item.rows.map((row) => (
            <li key={row.key}>
              <Row row={row} onSelectCell={onSelectCell} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** 校验: run the checks, filter by severity, and jump to a problem's cell. */
export function ValidatePanel({
  diagnostics,
  engine,
  busy,
  notice = null,
  onValidate,
  onSelectCell,
}: ValidatePanelProps) {
  const { t, lang } = useI18n();
  const panel = usePanelStyles();
  const styles = useValidatePanelStyles();
  const render = useCallback((d: Diagnostic) => engine.renderDiagnostic(d, lang), [engine, lang]);
  const state = useValidatePanel(diagnostics, render);
  return (
    <div className={panel.panel}>
      <Button appearance="primary" className={panel.primary} disabled={busy} onClick={onValidate}>
        {t.validate.run}
      </Button>
      <PanelStatus text={notice} />
      {diagnostics === null && <Caption1 className={panel.hint}>{t.validate.hint}</Caption1>}
      {diagnostics !== null && state.total === 0 && <Body1>{t.validate.none}</Body1>}
      {state.total > 0 && (
        <div className={styles.chips} role="group" aria-label={t.validate.filters}>
          {SEVERITIES.map((s) => (
            <ToggleButton
              key={s}
              size="small"
              shape="circular"
              checked={state.active.has(s)}
              disabled={state.counts[s] === 0}
              // A chosen filter shows a tick as well as its colour: never colour alone.
              icon={
                state.active.has(s) ? (
                  <span aria-hidden className={styles.tick}>
                    ✓
                  </span>
                ) : undefined
              }
              onClick={() => state.toggle(s)}
            >
              {t.validate.count[s](state.counts[s])}
            </ToggleButton>
          ))}
        </div>
      )}
      {state.total > 0 && state.groups.length === 0 && (
        <Caption1 className={panel.hint}>{t.validate.filteredOut}</Caption1>
      )}
      {state.groups.map((g) => {
        const title = g.sheet ?? t.validate.general;
        return (
          <section key={title} className={styles.group} aria-label={title}>
            <div className={styles.groupHead}>
              <h2 className={styles.groupTitle}>{title}</h2>
              {/* How many, so a long list of like cards (a blank template's 必填项) reads as one fact. */}
              <Caption1 className={styles.groupCount}>{t.validate.groupCount(g.rows.length)}</Caption1>
            </div>
            <ul className={styles.list}>
              {g.items.map((item) => {
                const key = item.kind === "row" ? item.row.key : item.key;
                return (
                  <li key={key}>
                    <Item
                      item={item}
                      where={title}
                      open={state.open.has(key)}
                      onToggle={state.toggleOpen}
                      onSelectCell={onSelectCell}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
