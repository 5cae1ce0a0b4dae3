/**
 * Memos for the engine's pure parses (formulas, checks, rule parameters). Each action reads the template
 * afresh, and a batch scores hundreds of workbooks of one template: the same few hundred texts are parsed
 * again and again. Results are immutable, so one parse can serve every run.
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
}

/**
 * f, remembered for the last array it was given (the same array, still as long): the engine reads one
 * workbook at a time, so an index built over its names serves every lookup of that read. Holds one result.
 */
export function memoForLastArray<T, R>(f: (items: readonly T[]) => R): (items: readonly T[]) => R {
  let last: readonly T[] | null = null;
  let count = -1;
  let result: R;
  return (items) => {
    if (items !== last || items.length !== count) {
      result = f(items);
      last = items;
      count = items.length;
    }
    return result;
  };
}

/** f, remembered by its text argument (the same policy as TextMemo, without a closure per call). */
export function memoByText<R>(f: (text: string) => R, limit = 2000): (text: string) => R {
  const memo = new Map<string, R>();
  return (text) => {
    if (text.length > LONGEST) return f(text);
    let r = memo.get(text);
    if (r === undefined && !memo.has(text)) {
      r = f(text);
      if (memo.size >= limit) memo.clear();
      memo.set(text, r);
    }
    return r as R;
  };
}
