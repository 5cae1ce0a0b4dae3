import { makeStyles, tokens } from "@fluentui/react-components";

export const useReportPanelStyles = makeStyles({
  preview: { width: "100%" },
  previewText: {
    minHeight: "240px",
    fontFamily: tokens.fontFamilyBase,
    lineHeight: tokens.lineHeightBase400,
  },
  summary: { overflowWrap: "anywhere" },
});
