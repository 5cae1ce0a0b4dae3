/** The standard template and the filled Wanzhou 2020 example as .xlsx bytes. */
import seedJson from "../../../assets/examples/wanzhou-2020.json";
import { buildExampleDescription, standardTemplateDescription } from "../../templates";
import type { SeedData } from "../../templates";
import { buildTemplateWorkbook } from "./write-template";
import type { BuildTemplateOptions } from "./write-template";

/** The seed data shipped in assets/examples/wanzhou-2020.json. */
export const WANZHOU_2020_SEED: SeedData = seedJson;

/** The blank standard template (cn.perfeval.dept-overall 1.0.0). */
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
