import { makeStyles, tokens } from "@fluentui/react-components";

export const useLanguageSwitchStyles = makeStyles({
  root: { display: "flex", columnGap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  current: { minWidth: "auto", fontWeight: tokens.fontWeightSemibold },
  other: { minWidth: "auto", color: tokens.colorBrandForegroundLink },
});
