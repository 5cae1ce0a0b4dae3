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
        if (line.kind === "table") return <PreviewTable key={i} line={line} />;
        if (line.kind === "heading") {
          const Heading = line.depth <= 1 ? "h3" : "h4";
          return (
            <Heading key={i} className={line.depth <= 1 ? styles.h1 : styles.h2}>
              {line.text}
            </Heading>
          );
        }
        // Everything else is a paragraph: the title block centred, the 落款 at the right, the body indented.
        const className =
          line.kind === "unit" || line.kind === "title"
            ? styles.title
            : line.kind === "closing"
              ? styles.closing
              : styles.body;
        return (
          <p key={i} className={className}>
            {line.text}
          </p>
        );
      })}
    </section>
  );
}
