/**
 * The real task-pane bundle end to end in Chromium, in "Excel": taskpane-e2e.html is the built taskpane.html with
 * a fake Office.js (test/e2e/pane/fake-office.ts, on the Office host tests' fake Excel) loaded from .xlsx
 * workbooks. A new user's whole way — first run → 新建标准模板 → 打开示例 → 校验 → a problem → 评分 → 报告 →
 * 写入 → 导出 Word — at 320 and 450 px, and a shorter pass in the dark theme. What is asserted is what a person
 * sees: nothing covers the pane, a tab click right after an action takes effect, no card text is cut off, the
 * focus ring is drawn, the grade is shown as a word; axe finds no serious violation in any state; no request
 * leaves the origin. Screenshots of each step go to test-results/e2e/<test>/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_ARGS } from "../../scripts/browser";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import { cellAtRef, findName } from "../../src/engine/model/snapshot";
import { expectAccessible } from "./helpers/axe";
import { Shots, clipped, coveredAt, focusShown, sidewaysOverflow } from "./helpers/seen";
import type { FakeExcelHandle, PaneFixture } from "./pane/fake-office";
import { PANE_PAGE } from "./pane/build";

const baseUrl = inject("baseUrl");
const browserPath = inject("browserPath");
const root = path.resolve(__dirname, "../..");
const EXAMPLE_BYTES = readFileSync(path.join(root, "assets/example-wanzhou-2020.xlsx"));
const UNIT = "重庆市万州区人民政府外事办公室";
/** The text of the cards, the 失分项 rows and the tree items: none may be cut off sideways. */
const CARD_TEXT = '[role="tabpanel"] li, [role="tabpanel"] li *, [role="treeitem"], [role="treeitem"] *';

type Theme = PaneFixture["theme"];

/** A snapshot as JSON for the page (plain data only). */
const plain = (s: WorkbookSnapshot): WorkbookSnapshot => JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;

interface Pane {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly requests: string[];
}

describe.skipIf(!browserPath)("the task pane in Excel (a fake Office.js), end to end in headless Chromium", () => {
  let browser: Browser;
  let template: WorkbookSnapshot;
  let example: WorkbookSnapshot;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_ARGS });
    template = plain(await readSnapshot(readFileSync(path.join(root, "assets/standard-template.xlsx"))));
    example = plain(await readSnapshot(EXAMPLE_BYTES));
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The pane opened in an Excel window on `workbook` (null: a new, empty workbook). */
  async function openPane(width: number, theme: Theme, workbook: WorkbookSnapshot | null): Promise<Pane> {
    const context = await browser.newContext({
      acceptDownloads: true,
      permissions: ["clipboard-read", "clipboard-write"],
      viewport: { width, height: 720 },
      colorScheme: theme,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const fixture: PaneFixture = { workbook, template, theme, displayLanguage: "zh-CN" };
    await page.addInitScript((f) => {
      (window as unknown as { __E2E_PANE__: unknown }).__E2E_PANE__ = f;
    }, fixture);
    await page.goto(`${baseUrl}/${PANE_PAGE}`);
    await page.getByRole("region", { name: "模板状态" }).waitFor();
    return { context, page, requests };
  }

  /** In "Excel": what the fake holds. */
  function excel<T>(page: Page, read: (fake: FakeExcelHandle) => T): Promise<T> {
    return page.evaluate(`(${read.toString()})(window.__fakeExcel)`) as Promise<T>;
  }

  /** Everything a person must see in this state: the pane on top, nothing cut off or overflowing, axe clean. */
  async function expectSeen(page: Page, shots: Shots, state: string): Promise<void> {
    await shots.take(page, state);
    expect(await coveredAt(page, ['[role="tablist"]', '[data-testid="panel-status"]']).then(shownOnly), state).toEqual(
      [],
    );
    expect(await clipped(page, CARD_TEXT), state).toEqual([]);
    expect(await sidewaysOverflow(page), state).toBeLessThanOrEqual(0);
    await expectAccessible(page, state);
  }

  /** Covering findings, leaving out the points whose element is not in this state at all. */
  const shownOnly = (found: (string | null)[]): string[] =>
    found.filter((f): f is string => f !== null && !f.endsWith("not shown"));

  /** Tab until `name` has the focus (from the keyboard, as a person reaches it), then say whether it is drawn. */
  async function tabTo(page: Page, name: string): Promise<{ element: string; visible: boolean }> {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
      if (text === name) return focusShown(page);
    }
    return { element: `no ${name} reached with Tab`, visible: false };
  }

  /** Select a step's tab and check it took effect at once (the click was not swallowed by anything on top). */
  async function selectTab(page: Page, name: string): Promise<void> {
    const tab = page.getByRole("tablist", { name: "步骤" }).getByRole("tab", { name, exact: true });
    await tab.click();
    expect(await tab.getAttribute("aria-selected"), `tab ${name}`).toBe("true");
  }

  /** The status line of the selected step, once it says `text`, on top at its centre. */
  async function expectStatus(page: Page, text: string | RegExp): Promise<void> {
    const line = page.getByTestId("panel-status");
    await expect
      .poll(async () => (await line.count()) > 0 && (await line.first().textContent()), { timeout: 20_000 })
      .toMatch(text);
    expect(shownOnly(await coveredAt(page, ['[data-testid="panel-status"]']))).toEqual([]);
  }

  /** first run → 新建标准模板 → 打开示例, in a new, empty workbook; returns the example 打开示例 opened. */
  async function firstRunToExample(width: number, theme: Theme, shots: Shots): Promise<Buffer> {
    const { context, page, requests } = await openPane(width, theme, null);
    try {
      const create = page.getByRole("button", { name: "新建标准模板" });
      await create.waitFor();
      await expectSeen(page, shots, "first-run");
      expect(await tabTo(page, "新建标准模板")).toEqual({ element: "BUTTON 新建标准模板", visible: true });
      await shots.take(page, "first-run-focus");

      await create.click();
      await page.getByRole("tablist", { name: "步骤" }).waitFor();
      // Said where the pane lands (校验), with the next step on a blank template; right after, a tab click answers.
      await expectStatus(page, "已插入标准模板的工作表。下一步：在黄色单元格中填写本单位的数据，然后校验。");
      expect(await page.getByRole("tab", { name: "校验", exact: true }).getAttribute("aria-selected")).toBe("true");
      await selectTab(page, "评分");
      await selectTab(page, "模板");
      // The steps from the keyboard: ← / → move the focus (ring drawn), Enter selects.
      await page.keyboard.press("ArrowRight");
      expect(await focusShown(page)).toEqual({ element: "BUTTON 校验", visible: true });
      await page.keyboard.press("ArrowLeft");
      expect(await focusShown(page)).toEqual({ element: "BUTTON 模板", visible: true });
      await page.keyboard.press("Enter");
      expect(await page.getByRole("tab", { name: "模板", exact: true }).getAttribute("aria-selected")).toBe("true");
      expect(await excel(page, (f) => f.wb.sheets.map((s) => s.name))).toEqual(
        expect.arrayContaining(["Sheet1", "基本情况", "收支情况", "指标体系", "评价结果"]),
      );
      expect(await page.getByRole("region", { name: "模板状态" }).innerText()).toContain("部门整体支出绩效评价");
      await expectSeen(page, shots, "template-created");
      // 发布 (a bureau's template): the section's button answers and the configuration sheets end protected.
      const publish = page.getByRole("button", { name: "发布模板" });
      await publish.scrollIntoViewIfNeeded();
      await publish.click();
      await expectStatus(page, /^已发布：记录 \d+ 个设置单元格，指纹 sha256:[0-9a-f]{12}…；已保护工作表 /);
      // The tab then says when it was published (read back from the record).
      await expect
        .poll(() => page.getByRole("tabpanel").innerText(), { timeout: 10_000 })
        .toMatch(/发布日期\s*\d{4}-\d{2}-\d{2}/);
      expect(
        await excel(page, (f) =>
          ["指标体系", "字段定义", "校验规则"].map((n) => f.wb.sheets.find((s) => s.name === n)?.protected),
        ),
      ).toEqual([true, true, true]);
      await expectSeen(page, shots, "template-published");

      await page.getByRole("button", { name: "打开示例" }).click();
      await expectStatus(page, /^示例已在新的 Excel 窗口中打开/);
      await selectTab(page, "校验");
      await selectTab(page, "模板");
      await expectSeen(page, shots, "example-opened");
      const created = await excel(page, (f) => f.created());
      expect(created).toHaveLength(1);
      expect(requestsOutside(requests)).toEqual([]);
      return Buffer.from(created[0]!, "base64");
    } catch (e) {
      // The state it failed in, beside the steps before it.
      await shots.take(page, "failed").catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  }

  /** 校验 → a problem → 评分 → 报告 → 写入 → 导出 Word on the example, in the window it opened in. */
  async function exampleFlow(width: number, theme: Theme, shots: Shots, bytes: Buffer, full: boolean): Promise<void> {
    const { context, page, requests } = await openPane(width, theme, plain(await readSnapshot(bytes)));
    try {
      await page.getByText(UNIT).first().waitFor();
      await expectSeen(page, shots, "example-in-its-window");

      await selectTab(page, "校验");
      await page.getByRole("button", { name: "校验", exact: true }).click();
      await expectStatus(page, "校验完成：0 个错误，3 个警告。");
      await selectTab(page, "评分");
      await selectTab(page, "校验");
      expect(await page.getByText("3 警告", { exact: true }).isVisible()).toBe(true);
      // The marks are in "Excel": the three warning cells filled, with the add-in's note.
      expect(await excel(page, (f) => [...f.wb.notes.keys()].sort())).toEqual([
        "收支情况!B10",
        "收支情况!B11",
        "收支情况!B15",
      ]);
      await expectSeen(page, shots, "validated");

      // A problem card, reached from the keyboard: its focus ring drawn; Enter selects its cell in Excel.
      const card = page.getByRole("button", { name: /「收支情况」!B10/ }).first();
      await card.focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      expect((await focusShown(page)).visible).toBe(true);
      await shots.take(page, "problem-focused");
      await page.keyboard.press("Enter");
      await expect.poll(() => excel(page, (f) => f.wb.selected)).toBe("收支情况!B10");
      await card.click();
      await expect.poll(() => excel(page, (f) => f.wb.selected)).toBe("收支情况!B10");

      await selectTab(page, "评分");
      await page.getByRole("button", { name: "评分并写入" }).click();
      await expectStatus(page, "评分完成：94 分，优。");
      await selectTab(page, "报告");
      await selectTab(page, "评分");
      // The grade as a word, on screen: in the status line's badge and beside the total.
      const badge = page.getByTestId("grade-badge");
      expect((await badge.innerText()).trim()).toBe("优 · 94 分");
      expect(await page.getByText("等级 优", { exact: true }).isVisible()).toBe(true);
      expect(await excel(page, (f) => [f.value("评价结果", "B3"), f.value("评价结果", "B4")])).toEqual([94, "优"]);
      await expectSeen(page, shots, "scored");

      if (full) {
        // The user types into a cell in Excel after scoring (a moment later: change events within 0.8 s of the
        // add-in's own write are taken for its echo): the grade shown is marked stale at once.
        const staff = findName(example, "staff_actual")!;
        const before = cellAtRef(example, staff);
        if (before?.t !== "n") throw new Error(`staff_actual is ${JSON.stringify(before)}`);
        const edit = (v: number) =>
          page.evaluate(
            ([s, a, x]) => window.__fakeExcel!.edit(String(s), String(a), Number(x)),
            [staff.sheet, staff.address, v],
          );
        await page.waitForTimeout(900);
        await edit(-3);
        await expect.poll(() => page.getByTestId("stale").count()).toBe(1);
        expect(await page.getByTestId("stale").innerText()).toBe("数据已修改，请重新评分");
        await expectSeen(page, shots, "edited-stale");
        await edit(before.v);
        await page.getByRole("button", { name: "评分并写入" }).click();
        await expectStatus(page, "评分完成：94 分，优。");
      }

      await selectTab(page, "报告");
      await page.getByRole("button", { name: "生成报告" }).click();
      const preview = page.getByRole("region", { name: "报告预览" });
      await preview.waitFor();
      // A document, not a text box: its headings, and the 附表 as a table.
      expect(await preview.getByRole("heading", { name: "四、整体支出绩效评价" }).count()).toBe(1);
      const annex = preview.getByRole("table", { name: /附表/ });
      expect(await annex.getByRole("row").count()).toBeGreaterThan(20);
      expect(await annex.getByRole("cell", { name: "优" }).count()).toBeGreaterThan(0);
      // The title block centred, the 落款 (the unit, the date) at the right, as on paper.
      const aligns = await preview.evaluate((el) => {
        const ps = [...el.querySelectorAll(":scope > p")];
        return [ps[0], ps[ps.length - 1]].map((p) => (p ? getComputedStyle(p).textAlign : ""));
      });
      expect(aligns).toEqual(["center", "right"]);
      await selectTab(page, "评分");
      await selectTab(page, "报告");
      await expectSeen(page, shots, "report");
      if (!full) return;

      // 复制全文: a quiet toast, which covers nothing and takes no click; a tab click right after works.
      await page.getByRole("button", { name: "复制全文" }).click();
      const toast = page.getByTestId("toast");
      await toast.waitFor();
      expect(await toast.innerText()).toBe("已复制全文。");
      await expectSeen(page, shots, "copied-toast");
      await selectTab(page, "评分");
      await selectTab(page, "报告");

      await page.getByRole("button", { name: "写入报告工作表" }).click();
      await expectStatus(page, "已写入「报告」工作表。");
      expect(await excel(page, (f) => f.value("报告", "A1"))).toBeTruthy();
      await expectSeen(page, shots, "report-written");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "导出 Word" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("绩效自评报告.docx");
      const docx = await JSZip.loadAsync(readFileSync(await download.path()));
      expect(await docx.file("word/document.xml")!.async("string")).toContain("整体支出绩效评价");
      await expectStatus(page, "已导出 Word 文件。");
      await selectTab(page, "校验");
      await selectTab(page, "报告");
      await expectSeen(page, shots, "exported");
      expect(requestsOutside(requests)).toEqual([]);
    } catch (e) {
      // The state it failed in, beside the steps before it.
      await shots.take(page, "failed").catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  }

  /** Requests to anywhere but the page's own server (data: and blob: URLs are the page's own). */
  function requestsOutside(requests: readonly string[]): string[] {
    expect(requests.length).toBeGreaterThan(0);
    const origin = new URL(baseUrl).origin;
    return requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
  }

  it.each([320, 450])("a new user's whole way at %i px, light", async (width) => {
    const shots = new Shots(`taskpane-${width}-light`);
    const opened = await firstRunToExample(width, "light", shots);
    // 打开示例 opened the shipped example, byte for byte.
    expect(opened.equals(EXAMPLE_BYTES)).toBe(true);
    await exampleFlow(width, "light", shots, opened, true);
  });

  it.each([320, 450])("the dark theme at %i px: first run, 校验, 评分, 报告", async (width) => {
    const shots = new Shots(`taskpane-${width}-dark`);
    const { context, page } = await openPane(width, "dark", null);
    try {
      await page.getByRole("button", { name: "新建标准模板" }).waitFor();
      // Office's dark theme: the pane is dark too.
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor,
      );
      expect(background).not.toBe("rgb(255, 255, 255)");
      await expectSeen(page, shots, "first-run");
    } catch (e) {
      // The state it failed in, beside the steps before it.
      await shots.take(page, "failed").catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
    await exampleFlow(width, "dark", shots, EXAMPLE_BYTES, false);
  });
});
