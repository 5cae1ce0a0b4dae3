import { makeStyles, tokens } from "@fluentui/react-components";

export const useScorePanelStyles = makeStyles({
  totalRow: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground1, overflowWrap: "anywhere" },
  item: { display: "flex", flexDirection: "column", minWidth: 0, paddingBlock: tokens.spacingVerticalXXS },
  name: { overflowWrap: "anywhere", whiteSpace: "normal" },
  branchName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", whiteSpace: "normal" },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, whiteSpace: "normal" },
  reason: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
  },
  layout: { height: "auto", minHeight: "32px" },
});
