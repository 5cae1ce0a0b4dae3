import { makeStyles, tokens } from "@fluentui/react-components";

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
    // Long text (说明, 评分说明) wraps inside its column and the row grows: nothing is cut off.
    maxWidth: "24em",
    minWidth: "3em",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    verticalAlign: "top",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  // The template's yellow input cells: the ones that can be typed into here.
  input: { backgroundColor: tokens.colorPaletteYellowBackground1, cursor: "cell" },
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
