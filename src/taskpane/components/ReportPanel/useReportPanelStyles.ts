import { makeStyles } from "@fluentui/react-components";

export const useReportPanelStyles = makeStyles({
  summary: { overflowWrap: "anywhere" },
});
