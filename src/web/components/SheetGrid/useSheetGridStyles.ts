import { makeStyles, tokens } from "@fluentui/react-components";

/** A palette colour `percent` % of the way from the theme's background. */
function fill(colour: string, percent: number): string {
  return `color-mix(in srgb, ${colour} ${percent}%, ${tokens.colorNeutralBackground1})`;
}

export const useSheetGridStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, rowGap: tokens.spacingVerticalS },
  switcher: { flexWrap: "wrap" },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: "240px",
    // Its own scroll area, a screen high at most: the header row stays in view and only rows in view are drawn.
    maxHeight: "max(240px, calc(100vh - 180px))",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  caption: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)" },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    // Above the cells scrolled under it (their outlines and marks), below the column heads.
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "end",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    // Long text (说明, 评分说明) wraps inside its column and the row grows: nothing is cut off. A column keeps at least
    // six characters' width: 指标体系's 18 columns scroll sideways rather than wrap every text four characters a line.
    maxWidth: "24em",
    minWidth: "6em",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    verticalAlign: "top",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  // The template's fills as Excel shows them — yellow input (the cells that can be typed into here), green output,
  // blue configuration — mixed from the theme's own palette into its background, so the text keeps its contrast
  // in the light theme and the dark one (the palette's lightest steps are all but white).
  input: { backgroundColor: fill(tokens.colorPaletteYellowBackground2, 45), cursor: "cell" },
  output: { backgroundColor: fill(tokens.colorPaletteGreenBackground2, 55) },
  config: { backgroundColor: fill(tokens.colorPaletteBlueBackground2, 35) },
  legendRow: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalL },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: "inline-block",
    width: "1em",
    height: "1em",
    marginInlineEnd: tokens.spacingHorizontalXXS,
    verticalAlign: "text-bottom",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  editingCell: { padding: 0 },
  editor: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: "8em",
    border: "none",
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  notice: { color: tokens.colorPaletteDarkOrangeForeground1, minHeight: "1lh" },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `${tokens.strokeWidthThick} dashed ${tokens.colorPaletteDarkOrangeBorder2}`,
    outlineOffset: "-2px",
  },
  info: {
    backgroundColor: tokens.colorPaletteBlueBackground2,
    outline: `${tokens.strokeWidthThin} dotted ${tokens.colorPaletteBlueBorderActive}`,
    outlineOffset: "-2px",
  },
  selected: {
    outline: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-3px",
  },
  note: { color: tokens.colorNeutralForeground2 },
  gap: { padding: 0, border: "none" },
});
