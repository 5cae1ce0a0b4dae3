/**
 * The template families this product knows, as the engine needs them to place a damaged workbook's lost names:
 * template id → lower-cased defined name → the sheet the family keeps it on (read off each family's description).
 */
import type { KnownTemplates } from "../engine";
import { META_NAMES, META_SHEET, STRUCTURE_TABLE_NAMES, TABLE_NAME_PREFIX } from "../engine";
import type { TemplateDescription } from "./layout/types";
import { TEMPLATE_FAMILIES } from "./families";

/** Lower-cased defined name → its sheet in a template family's description (and the _meta names). */
export function nameSheetsOf(description: TemplateDescription): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const sheet of description.sheets) {
    for (const block of sheet.blocks) {
      if (block.kind === "fields") for (const n of block.names) out.set(n.toLowerCase(), sheet.name);
      else if (block.kind === "table") out.set(`${TABLE_NAME_PREFIX}${block.id}`.toLowerCase(), sheet.name);
      else if (block.kind === "structure") out.set(STRUCTURE_TABLE_NAMES[block.id].toLowerCase(), sheet.name);
      else if (block.kind === "rubricTotal")
        for (const n of [block.weight, block.score]) out.set(n.toLowerCase(), sheet.name);
    }
  }
  for (const n of Object.values(META_NAMES)) out.set(n.toLowerCase(), META_SHEET);
  return out;
}

/** Every family of src/templates, for the engine's `knownTemplates` option (one object: pass it as is). */
export const KNOWN_TEMPLATES: KnownTemplates = new Map(
  TEMPLATE_FAMILIES.map((f) => [f.info.id, nameSheetsOf(f.description())]),
);
