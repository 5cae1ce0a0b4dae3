import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
} from "@fluentui/react-components";
import type { CellRef, IndicatorResult, ScoreSheet } from "../../../engine";
import { describeWrite } from "../../describe-write";
import { formatIndicatorValue, formatPoints } from "../../format";
import { useI18n } from "../../i18n";
import type { ScoringView } from "../../state/use-pane";
import { gradeColor } from "../StatusLine/useStatusLine";
import { PanelStatus } from "../PanelStatus/PanelStatus";
import { usePanelStyles } from "../usePanelStyles";
import type { BranchNode, LeafNode } from "./useScorePanel";
import { useScorePanel } from "./useScorePanel";
import { useScorePanelStyles } from "./useScorePanelStyles";

export interface ScorePanelProps {
  readonly scoring: ScoringView | null;
  readonly firstWrite: boolean;
  readonly busy: boolean;
  /** The last success in this tab (its status line). */
  readonly notice?: string | null;
  /** The workbook changed after scoring: the earlier result is not shown as current. */
  readonly stale?: boolean;
  /** Warnings left open by the last 评分 (they do not block scoring, but the accountant should know). */
  readonly warnings?: number;
  readonly onScore: () => void;
  readonly onShowProblems: () => void;
  /** Select an indicator's row in 指标体系. */
  readonly onSelectCell?: (ref: CellRef) => void;
}

function Leaf({ node }: { node: LeafNode }) {
  const { t } = useI18n();
  const styles = useScorePanelStyles();
  const ind = node.indicator;
  const value = formatIndicatorValue(ind, t.score);
  return (
    <TreeItem itemType="leaf" value={node.key}>
      <TreeItemLayout className={styles.layout}>
        <span className={styles.item}>
          <span className={styles.name}>{ind.name}</span>
          <span className={styles.meta}>
            {[
              t.score.weight(formatPoints(ind.weight)),
              t.score.value(value),
              t.score.score(formatPoints(ind.score)),
            ].join(" · ")}
          </span>
          {ind.criterion && <span className={styles.criterion}>{t.score.criterion(ind.criterion)}</span>}
          {node.deducted && ind.reason && <span className={styles.reason}>{t.score.reason(ind.reason)}</span>}
        </span>
      </TreeItemLayout>
    </TreeItem>
  );
}

function Branch({ node }: { node: BranchNode }) {
  const { t } = useI18n();
  const styles = useScorePanelStyles();
  return (
    <TreeItem itemType="branch" value={node.key}>
      <TreeItemLayout className={styles.layout}>
        <span className={styles.item}>
          <span className={styles.branchName}>{node.name}</span>
          <span className={styles.meta}>{t.score.subtotal(formatPoints(node.score), formatPoints(node.weight))}</span>
        </span>
      </TreeItemLayout>
      <Tree>
        {node.children.map((c) =>
          c.kind === "branch" ? <Branch key={c.key} node={c} /> : <Leaf key={c.key} node={c} />,
        )}
      </Tree>
    </TreeItem>
  );
}

/** Every indicator that lost points, most lost first: the name, the points lost and why; click → its row. */
function LostPoints({
  lost,
  onSelectCell,
}: {
  lost: readonly IndicatorResult[];
  onSelectCell?: (ref: CellRef) => void;
}) {
  const { t } = useI18n();
  const styles = useScorePanelStyles();
  return (
    <section aria-label={t.score.lostTitle} className={styles.lost}>
      <h2 className={styles.sectionTitle}>{t.score.lostTitle}</h2>
      {lost.length === 0 ? (
        <Caption1>{t.score.noneLost}</Caption1>
      ) : (
        <ul className={styles.lostList}>
          {lost.map((ind) => (
            <li key={ind.id}>
              <button
                type="button"
                className={styles.lostRow}
                title={t.validate.goTo(t.validate.cell(ind.ref.sheet, ind.ref.address))}
                onClick={() => onSelectCell?.(ind.ref)}
              >
                <span className={styles.lostHead}>
                  <span className={styles.name}>{ind.name}</span>
                  <span className={styles.lostPoints}>{t.score.lost(formatPoints(ind.weight - ind.score))}</span>
                </span>
                {ind.reason && <span className={styles.reason}>{t.score.reason(ind.reason)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One compact bar per first-level indicator: score against weight, always with the numbers. */
function LevelBars({ levels }: { levels: readonly BranchNode[] }) {
  const { t } = useI18n();
  const styles = useScorePanelStyles();
  return (
    <ul className={styles.bars} aria-label={t.score.levelsTitle}>
      {levels.map((l) => {
        const text = t.score.levelLine(l.name, formatPoints(l.score), formatPoints(l.weight));
        return (
          <li key={l.key} className={styles.bar}>
            <span className={styles.barText}>{text}</span>
            <ProgressBar
              value={l.weight > 0 ? Math.max(0, Math.min(l.score, l.weight)) : 0}
              max={l.weight > 0 ? l.weight : 1}
              thickness="large"
              shape="rounded"
              aria-label={text}
            />
          </li>
        );
      })}
    </ul>
  );
}

function Totals({ scores }: { scores: ScoreSheet }) {
  const { t } = useI18n();
  const styles = useScorePanelStyles();
  const total = formatPoints(scores.total);
  return (
    <div className={styles.totalRow}>
      <Text className={styles.total}>
        {t.score.total} {t.score.totalLine(total, formatPoints(scores.fullScore))}
      </Text>
      <Badge appearance="filled" color={gradeColor(scores.grade)}>
        {`${t.score.grade} ${scores.grade}`}
      </Badge>
      {scores.rawTotal !== scores.total && <Caption1>{t.score.rawTotal(formatPoints(scores.rawTotal))}</Caption1>}
    </div>
  );
}

/** 评分: score and write, then the total, the grade and the indicator tree with reasons for deductions. */
export function ScorePanel({
  scoring,
  firstWrite,
  busy,
  notice = null,
  stale = false,
  warnings = 0,
  onScore,
  onShowProblems,
  onSelectCell,
}: ScorePanelProps) {
  const { t } = useI18n();
  const panel = usePanelStyles();
  const styles = useScorePanelStyles();
  const { tree, openKeys, lost } = useScorePanel(scoring?.scores ?? null);
  const scored = scoring?.scores ?? null;
  // An out-of-date result is replaced by the warning, not shown beside it as if it were current.
  const outdated = stale && scored !== null;
  const scores = outdated ? null : scored;
  return (
    <div className={panel.panel}>
      <Button appearance="primary" className={panel.primary} disabled={busy} onClick={onScore}>
        {t.score.run}
      </Button>
      <PanelStatus text={notice} />
      {!scoring && <Caption1 className={panel.hint}>{t.score.hint}</Caption1>}
      {firstWrite && !scoring?.summary && (
        <MessageBar intent="info">
          <MessageBarBody>{t.score.whereOutputs}</MessageBarBody>
        </MessageBar>
      )}
      {scoring && !scored && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.score.blocked(scoring.errors)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onShowProblems}>
              {t.score.showProblems}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {outdated && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.score.stale}</MessageBarBody>
        </MessageBar>
      )}
      {scores && scoring?.summary && <Body1 className={styles.summary}>{describeWrite(scoring.summary, t)}</Body1>}
      {scores && <Totals scores={scores} />}
      {scores && warnings > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.score.openWarnings(warnings)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onShowProblems}>
              {t.score.showProblems}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {scores && <LevelBars levels={tree} />}
      {scores && <LostPoints lost={lost} onSelectCell={onSelectCell} />}
      {scores && (
        <Tree aria-label={t.score.tree} defaultOpenItems={openKeys}>
          {tree.map((n) => (
            <Branch key={n.key} node={n} />
          ))}
        </Tree>
      )}
      {scores && scores.adjustments.some((a) => a.penalty !== 0 || a.cap !== null) && (
        <section aria-label={t.score.adjustments}>
          <Caption1>{t.score.adjustments}</Caption1>
          <ul>
            {scores.adjustments
              .filter((a) => a.penalty !== 0 || a.cap !== null)
              .map((a) => (
                <li key={a.id}>
                  <Caption1>
                    {a.name}
                    {a.penalty !== 0 ? ` −${formatPoints(a.penalty)}` : ""}
                    {a.cap !== null ? ` ≤ ${formatPoints(a.cap)}` : ""}
                  </Caption1>
                </li>
              ))}
          </ul>
        </section>
      )}
    </div>
  );
}
