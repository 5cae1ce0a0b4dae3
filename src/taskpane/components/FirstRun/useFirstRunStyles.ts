import { makeStyles, tokens } from "@fluentui/react-components";

export const useFirstRunStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
});
