import Decimal from "decimal.js";
import { useMemo } from "react";
import type { IndicatorResult, LevelResult, ScoreSheet } from "../../../engine";

export interface LeafNode {
  readonly kind: "leaf";
  readonly key: string;
  readonly indicator: IndicatorResult;
  /** Points were deducted (score below weight). */
  readonly deducted: boolean;
}

export interface BranchNode {
  readonly kind: "branch";
  readonly key: string;
  readonly name: string;
  readonly depth: 1 | 2;
  readonly weight: number;
  readonly score: number;
  readonly children: readonly (BranchNode | LeafNode)[];
}

interface Draft {
  readonly name: string;
  readonly depth: 1 | 2;
  readonly children: Map<string, Draft>;
  readonly leaves: IndicatorResult[];
  readonly order: (string | IndicatorResult)[];
}

const draft = (name: string, depth: 1 | 2): Draft => ({ name, depth, children: new Map(), leaves: [], order: [] });

// Subtotals come from the engine; the exact sum is only a fallback when a level is missing from its list.
function sum(values: readonly number[]): number {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0)).toNumber();
}

function findLevel(
  levels: readonly LevelResult[],
  depth: 1 | 2,
  name: string,
  parent?: LevelResult,
): LevelResult | undefined {
  return levels.find((l) => l.depth === depth && l.name === name && (!parent || parent.children.includes(l.id)));
}

function leafOf(ind: IndicatorResult): LeafNode {
  return { kind: "leaf", key: `i:${ind.id}`, indicator: ind, deducted: ind.score < ind.weight };
}

/** The indicator tree 一级 › 二级 › 三级 from the indicators' paths, with the engine's subtotals. */
export function buildScoreTree(scores: ScoreSheet): BranchNode[] {
  const roots = new Map<string, Draft>();
  for (const ind of scores.indicators) {
    const [l1 = ind.name, l2] = ind.path;
    let top = roots.get(l1);
    if (!top) roots.set(l1, (top = draft(l1, 1)));
    if (l2 === undefined || ind.path.length < 3) {
      top.order.push(ind);
      continue;
    }
    let mid = top.children.get(l2);
    if (!mid) {
      top.children.set(l2, (mid = draft(l2, 2)));
      top.order.push(l2);
    }
    mid.order.push(ind);
  }
  const finish = (d: Draft, parentLevel?: LevelResult): BranchNode => {
    const level = findLevel(scores.levels, d.depth, d.name, parentLevel);
    const children = d.order.map((o) => (typeof o === "string" ? finish(d.children.get(o)!, level) : leafOf(o)));
    const weights = children.map((c) => (c.kind === "leaf" ? c.indicator.weight : c.weight));
    const points = children.map((c) => (c.kind === "leaf" ? c.indicator.score : c.score));
    return {
      kind: "branch",
      key: `${d.depth}:${parentLevel?.id ?? ""}:${d.name}`,
      name: d.name,
      depth: d.depth,
      weight: level?.weight ?? sum(weights),
      score: level?.score ?? sum(points),
      children,
    };
  };
  return [...roots.values()].map((d) => finish(d));
}

/** Every branch key (to open the tree fully). */
export function branchKeys(nodes: readonly (BranchNode | LeafNode)[]): string[] {
  return nodes.flatMap((n) => (n.kind === "branch" ? [n.key, ...branchKeys(n.children)] : []));
}

/** The indicators that lost points, most points lost first (rubric order among equals). */
export function lostIndicators(scores: ScoreSheet): IndicatorResult[] {
  const lost = (i: IndicatorResult): number => new Decimal(i.weight).minus(i.score).toNumber();
  return scores.indicators
    .map((ind, order) => ({ ind, order }))
    .filter(({ ind }) => lost(ind) > 0)
    .sort((a, b) => lost(b.ind) - lost(a.ind) || a.order - b.order)
    .map(({ ind }) => ind);
}

/**
 * The tree opens collapsed to the first level (the full tree was 2,000 px tall at 320 px); where points were lost
 * is the 失分项 list above it.
 */
export function useScorePanel(scores: ScoreSheet | null): {
  tree: BranchNode[];
  openKeys: string[];
  lost: IndicatorResult[];
} {
  return useMemo(() => {
    const tree = scores ? buildScoreTree(scores) : [];
    return { tree, openKeys: [], lost: scores ? lostIndicators(scores) : [] };
  }, [scores]);
}
