/**
 * The template families this product ships, each as data: its identity and its description (what the generic
 * writer lays out). The CLI's `perfeval families` and `template --family` read this list; a second family is one
 * more entry.
 */
import type { TemplateInfo } from "../engine";
import type { TemplateDescription } from "./layout/types";
import { STANDARD_TEMPLATE_INFO, standardTemplateDescription } from "./standard/description";

export interface TemplateFamily {
  readonly info: TemplateInfo;
  /** The blank template as data. */
  readonly description: () => TemplateDescription;
}

export const TEMPLATE_FAMILIES: readonly TemplateFamily[] = [
  { info: STANDARD_TEMPLATE_INFO, description: standardTemplateDescription },
];

/** The family of a template id (exact, ignoring case and surrounding spaces), or undefined. */
export function findFamily(id: string): TemplateFamily | undefined {
  const want = id.trim().toLowerCase();
  return TEMPLATE_FAMILIES.find((f) => f.info.id.toLowerCase() === want);
}
