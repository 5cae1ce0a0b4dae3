import type { PreviewLine } from "../../engine-port";
import { useReportPreviewStyles } from "./useReportPreviewStyles";

export interface ReportPreviewProps {
  readonly lines: readonly PreviewLine[];
  /** The region's accessible name (报告预览). */
  readonly label: string;
}

/** A table of the report: its caption, the header row, the rows, as wide as the preview. */
function PreviewTable({ line }: { readonly line: PreviewLine }) {
  const styles = useReportPreviewStyles();
  const [header = [], ...rows] = line.cells ?? [];
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>{line.text}</caption>
        <thead>
          <tr>
            {header.map((h, k) => (
              <th key={k} scope="col" className={styles.cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, k) => (
                <td key={k} className={styles.cell}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The report as a reader sees it: the title block, headings by level (一、 as h3, the levels below as h4),
 * paragraphs, the tables as tables and the 落款 at the right — in a scrolling region of the panel.
 */
export function ReportPreview({ lines, label }: ReportPreviewProps) {
  const styles = useReportPreviewStyles();
  return (
    <section className={styles.root} aria-label={label} tabIndex={0}>
      {lines.map((line, i) => {
        switch (line.kind) {
          case "unit":
          case "title":
            return (
              <p key={i} className={styles.title}>
                {line.text}
              </p>
            );
          case "heading":
            return line.depth <= 1 ? (
              <h3 key={i} className={styles.h1}>
                {line.text}
              </h3>
            ) : (
              <h4 key={i} className={styles.h2}>
                {line.text}
              </h4>
            );
          case "table":
            return <PreviewTable key={i} line={line} />;
          case "closing":
            return (
              <p key={i} className={styles.closing}>
                {line.text}
              </p>
            );
          case "body":
          case "item":
            return (
              <p key={i} className={styles.body}>
                {line.text}
              </p>
            );
        }
      })}
    </section>
  );
}
