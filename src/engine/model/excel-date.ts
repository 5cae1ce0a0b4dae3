/** Local wall-clock times as Excel stores dates: days since 1899-12-30, the time as the fraction of a day. */

/** How 评分时间 is shown: 2026-12-02 15:04. */
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const MS_PER_DAY = 86_400_000;
/** Date.UTC(1899, 11, 30): Excel's day 0 in the 1900 date system (the serials of dates after 1900-03-01). */
const EPOCH: number = Date.UTC(1899, 11, 30);

/**
 * `2026-12-02T15:04:05` (no zone: it already is the user's local time) → Excel serial number, or null when
 * the text is not such a time (a zone suffix such as `Z` is refused: it would be the wrong clock).
 */
export function excelSerialOfLocal(text: string): number | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? "0")) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(ms).getUTCDate() !== d) return null;
  // Whole seconds are kept exact; Excel shows the format's minutes.
  return Math.round(((ms - EPOCH) / MS_PER_DAY) * 86_400) / 86_400;
}
