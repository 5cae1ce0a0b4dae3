import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout shared by the four tab panels: the primary button on top, then content. */
export const usePanelStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  primary: { alignSelf: "flex-start" },
  hint: { color: tokens.colorNeutralForeground2 },
  secondaryRow: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
