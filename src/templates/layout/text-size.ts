/** How much room a text takes: display widths, wrapped lines and the row heights that show every line. */

/** Points per line of 11-pt text, and the padding of a wrapped cell. */
const LINE_HEIGHT = 15;

/** Display width of a text in Excel's character units: CJK and full-width characters count two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ||
      ch.codePointAt(0)! > 0xffff
        ? 2
        : 1;
  return w;
}

/** Lines a text takes in a wrapped column of this width (explicit line breaks included). */
export function wrappedLines(text: string, columnWidth: number): number {
  // Office suites draw CJK text a little wider than two digit widths: leave a tenth of the column spare.
  const usable = Math.max(1, Math.floor(columnWidth * 0.9) - 1);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/** The row height (points) that shows every line of a row's wrapped texts, or null when one line does. */
export function rowHeightFor(texts: readonly { readonly text: string; readonly width: number }[]): number | null {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t.text, t.width)));
  return lines > 1 ? lines * LINE_HEIGHT + 3 : null;
}
