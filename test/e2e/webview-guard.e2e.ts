/**
 * The webview guard of taskpane.html in Chromium: when the browser fails its test (built-ins the bundle needs
 * deleted before the guard runs, as an old webview lacks them) or one of the page's scripts does not parse, the
 * message is what a person sees, not a white pane; in a current browser it never shows. Chromium cannot be IE11:
 * only real volume-licensed Office 2019 proves that path (docs/deploy.md).
 */
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_ARGS } from "../../scripts/browser";
import { expectAccessible } from "./helpers/axe";

const baseUrl = inject("baseUrl");
const browserPath = inject("browserPath");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";
// A stand-in for Office.js outside Excel: onReady fires with no host, as Office.js does in a plain browser.
const OFFICE_STUB =
  "window.Office={onReady:function(cb){cb&&cb({host:null,platform:null});return Promise.resolve({host:null,platform:null});},context:{displayLanguage:'zh-CN'}};";

/** Whether the guard's message is what a person sees: the element at its centre is inside it. */
async function guardSeen(page: Page): Promise<{ shown: boolean; text: string; url: string; rootShown: boolean }> {
  return page.evaluate(() => {
    const box = document.getElementById("webview-unsupported");
    const root = document.getElementById("root");
    if (!box) return { shown: false, text: "", url: "", rootShown: true };
    const r = box.getBoundingClientRect();
    const el = r.width > 0 ? document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 40)) : null;
    return {
      shown: getComputedStyle(box).display !== "none" && !!el && box.contains(el),
      text: box.textContent ?? "",
      url: document.getElementById("webview-web-url")?.textContent ?? "",
      rootShown: !!root && getComputedStyle(root).display !== "none",
    };
  });
}

async function open(
  browser: Browser,
  prepare: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.route(OFFICE_CDN, (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }));
  await prepare(page);
  await page.goto(`${baseUrl}/taskpane.html`);
  return { page, close: () => context.close() };
}

describe.skipIf(!browserPath)("taskpane.html's webview guard", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("a current browser never sees the message: the pane starts", async () => {
    const { page, close } = await open(browser, async () => undefined);
    await page.getByRole("region", { name: "模板状态" }).waitFor();
    const seen = await guardSeen(page);
    expect(seen.shown).toBe(false);
    expect(seen.rootShown).toBe(true);
    await close();
  });

  it.each([
    ["Object.hasOwn (ES2022)", "delete Object.hasOwn;"],
    ["Promise", "delete window.Promise;"],
  ])("without %s the message is what is visible, in Chinese and English, at 320 px", async (_, init) => {
    const { page, close } = await open(browser, (p) => p.addInitScript(init));
    await expect.poll(async () => (await guardSeen(page)).shown, { timeout: 5000 }).toBe(true);
    const seen = await guardSeen(page);
    expect(seen.rootShown).toBe(false);
    expect(seen.text).toContain("绩效评价助手无法在这个版本的 Excel 中运行");
    expect(seen.text).toContain("Microsoft 365 或 Office 2021 及以上版本");
    expect(seen.text).toContain("Use Excel from Microsoft 365 or Office 2021 or later");
    expect(seen.url).toBe(`${baseUrl}/web/index.html`);
    expect(await page.getByRole("link", { name: "web/index.html" }).getAttribute("href")).toBe("web/index.html");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // axe itself needs Promise.
    if (!init.includes("Promise")) await expectAccessible(page, "webview guard message");
    await close();
  });

  it("a page script that does not parse (a webview the test let through) shows the message, not a white pane", async () => {
    const { page, close } = await open(browser, (p) =>
      p.route("**/js/taskpane.*.js", (route) =>
        route.fulfill({ contentType: "text/javascript", body: "class A { static { this.x = a?.b ?? ; } }" }),
      ),
    );
    await expect.poll(async () => (await guardSeen(page)).shown, { timeout: 5000 }).toBe(true);
    expect((await guardSeen(page)).rootShown).toBe(false);
    await close();
  });
});
