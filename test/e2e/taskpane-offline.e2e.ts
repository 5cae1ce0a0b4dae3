import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_ARGS } from "../../scripts/browser";
import { expectAccessible } from "./helpers/axe";

const baseUrl = inject("baseUrl");
const browserPath = inject("browserPath");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";

/** Whether the offline message is what a person sees: the element at its centre is inside it, fully opaque. */
async function messageSeen(page: Page): Promise<{ shown: boolean; text: string }> {
  return page.evaluate(() => {
    const box = document.getElementById("office-missing");
    if (!box) return { shown: false, text: "" };
    const r = box.getBoundingClientRect();
    const el = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 40));
    return {
      shown: getComputedStyle(box).opacity === "1" && !!el && box.contains(el),
      text: box.textContent ?? "",
    };
  });
}

describe.skipIf(!browserPath)("taskpane.html without Office.js", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("offline (the CDN unreachable) says what happened and names the OFFICE_JS=local build, at 320 px", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.route(OFFICE_CDN, (route) => route.abort("internetdisconnected"));
    await page.goto(`${baseUrl}/taskpane.html`);
    await expect.poll(async () => (await messageSeen(page)).shown, { timeout: 5000 }).toBe(true);
    const { text } = await messageSeen(page);
    expect(text).toContain("绩效评价助手无法启动");
    expect(text).toContain("OFFICE_JS=local npm run build");
    expect(await page.getByRole("link", { name: "浏览器版" }).getAttribute("href")).toBe("web/index.html");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, "offline message");
    await context.close();
  });

  it("with Office.js the message never shows: the pane replaces it", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 }, locale: "zh-CN" });
    const page = await context.newPage();
    // A stand-in for Office.js outside Excel: onReady fires with no host, as Office.js does in a plain browser.
    await page.route(OFFICE_CDN, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office={onReady:function(cb){cb&&cb({host:null,platform:null});return Promise.resolve({host:null,platform:null});},context:{displayLanguage:'zh-CN'}};",
      }),
    );
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByRole("region", { name: "模板状态" }).waitFor();
    await page.waitForTimeout(500);
    expect((await messageSeen(page)).shown).toBe(false);
    expect(await page.locator("#office-missing").count()).toBe(0);
    await context.close();
  });
});
