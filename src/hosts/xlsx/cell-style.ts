/** Fills and fonts of the template's cell roles (docs/template-format.md: yellow inputs, green outputs, blue config). */
import type { Alignment, Border, Borders, Fill, Font } from "exceljs";
import type { CellRole } from "../../templates";

export const ROLE_FILLS = {
  input: "FFFFF2CC",
  output: "FFE2EFDA",
  config: "FFDDEBF7",
} as const;

const thin: Partial<Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const box: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function solid(argb: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

export interface RoleStyle {
  readonly font?: Partial<Font>;
  readonly fill?: Fill;
  readonly border?: Partial<Borders>;
  readonly alignment?: Partial<Alignment>;
  /** Input cells are unlocked so a bureau can protect the sheet and still let people type. */
  readonly unlocked?: boolean;
}

export const ROLE_STYLES: Readonly<Record<CellRole, RoleStyle>> = {
  title: { font: { bold: true, size: 14 } },
  heading: { font: { bold: true } },
  text: {},
  note: { font: { color: { argb: "FF7F7F7F" } } },
  label: {},
  header: { font: { bold: true }, fill: solid("FFF2F2F2"), border: box, alignment: { vertical: "middle" } },
  input: { fill: solid(ROLE_FILLS.input), border: box, unlocked: true },
  output: { fill: solid(ROLE_FILLS.output), border: box },
  config: { fill: solid(ROLE_FILLS.config), border: box },
  meta: {},
};
