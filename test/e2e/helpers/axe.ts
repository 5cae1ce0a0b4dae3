/** axe-core in the page under test: every state the end-to-end runs reach is checked for serious violations. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
/** axe.min.js, as the package ships it. */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  /** Each node's CSS target and the start of its HTML. */
  readonly nodes: readonly string[];
}

/** Every axe violation in the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Through the DevTools protocol rather than a <script> tag: the pages' Content-Security-Policy allows no inline
  // script, and the page under test must keep its own policy (the CSP checks of the e2e rely on it).
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  // The state as it settles: a colour transition still running (a button just clicked fading to its hover
  // colour) would be measured half-way and read as too little contrast. Endless ones (a spinner) are not waited
  // for; at most 2 s.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
      undefined,
      {
        timeout: 2000,
      },
    )
    .catch(() => undefined);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`),
    }));
  });
}

/** One line per violation: id, impact, what axe asks, and every node it found. */
export function describeViolations(found: readonly AxeFinding[]): string {
  return found.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n}`).join("\n")}`).join("\n");
}

/** No critical or serious axe violation in this state; a failure prints them all (id, impact, targets). */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const found = await axeViolations(page);
  const serious = found.filter((v) => v.impact === "critical" || v.impact === "serious");
  expect(serious, `axe in state "${state}":\n${describeViolations(serious)}`).toEqual([]);
}
