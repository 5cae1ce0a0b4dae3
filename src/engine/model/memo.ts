/**
 * A bounded memo of results by text, for an engine session's parses (formulas, checks, rule parameters): a
 * batch scores hundreds of workbooks of one template, so the same few hundred texts come again and again.
 * Results are immutable, so one parse serves every action of the session. Only sessions hold memos.
 */

// Keys longer than this are computed every time rather than held (hostile input can be megabytes).
const LONGEST = 4000;

/** Results by text key; empties itself when full, so it stays small whatever comes in. */
export class TextMemo<R> {
  private readonly memo = new Map<string, R>();

  constructor(private readonly limit = 2000) {}

  /** The result remembered for `key`, else `compute()` (remembered for next time). */
  get(key: string, compute: () => R): R {
    if (key.length > LONGEST) return compute();
    let r = this.memo.get(key);
    if (r === undefined && !this.memo.has(key)) {
      r = compute();
      if (this.memo.size >= this.limit) this.memo.clear();
      this.memo.set(key, r);
    }
    return r as R;
  }

  /** Forget everything remembered. */
  clear(): void {
    this.memo.clear();
  }
}
