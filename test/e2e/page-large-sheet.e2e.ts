import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { buildTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { readInputCells } from "../../src/hosts/browser/input-cells";
import type { InputCells } from "../../src/hosts/browser/input-cells";
import { BROWSER_ARGS } from "../../scripts/browser";
import { scaledDescription } from "../../bench/generate";
import { expectAccessible } from "./helpers/axe";
import { Shots } from "./helpers/seen";

const baseUrl = inject("baseUrl");
const browserPath = inject("browserPath");
const SHEET = "指标体系";

/** The drawn rows of the grid (their sheet row numbers) and the scroller's box. */
async function drawnRows(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="grid"] tbody tr[data-row]')].map((tr) => Number(tr.dataset.row)),
  );
}

/**
 * Scrolls the grid a screen at a time, as a person would, until the sheet's row (0-based) is drawn; then brings it
 * to the middle of the grid (again, should the rows drawn around it, measured only now, have moved it).
 */
/** The grid scrolled to its bottom as it is measured now. */
async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>("[data-grid-scroller]")!;
    scroller.scrollTop = scroller.scrollHeight;
  });
}

async function scrollToRow(page: Page, row: number): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const found = await page.evaluate((r) => {
      const scroller = document.querySelector<HTMLElement>("[data-grid-scroller]")!;
      const td = scroller.querySelector<HTMLElement>(`td[data-address="A${r + 1}"]`);
      if (td) {
        td.scrollIntoView({ block: "center" });
        return true;
      }
      const drawn = [...scroller.querySelectorAll<HTMLElement>("tbody tr[data-row]")]
        .map((tr) => Number(tr.dataset.row))
        .filter((x) => x > 0);
      const down = drawn.length === 0 || Math.min(...drawn) < r;
      scroller.scrollTop += (down ? 1 : -1) * scroller.clientHeight * 0.8;
      return false;
    }, row);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    if (found && (await cellSeen(page, `A${row + 1}`)).onTop) return;
  }
  throw new Error(`row ${row + 1} never came into view`);
}

/** Whether the cell at `address` is what is on screen at its centre, and whether it has the focus. */
async function cellSeen(page: Page, address: string): Promise<{ onTop: boolean; focused: boolean; text: string }> {
  return page.evaluate((a) => {
    const td = document.querySelector<HTMLElement>(`[role="grid"] td[data-address="${a}"]`);
    if (!td) return { onTop: false, focused: false, text: "(not drawn)" };
    const r = td.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
    return { onTop: !!at && td.contains(at), focused: document.activeElement === td, text: td.textContent ?? "" };
  }, address);
}

describe.skipIf(!browserPath)("the browser page on the 100× template (1,701 indicators): rows drawn as seen", () => {
  let browser: Browser;
  let page: Page;
  let shots: Shots;
  let inputs: InputCells;

  beforeAll(async () => {
    const workbook = await buildTemplateWorkbook(scaledDescription(100));
    inputs = await readInputCells(workbook);
    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" })).newPage();
    shots = new Shots("page-large-sheet");
    await page.goto(`${baseUrl}/web/index.html?lang=zh-CN`);
    await page.getByRole("button", { name: "新建标准模板" }).waitFor();
    await page.getByTestId("file-input").setInputFiles({
      name: "百倍模板.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(workbook),
    });
    // Reading it takes a moment: the page says so, with a bar, and not once it is open.
    await page.getByText("正在打开「百倍模板.xlsx」…").waitFor({ timeout: 5000 });
    expect(await page.getByRole("progressbar", { name: "正在打开「百倍模板.xlsx」…" }).isVisible()).toBe(true);
    await page.getByRole("tablist", { name: "步骤" }).waitFor({ timeout: 60_000 });
    expect(await page.getByText("正在打开「百倍模板.xlsx」…").count()).toBe(0);
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: SHEET }).click();
    await page.getByRole("grid", { name: `工作表「${SHEET}」的单元格` }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The state a test failed in, beside the steps before it.
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await shots.take(page, "failed").catch(() => undefined);
  });

  it("shows the whole sheet, drawing only the rows in view; the last row is reached by scrolling", async () => {
    const grid = page.getByRole("grid");
    const rows = Number(await grid.getAttribute("aria-rowcount")) - 1;
    expect(rows).toBeGreaterThan(1700);
    // No 「只显示前 … 行」: every row is there to scroll to, but only a screenful (and a margin) is in the page.
    expect(await page.getByText(/只显示前/).count()).toBe(0);
    expect((await drawnRows(page)).length).toBeLessThan(80);
    await shots.take(page, "top");
    await scrollToBottom(page);
    // The rows at the bottom are drawn as the estimate of the rows above gives way to their measured heights.
    await expect
      .poll(
        async () => {
          await scrollToBottom(page);
          return (await drawnRows(page)).includes(rows - 1);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect((await drawnRows(page)).length).toBeLessThan(80);
    // Seen on top once the measured heights have settled (the wrapped 评分标准 rows are taller than estimated, so the
    // bottom moves while they are measured): scrolled to the bottom again on every try.
    await expect
      .poll(
        async () => {
          await scrollToBottom(page);
          return (await cellSeen(page, `A${rows}`)).onTop;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await shots.take(page, "bottom");
    await expectAccessible(page, "large sheet, scrolled to the bottom");
  });

  it("types into an input cell near the bottom, and a problem there is jumped to from 校验 after scrolling away", async () => {
    // The last 自评得分 the accountant fills (column G, an input cell), a screen at a time up from the bottom.
    const address = [...(inputs.get(SHEET) ?? [])]
      .filter((a) => /^G\d+$/.test(a))
      .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
      .pop();
    expect(Number(address?.slice(1))).toBeGreaterThan(1500);
    // Clicked where it is on screen once the rows drawn around it have settled (they move as they are measured, more
    // slowly on a busy machine): brought into view again until the cell stays put between two looks.
    const cell = page.locator(`td[data-address="${address}"]`);
    await expect
      .poll(
        async () => {
          await scrollToRow(page, Number(address!.slice(1)) - 1);
          const before = await cell.boundingBox();
          await page.waitForTimeout(200);
          const after = await cell.boundingBox();
          return !!before && !!after && before.y === after.y && (await cellSeen(page, address!)).onTop;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await cell.click({ timeout: 10_000 });
    await page.keyboard.type("-1");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await cellSeen(page, address!)).text).toBe("-1");
    await shots.take(page, "typed-near-bottom");

    // Back to the top, then 校验: the score out of range is listed; its card brings the far cell back into view.
    await page.evaluate(() => {
      document.querySelector<HTMLElement>("[data-grid-scroller]")!.scrollTop = 0;
    });
    await expect.poll(async () => (await drawnRows(page)).some((r) => r < 5)).toBe(true);
    await page.getByRole("tab", { name: "校验", exact: true }).click();
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await expect.poll(() => page.getByText(/个错误/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const card = page.getByRole("button", { name: new RegExp(`!${address}|${address}`) }).first();
    await card.click();
    await expect.poll(async () => cellSeen(page, address!)).toEqual({ onTop: true, focused: true, text: "-1" });
    await shots.take(page, "jumped-to-far-problem");
    await expectAccessible(page, "large sheet, a far problem selected");
  });
});
