import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
} from "@fluentui/react-components";
import type { ScoreSheet } from "../../../engine";
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
  readonly onScore: () => void;
  readonly onShowProblems: () => void;
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
  onScore,
  onShowProblems,
}: ScorePanelProps) {
  const { t } = useI18n();
  const panel = usePanelStyles();
  const styles = useScorePanelStyles();
  const { tree, openKeys } = useScorePanel(scoring?.scores ?? null);
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
      {scoring && !scores && (
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
