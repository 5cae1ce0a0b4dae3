import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  progress: { minHeight: "2px" },
  message: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  detail: { display: "block", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  tabs: { paddingInline: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  provider: { minHeight: "100%" },
});
