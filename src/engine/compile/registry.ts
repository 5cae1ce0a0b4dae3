import type { RuleKind, RuleKindId } from "./rule-types";
import { threshold } from "./rules/threshold";
import { deductPerPoint } from "./rules/deduct-per-point";
import { stepPerBlock } from "./rules/step-per-block";
import { bands } from "./rules/bands";
import { proportional } from "./rules/proportional";
import { checklist } from "./rules/checklist";
import { perEvent } from "./rules/per-event";
import { manual } from "./rules/manual";

/** The closed set of rule kinds, by id. */
export const RULES: Readonly<Record<RuleKindId, Readonly<RuleKind>>> = {
  threshold,
  deduct_per_point: deductPerPoint,
  step_per_block: stepPerBlock,
  bands,
  proportional,
  checklist,
  per_event: perEvent,
  manual,
};

const BY_NAME: ReadonlyMap<string, RuleKind> = new Map(
  Object.values(RULES).flatMap((d) => [
    [d.id, d],
    [d.zh, d],
  ]),
);

/** A rule kind by its id (`threshold`) or Chinese name (达标), ignoring surrounding spaces and case; undefined when unknown. */
export function findRule(kind: string): RuleKind | undefined {
  return BY_NAME.get(kind.trim()) ?? BY_NAME.get(kind.trim().toLowerCase());
}
