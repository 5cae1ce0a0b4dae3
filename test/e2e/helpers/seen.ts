/** What a person sees: nothing over the app, text not cut off, the focus ring drawn. */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

/**
 * Whatever covers the app at the centre of its content and of each given element: null where the element at the
 * point is the app's own (inside #root, or a toast itself), else a description of what is on top.
 */
export async function coveredAt(page: Page, selectors: readonly string[] = []): Promise<(string | null)[]> {
  return page.evaluate((sels) => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const centre = (r: DOMRect): [number, number] => {
      const left = Math.max(r.left, 0);
      const top = Math.max(r.top, 0);
      const right = Math.min(r.right, vw);
      const bottom = Math.min(r.bottom, vh);
      return [(left + right) / 2, (top + bottom) / 2];
    };
    const content = document.querySelector("#root main") ?? document.querySelector("#root");
    const points: [string, number, number][] = [];
    if (content) points.push(["content", ...centre(content.getBoundingClientRect())]);
    for (const s of sels) {
      const el = document.querySelector(s);
      if (el && el.getBoundingClientRect().height > 0) points.push([s, ...centre(el.getBoundingClientRect())]);
      else points.push([s, -1, -1]);
    }
    return points.map(([what, x, y]) => {
      if (x < 0) return `${what}: not shown`;
      const el = document.elementFromPoint(x, y);
      if (!el) return `${what} (${x},${y}): nothing`;
      if (el.closest('.fui-Toast, [data-testid="toast"]')) return null;
      const root = document.getElementById("root");
      if (!root?.contains(el))
        return `${what} (${x},${y}): covered by ${el.tagName}.${String(el.className).slice(0, 80)}`;
      return null;
    });
  }, selectors);
}

/** Elements matching `selector` whose text is cut off sideways (scrollWidth > clientWidth), by their text. */
export async function clipped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth)
        .map((el) => `${(el.textContent ?? "").slice(0, 40)} (${el.scrollWidth} > ${el.clientWidth})`),
    selector,
  );
}

/** How far the document scrolls sideways (0: it fits the width). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The focused element and whether its focus is drawn: it matches :focus-visible and shows an outline, a box
 * shadow, or (Fluent's focus ring) a border or outline on its ::after.
 */
export async function focusShown(page: Page): Promise<{ element: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { element: "body", visible: false };
    const drawn = (s: CSSStyleDeclaration): boolean =>
      (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) ||
      (s.boxShadow !== "none" && s.boxShadow !== "") ||
      (s.content !== "none" &&
        s.content !== "" &&
        (parseFloat(s.borderTopWidth) > 0 || parseFloat(s.outlineWidth) > 0));
    const r = el.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
    const visible =
      el.matches(":focus-visible") &&
      onScreen &&
      (drawn(getComputedStyle(el)) || drawn(getComputedStyle(el, "::after")));
    return { element: `${el.tagName} ${el.innerText.trim().slice(0, 30)}`, visible };
  });
}

/** Screenshots of each step into test-results/e2e/<test>/, numbered in order; emptied when the test starts. */
export class Shots {
  readonly dir: string;
  private n = 0;

  constructor(test: string) {
    this.dir = path.join(process.cwd(), "test-results/e2e", test.replace(/[^\w\u4e00-\u9fff-]+/g, "-"));
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  async take(page: Page, step: string): Promise<void> {
    this.n += 1;
    const name = `${String(this.n).padStart(2, "0")}-${step.replace(/[^\w\u4e00-\u9fff-]+/g, "-")}.png`;
    await page.screenshot({ path: path.join(this.dir, name) });
  }
}
