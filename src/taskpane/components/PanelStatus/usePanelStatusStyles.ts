import { makeStyles, tokens } from "@fluentui/react-components";

export const usePanelStatusStyles = makeStyles({
  root: {
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorPaletteGreenBorderActive,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // Kept in the tree (a live region must exist before its text changes) but takes no room.
  empty: { display: "block", height: 0, overflow: "hidden", marginBlock: `calc(-1 * ${tokens.spacingVerticalM} / 2)` },
  text: { overflowWrap: "anywhere" },
});
