/**
 * 发布 from the 模板 tab: the engine records the configuration (rubric, grades, adjustments, 字段定义, 校验规则) and
 * names the sheets to protect; the host writes the record and protects them. Errors in the configuration publish
 * nothing: they are returned for the 校验 list.
 */
import type { Diagnostic } from "../../engine";
import type { WorkbookHost } from "../../hosts/common";
import { localIsoNow } from "../../hosts/common";
import type { EnginePort } from "../engine-port";

export type PublishResult =
  | {
      readonly ok: true;
      readonly cells: number;
      /** The fingerprint's first characters, as the CLI prints them (sha256:0123456789ab). */
      readonly fingerprint: string;
      readonly sheets: readonly string[];
      readonly password: boolean;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export async function publishTemplate(
  host: WorkbookHost,
  engine: EnginePort,
  password: string,
): Promise<PublishResult> {
  if (!host.publish) throw new Error("publish_unsupported");
  const snapshot = await host.readSnapshot();
  // The record keeps the day of publication, as `perfeval publish` writes it.
  const outcome = await engine.publish(snapshot, { now: localIsoNow().slice(0, 10) });
  if (!outcome.fingerprint) return { ok: false, diagnostics: outcome.diagnostics };
  await host.publish({
    writePlan: outcome.writePlan,
    protect: outcome.protect,
    unlock: outcome.unlock,
    ...(password ? { password } : {}),
  });
  return {
    ok: true,
    cells: outcome.cells,
    fingerprint: outcome.fingerprint.slice(0, "sha256:".length + 12),
    sheets: outcome.protect,
    password: password !== "",
  };
}
