/** The standard template and the filled Wanzhou 2020 example as .xlsx bytes. */
import seedJson from "../../../assets/examples/wanzhou-2020.json";
import { createEngine } from "../../engine";
import { buildExampleDescription, KNOWN_TEMPLATES, standardTemplateDescription } from "../../templates";
import { publishWorkbook } from "./publish";
import type { SeedData } from "../../templates";
import { buildTemplateWorkbook } from "./write-template";
import type { BuildTemplateOptions } from "./write-template";

/** The seed data shipped in assets/examples/wanzhou-2020.json. */
export const WANZHOU_2020_SEED: SeedData = seedJson;

/** The blank standard template (cn.perfeval.dept-overall), unpublished. */
export function buildStandardTemplate(options?: BuildTemplateOptions): Promise<Uint8Array> {
  return buildTemplateWorkbook(standardTemplateDescription(), options);
}

/** The standard template filled with the seed (default: 万州区外事办 2020). */
export function buildExampleWorkbook(
  seed: SeedData = WANZHOU_2020_SEED,
  options?: BuildTemplateOptions,
): Promise<Uint8Array> {
  return buildTemplateWorkbook(buildExampleDescription(seed), options);
}

/** The date the shipped files are published on (fixed, so that they only change when their content does). */
export const SHIPPED_PUBLISHED_ON = "2026-12-04";

/**
 * A template as it ships (assets/*.xlsx): published, so that 校验 on a department's copy names any change to its
 * configuration, with its configuration sheets protected (no password).
 */
export async function shippedPublished(bytes: Uint8Array): Promise<Uint8Array> {
  const engine = createEngine({ knownTemplates: KNOWN_TEMPLATES });
  const out = await publishWorkbook(engine, bytes, { now: SHIPPED_PUBLISHED_ON });
  if (!out.bytes) throw new Error(`the shipped template does not publish: ${JSON.stringify(out.outcome.diagnostics)}`);
  return out.bytes;
}
