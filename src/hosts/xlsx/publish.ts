/** 发布 on .xlsx bytes: the engine's record of the configuration written to _meta, and its sheets protected. */
import type { EngineSession, PublishOutcome } from "../../engine";
import { applyWritePlan } from "./apply-plan";
import { readSnapshot } from "./read-snapshot";

export interface PublishedWorkbook {
  readonly outcome: PublishOutcome;
  /** The published workbook; null when errors in the configuration stand (nothing is written then). */
  readonly bytes: Uint8Array | null;
}

export async function publishWorkbook(
  engine: EngineSession,
  bytes: Uint8Array,
  options: { readonly now: string; readonly password?: string },
): Promise<PublishedWorkbook> {
  const outcome = engine.publish(await readSnapshot(bytes), { now: options.now });
  if (!outcome.fingerprint) return { outcome, bytes: null };
  const protect = { sheets: outcome.protect, unlock: outcome.unlock, password: options.password };
  return { outcome, bytes: (await applyWritePlan(bytes, outcome.writePlan, { protect, recalculate: false })).bytes };
}
