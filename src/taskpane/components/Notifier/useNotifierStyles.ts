import { makeStyles, tokens } from "@fluentui/react-components";

export const useNotifierStyles = makeStyles({
  region: {
    position: "fixed",
    insetInlineStart: tokens.spacingHorizontalM,
    insetInlineEnd: tokens.spacingHorizontalM,
    bottom: tokens.spacingVerticalL,
    display: "flex",
    justifyContent: "center",
    pointerEvents: "none",
    zIndex: 1,
  },
  toast: {
    maxWidth: "100%",
    boxSizing: "border-box",
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorPaletteGreenBorderActive,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow16,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
});
