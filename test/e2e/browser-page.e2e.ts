import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { cellAtRef, findName } from "../../src/engine/model/snapshot";
import { BROWSER_ARGS } from "../../scripts/browser";
import { EVAL_PATTERNS } from "../proof/code-patterns";
import { expectAccessible } from "./helpers/axe";
import { Shots, focusShown } from "./helpers/seen";

const baseUrl = inject("baseUrl");
const browserPath = inject("browserPath");
const downloads = mkdtempSync(path.join(tmpdir(), "perfeval-e2e-"));

/**
 * What is on screen at the centre of the page, at the tab strip and at the pane's own status line: for each point,
 * null when it is the app, else what covers it. A portal mount node (a direct child of <body>) covers the app
 * unless the point is on a toast itself.
 */
async function coveringAt(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => {
    const status = document.querySelector('[data-testid="panel-status"]')?.getBoundingClientRect();
    const tabs = document.querySelector('[role="tablist"][aria-label="步骤"]')?.getBoundingClientRect();
    const points: [number, number][] = [
      [window.innerWidth / 2, window.innerHeight / 2],
      [window.innerWidth / 4, 120],
    ];
    if (tabs) points.push([tabs.left + tabs.width / 2, tabs.top + tabs.height / 2]);
    if (status && status.height > 0) points.push([status.left + status.width / 2, status.top + status.height / 2]);
    return points.map(([x, y]) => {
      const el = document.elementFromPoint(x, y);
      if (!el) return `${x},${y}: nothing`;
      const portal = el.closest("body > div:not(#root)");
      if (portal && !portal.querySelector('.fui-Toast, [data-testid="toast"]')?.contains(el))
        return `${x},${y}: ${portal.className}`;
      return el.closest("#root") ? null : `${x},${y}: ${el.tagName}`;
    });
  });
}

/** The tab's own status line: its text, and whether the element at its centre is the line itself. */
async function statusLineSeen(page: Page): Promise<{ text: string; onTop: boolean }> {
  return page.evaluate(() => {
    const line = document.querySelector('[data-testid="panel-status"]');
    if (!line) return { text: "", onTop: false };
    const r = line.getBoundingClientRect();
    const el = r.height > 0 ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
    return { text: line.textContent ?? "", onTop: !!el && line.contains(el) };
  });
}

/**
 * The grid's cells by template role (yellow input, green output, blue configuration) on the sheet in view: for each,
 * its fill and text as Chromium paints them (0–255 sRGB), the contrast between them, and the grid's own background.
 */
async function roleFills(page: Page) {
  return page.evaluate(() => {
    const rgb = (c: string): [number, number, number] | null => {
      let m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/?\s*([\d.]+))?\)/.exec(c);
      if (m) return Number(m[4] ?? 1) === 0 ? null : [Number(m[1]), Number(m[2]), Number(m[3])];
      m = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(c);
      if (m) return Number(m[4] ?? 1) === 0 ? null : ([m[1], m[2], m[3]].map((x) => Number(x) * 255) as never);
      return null;
    };
    const lum = ([r, g, b]: [number, number, number]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const contrast = (a: [number, number, number], b: [number, number, number]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const background = (el: Element | null): [number, number, number] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c) return c;
      }
      return [255, 255, 255];
    };
    const grid = document.querySelector('[role="grid"]')!;
    const plain = background(grid.parentElement);
    const out: Record<string, { fill: number[]; contrast: number; count: number }> = {};
    for (const role of ["input", "output", "config"]) {
      const cells = [...grid.querySelectorAll(`td[data-role="${role}"]:not([data-mark])`)];
      const td = cells.find((c) => (c.textContent ?? "").trim() !== "") ?? cells[0];
      if (!td) continue;
      const fill = background(td);
      out[role] = {
        fill: fill.map(Math.round),
        contrast: contrast(fill, rgb(getComputedStyle(td).color)!),
        count: cells.length,
      };
    }
    return { plain: plain.map(Math.round), roles: out };
  });
}

/** Each role's fill is painted, told apart from the grid and from the others by its hue, and its text readable. */
async function expectRoleFills(page: Page, state: string): Promise<void> {
  const { plain, roles } = await roleFills(page);
  const hue = { input: "yellow", output: "green", config: "blue" } as const;
  const hueOf = ([r, g, b]: number[]) =>
    b! > r! && b! > g! - 8
      ? "blue"
      : g! > r! + 4 && g! > b!
        ? "green"
        : r! >= g! - 8 && g! > b! + 8
          ? "yellow"
          : "grey";
  for (const role of ["input", "output", "config"] as const) {
    const seen = roles[role];
    expect(seen, `${state}: a ${role} cell on 指标体系`).toBeDefined();
    expect(
      Math.max(...seen!.fill.map((v, i) => Math.abs(v - plain[i]!))),
      `${state} ${role} fill vs grid`,
    ).toBeGreaterThan(12);
    expect(hueOf(seen!.fill), `${state} ${role} ${seen!.fill.join(",")}`).toBe(hue[role]);
    expect(seen!.contrast, `${state} ${role} text contrast`).toBeGreaterThanOrEqual(4.5);
  }
}

describe.skipIf(!browserPath)("the browser page, end to end in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  let shots: Shots;
  /** Each state the run reaches: a screenshot (test-results/e2e/browser-page/) and axe, no serious violation. */
  const seen = async (state: string): Promise<void> => {
    await shots.take(page, state);
    await expectAccessible(page, state);
  };
  const requests: string[] = [];
  // Chromium reports what the page's Content-Security-Policy blocked (an eval, a foreign script) on the console.
  const cspViolations: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_ARGS });
    const context = await browser.newContext({
      acceptDownloads: true,
      permissions: ["clipboard-read", "clipboard-write"],
      viewport: { width: 1100, height: 900 },
      locale: "zh-CN",
    });
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    shots = new Shots("browser-page");
    await page.goto(`${baseUrl}/web/index.html?lang=zh-CN`);
    await page.getByRole("button", { name: "新建标准模板" }).waitFor();
    await seen("no-workbook");
    await page.goto(`${baseUrl}/web/index.html?example=1&lang=zh-CN`);
    await page.getByText("重庆市万州区人民政府外事办公室").first().waitFor();
    await seen("example-opened");
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The state a test failed in, beside the steps before it.
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail")
      await shots.take(page, `failed-${task.name.slice(0, 40)}`).catch(() => undefined);
  });

  it("validates the seed example: no errors, the three published slips as warnings", async () => {
    await page.getByRole("tab", { name: "校验", exact: true }).click();
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await expect.poll(() => page.getByText("3 警告").count()).toBeGreaterThan(0);
    expect(await page.getByText("0 错误").count()).toBeGreaterThan(0);
    expect(await page.getByText(/226\.75 万元，与本年支出合计 226\.86 万元/).count()).toBeGreaterThan(0);
    // The 校验规则 rule is on the card, apart from the sentence, which no longer ends in （校验 C01）.
    expect(await page.getByText("规则 C01", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(/（校验 C0\d）/).count()).toBe(0);
    // The success is said inline, in the tab's status line, visible and on top; nothing covers the page.
    await expect.poll(async () => (await statusLineSeen(page)).text).toBe("校验完成：0 个错误，3 个警告。");
    expect((await statusLineSeen(page)).onTop).toBe(true);
    expect(await coveringAt(page)).toEqual([null, null, null, null]);
    // The grid turned from the sheet it showed (no problem there) to 收支情况, where the warnings' marks are in view.
    expect(await page.getByRole("grid").locator("caption").textContent()).toBe("工作表「收支情况」的单元格");
    expect(await page.locator('[role="grid"] td[data-mark="warning"]').count()).toBeGreaterThan(0);
    // The grid's input cells can be filled in here: the page says so, and the fixes say 请在该单元格….
    expect(await page.getByText(/黄色单元格可以直接填写/).isVisible()).toBe(true);
    // Nothing is scored yet: there is no scored workbook to download.
    expect(await page.getByRole("button", { name: "下载已评分的 .xlsx" }).isDisabled()).toBe(true);
    await seen("validated");
  });

  it("shows the template's yellow, green and blue cells, and reads a rubric formula in words on its cell", async () => {
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "指标体系" }).click();
    await page.getByRole("grid", { name: "工作表「指标体系」的单元格" }).waitFor();
    await expectRoleFills(page, "light");
    const legend = page.getByTestId("grid-legend");
    expect(await legend.innerText()).toMatch(/黄色：由您填写\s*绿色：助手写入\s*蓝色：模板配置/);
    expect(await legend.isVisible()).toBe(true);
    // The cell keeps the workbook's text; its title says it in the template's labels.
    const formula = page.getByRole("grid").locator("td", { hasText: /^ratio\(staff_actual, staff_quota\)$/ });
    expect(await formula.getAttribute("title")).toBe("公式读作：年末实有在职人数（人）÷编制数（人）");
    await seen("rubric-role-fills");
  });

  it("scores it 94, 优 and shows the grade as a word", async () => {
    await page.getByRole("tab", { name: "评分", exact: true }).click();
    await page.getByRole("button", { name: "评分并写入" }).click();
    await expect.poll(() => page.getByText("优 · 94 分").count()).toBeGreaterThan(0);
    await expect.poll(async () => (await statusLineSeen(page)).text).toBe("评分完成：94 分，优。");
    expect((await statusLineSeen(page)).onTop).toBe(true);
    expect(await coveringAt(page)).toEqual([null, null, null, null]);
    // Where points were lost, at a glance: the open warnings, a bar with numbers per first-level indicator, the
    // 失分项 list above a tree collapsed to its first level.
    expect(await page.getByText("还有 3 个警告未处理，评分已按填写的数据计算。请在「校验」中核对。").isVisible()).toBe(
      true,
    );
    const bars = page.getByRole("list", { name: "一级指标得分" }).getByRole("progressbar");
    expect(await bars.count()).toBe(4);
    const lost = page.getByRole("region", { name: "失分项" }).getByRole("button");
    expect(await lost.count()).toBeGreaterThan(0);
    const tree = page.getByRole("tree", { name: "指标得分" });
    expect(await tree.getByRole("treeitem").count()).toBe(4);
    const seen = await page.evaluate(() => {
      const list = document.querySelector('[aria-label="失分项"]')!;
      const treeEl = document.querySelector('[role="tree"]')!;
      const rows = [...list.querySelectorAll("button")];
      return {
        above: list.getBoundingClientRect().bottom <= treeEl.getBoundingClientRect().top,
        treeHeight: Math.round(treeEl.getBoundingClientRect().height),
        clipped: rows.filter((r) => r.scrollWidth > r.clientWidth).length,
      };
    });
    expect(seen.above).toBe(true);
    expect(seen.treeHeight).toBeLessThan(300);
    expect(seen.clipped).toBe(0);
    await shots.take(page, "scored");
    await expectAccessible(page, "scored");
    // A lost indicator's row → its cells in the grid (指标体系, or 重点工作 for the key tasks): focused and on top.
    const firstLost = (await lost.first().textContent()) ?? "";
    await lost.first().click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const cell = document.activeElement;
          if (cell?.tagName !== "TD") return null;
          const r = cell.getBoundingClientRect();
          const onTop = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === cell;
          return `${cell.closest("table")?.querySelector("caption")?.textContent ?? ""} ${onTop}`;
        }),
      )
      .toMatch(/^工作表「(指标体系|重点工作)」的单元格 true$/);
    await shots.take(page, "lost-indicator-in-grid");
    await expectAccessible(page, "lost-indicator-in-grid");
    expect(firstLost).toMatch(/失 [\d.]+ 分/);
    // A tab click right after the action takes effect.
    await page.getByRole("tab", { name: "校验", exact: true }).click();
    expect(await page.getByRole("tab", { name: "校验", exact: true }).getAttribute("aria-selected")).toBe("true");
    await page.getByRole("tab", { name: "评分", exact: true }).click();
  });

  it("warns before replacing or leaving results that exist only in the page", async () => {
    const saveState = page.getByTestId("save-state");
    expect(await saveState.textContent()).toBe("未保存：结果只在本页中，关闭页面前请下载");
    expect(await saveState.isVisible()).toBe(true);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    // 打开示例 would replace the scored workbook: asked, kept.
    await page.getByRole("tab", { name: "模板", exact: true }).click();
    await page.getByRole("button", { name: "打开示例" }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/^confirm: 「example-wanzhou-2020\.xlsx」的修改和评分结果还没有下载/);
    expect(await page.getByText("优 · 94 分").count()).toBeGreaterThan(0);
    expect(await saveState.textContent()).toContain("未保存");
    // Leaving the page: the browser's own prompt; dismissed, the page stays as it was.
    await page.reload({ timeout: 3000 }).catch(() => undefined);
    await expect.poll(() => dialogs.length).toBe(2);
    expect(dialogs[1]).toMatch(/^beforeunload/);
    expect(await page.getByText("优 · 94 分").count()).toBeGreaterThan(0);
    await seen("kept-after-prompts");
    page.removeAllListeners("dialog");
  });

  it("generates the report, exports a .docx that holds it, and downloads the scored workbook", async () => {
    await page.getByRole("tab", { name: "报告", exact: true }).click();
    await page.getByRole("button", { name: "生成报告" }).click();
    await expect.poll(() => page.getByText(/四、整体支出绩效评价/).count()).toBeGreaterThan(0);
    await seen("report");

    // 复制全文 is confirmed by a quiet toast; while it shows, the page stays visible and clickable (the toaster's
    // portal once took the provider's min-height 100 %, background and z-index and covered everything for 4 s).
    await page.getByRole("button", { name: "复制全文" }).click();
    await expect.poll(() => page.getByTestId("toast").count()).toBeGreaterThan(0);
    expect(await coveringAt(page)).toEqual([null, null, null]);
    await seen("copied-toast");
    await page.getByRole("tab", { name: "评分", exact: true }).click();
    expect(await page.getByRole("tab", { name: "评分", exact: true }).getAttribute("aria-selected")).toBe("true");
    await page.getByRole("tab", { name: "报告", exact: true }).click();

    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出 Word" }).click(),
    ]);
    const docxPath = path.join(downloads, "report.docx");
    await docx.saveAs(docxPath);
    const documentXml = await (
      await JSZip.loadAsync(readFileSync(docxPath))
    )
      .file("word/document.xml")!
      .async("string");
    expect(documentXml).toContain("整体支出绩效评价");
    expect(documentXml).toContain("94");

    await page.getByRole("button", { name: "写入报告工作表" }).click();
    await expect.poll(() => page.getByText(/新建工作表/).count()).toBeGreaterThan(0);
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载已评分的 .xlsx" }).click(),
    ]);
    expect(await page.getByTestId("save-state").textContent()).toMatch(/^已于 \d{2}:\d{2} 下载$/);
    await seen("downloaded");
    const xlsxPath = path.join(downloads, "scored.xlsx");
    await xlsx.saveAs(xlsxPath);
    const snapshot = await readSnapshot(readFileSync(xlsxPath));
    expect(cellAtRef(snapshot, findName(snapshot, "result_total")!)).toEqual({ t: "n", v: 94 });
    expect(cellAtRef(snapshot, findName(snapshot, "result_grade")!)).toEqual({ t: "s", v: "优" });
    expect(snapshot.sheets.map((s) => s.name)).toContain("报告");
  });

  it("takes a value typed into an input cell: 校验 runs again by itself, results turn stale, the download holds it", async () => {
    const example = await readSnapshot(readFileSync("assets/example-wanzhou-2020.xlsx"));
    const staff = findName(example, "staff_actual")!;
    const total = findName(example, "result_total")!;
    const grid = page.getByRole("grid");
    const cell = (address: string) => grid.locator(`td[data-address="${address}"]`);
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: staff.sheet }).click();
    await cell(staff.address).click();
    // The cell is what is on screen at its centre, yellow as an input cell, and takes the focus.
    expect(
      await cell(staff.address).evaluate((td) => {
        const r = td.getBoundingClientRect();
        return (
          document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === td && td === document.activeElement
        );
      }),
    ).toBe(true);
    expect(await cell(staff.address).getAttribute("data-input")).toBe("true");
    await page.keyboard.type("-3");
    expect(await cell(staff.address).getByRole("textbox").inputValue()).toBe("-3");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(staff.address).textContent()).toBe("-3");
    // Enter moved down, as in Excel.
    const below = `${staff.address.replace(/\d+$/, "")}${Number(/\d+$/.exec(staff.address)![0]) + 1}`;
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-address"))).toBe(below);
    // Back up, edit again and leave with Tab: the value is kept and the focus moves right (Fluent's own Tab handling
    // does not take the focus elsewhere first).
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    expect(await cell(staff.address).getByRole("textbox").inputValue()).toBe("-3");
    await page.keyboard.press("Tab");
    const right = `C${/\d+$/.exec(staff.address)![0]}`;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-address"))).toBe(right);
    expect(await cell(staff.address).textContent()).toBe("-3");
    // The grade shown was scored from other figures: stale, in words.
    expect(await page.getByText("数据已修改，请重新评分").first().isVisible()).toBe(true);
    await seen("edited-stale");

    // An output cell stays read-only: typing there changes nothing and says why.
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: total.sheet }).click();
    await cell(total.address).click();
    await page.keyboard.type("1");
    expect(await cell(total.address).getByRole("textbox").count()).toBe(0);
    expect(await cell(total.address).textContent()).toBe("94");
    expect(await page.getByTestId("grid-notice").textContent()).toMatch(/只有黄色的填写单元格可以输入/);
    await seen("read-only-cell");

    // The edit re-validates: 校验 ran again by itself once typing paused (the button is not pressed here).
    await page.getByRole("tab", { name: "校验", exact: true }).click();
    await expect.poll(() => page.getByText("1 错误").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // …and the grid marks the cell as an error.
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: staff.sheet }).click();
    expect(await cell(staff.address).getAttribute("data-mark")).toBe("error");
    await seen("edit-validated");
    expect(
      await page
        .getByRole("button", { name: /年末实有在职人数/ })
        .first()
        .isVisible(),
    ).toBe(true);

    // Not scored since the edit: the download is the edited workbook under its own name, holding the value.
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载 .xlsx", exact: true }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("example-wanzhou-2020.xlsx");
    const xlsxPath = path.join(downloads, "edited.xlsx");
    await xlsx.saveAs(xlsxPath);
    const saved = await readSnapshot(readFileSync(xlsxPath));
    expect(cellAtRef(saved, findName(saved, "staff_actual")!)).toEqual({ t: "n", v: -3 });
    expect(cellAtRef(saved, findName(saved, "result_total")!)).toEqual({ t: "n", v: 94 });
  });

  it("pastes a block copied from Excel or WPS with Ctrl+V: input cells take it, the others are counted", async () => {
    const example = await readSnapshot(readFileSync("assets/example-wanzhou-2020.xlsx"));
    const staff = findName(example, "staff_actual")!;
    const row = /\d+$/.exec(staff.address)![0];
    const grid = page.getByRole("grid");
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: staff.sheet }).click();
    // What Excel puts on the clipboard for two cells side by side: tab between, a line end after.
    await page.evaluate(() => navigator.clipboard.writeText("-4\t九\r\n"));
    await grid.locator(`td[data-address="${staff.address}"]`).click();
    await page.keyboard.press("Control+V");
    await expect.poll(() => grid.locator(`td[data-address="${staff.address}"]`).textContent()).toBe("-4");
    // The cell to its right is no input cell: left as it was, and said.
    expect(await grid.locator(`td[data-address="C${row}"]`).textContent()).not.toBe("九");
    expect(await page.getByTestId("grid-notice").textContent()).toBe(
      "已粘贴到黄色的填写单元格；其中 1 个单元格不是填写单元格，没有改动。",
    );
    // The focus stays on the cell, and its ring is drawn.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    expect(await focusShown(page)).toEqual({ element: "TD -4", visible: true });
    // The problem list follows the paste by itself.
    await expect.poll(() => page.getByText(/的值 -4 超出允许范围/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await seen("pasted-block");
    // Saved, so the next test's 新建标准模板 is not asked about.
    await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载 .xlsx", exact: true }).click(),
    ]);
  });

  it("at 400 px, a jump to a problem keeps the cell's label (column A) in view beside it", async () => {
    const example = await readSnapshot(readFileSync("assets/example-wanzhou-2020.xlsx"));
    const staff = findName(example, "staff_actual")!;
    const row = /\d+$/.exec(staff.address)![0];
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      await page
        .getByRole("button", { name: /年末实有在职人数/ })
        .first()
        .click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-address") ?? null))
        .toBe(staff.address);
      const seen = await page.evaluate(
        ([cellAddress, labelAddress]) => {
          const onTop = (td: Element | null) => {
            if (!td) return false;
            const r = td.getBoundingClientRect();
            return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === td;
          };
          const grid = document.querySelector('[role="grid"]')!;
          const label = grid.querySelector(`td[data-address="${labelAddress}"]`);
          return {
            cell: onTop(grid.querySelector(`td[data-address="${cellAddress}"]`)),
            label: onTop(label),
            labelText: label?.textContent ?? "",
          };
        },
        [staff.address, `A${row}`] as const,
      );
      expect(seen).toEqual({ cell: true, label: true, labelText: "年末实有在职人数（人）" });
      await shots.take(page, "400px-jump-to-problem");
      await expectAccessible(page, "400px-jump-to-problem");
    } finally {
      await page.setViewportSize({ width: 1100, height: 900 });
    }
  });

  it("a blank template: no stray 「· 年度」, no internal template id, and 说明 not cut off in the grid", async () => {
    await page.getByRole("tab", { name: "模板", exact: true }).click();
    await page.getByRole("button", { name: "新建标准模板" }).click();
    await expect.poll(() => page.getByText("尚未评分").count()).toBeGreaterThan(0);
    const status = await page.getByRole("region", { name: "模板状态" }).innerText();
    expect(status).not.toContain("年度");
    expect(status).not.toMatch(/·\s*$/m);
    await seen("blank-template");
    await page.getByRole("tab", { name: "模板", exact: true }).click();
    expect(await page.getByText("模板名称").isVisible()).toBe(true);
    expect(await page.locator("#root").innerText()).not.toContain("cn.perfeval");
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "说明" }).click();
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('[role="grid"] td')]
        .filter((td) => td.textContent && (td.scrollWidth > td.clientWidth || td.scrollHeight > td.clientHeight))
        .map((td) => td.getAttribute("data-address")),
    );
    const texts = await page.evaluate(
      () =>
        [...document.querySelectorAll('[role="grid"] td')].filter((td) => (td.textContent ?? "").length > 30).length,
    );
    expect(texts).toBeGreaterThan(0);
    expect(clipped).toEqual([]);
    await seen("blank-template-说明");
  });

  it("a blank template's 校验: like problems of a sheet are one summary line that opens, by keyboard, to their cards", async () => {
    await page.getByRole("tab", { name: "校验", exact: true }).click();
    await page.getByRole("button", { name: "校验", exact: true }).click();
    const income = page.getByRole("region", { name: "收支情况" });
    const summary = income.getByRole("button", { name: /收支情况：\d+ 项未填写/ });
    await summary.waitFor();
    const n = Number(/：(\d+) 项未填写/.exec(await summary.innerText())![1]);
    expect(n).toBeGreaterThanOrEqual(5);
    expect(await summary.getAttribute("aria-expanded")).toBe("false");
    // Closed: none of its cards is drawn.
    const list = `#${await summary.getAttribute("aria-controls")}`;
    expect(await page.locator(list).count()).toBe(0);
    expect(await income.getByRole("button", { name: /还没有填写/ }).count()).toBe(0);
    const box = (await summary.boundingBox())!;
    expect(
      await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest("button")?.getAttribute("aria-expanded"),
        [box.x + box.width / 2, box.y + box.height / 2] as const,
      ),
    ).toBe("false");
    await seen("blank-validate-summarised");
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await summary.getAttribute("aria-expanded")).toBe("true");
    const cards = page.locator(list).getByRole("button");
    expect(await cards.count()).toBe(n);
    expect(await cards.first().isVisible()).toBe(true);
    expect(await cards.first().innerText()).toMatch(/还没有填写/);
    await seen("blank-validate-summary-open");
    await page.keyboard.press("Enter");
    expect(await summary.getAttribute("aria-expanded")).toBe("false");
  });

  it("makes no request outside its own origin", () => {
    const origin = new URL(baseUrl).origin;
    const foreign = requests.filter(
      (u) => !u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin,
    );
    expect(requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });

  it("breaks no rule of its Content-Security-Policy while opening, scoring, reporting and exporting", () => {
    expect(cspViolations).toEqual([]);
  });

  it("renders at the task pane's 320 px width", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: path.join(process.cwd(), ".tmp/e2e-320.png"), fullPage: false });
    await expectAccessible(page, "320px");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe.skipIf(!browserPath)("the browser page in a dark system theme", () => {
  let browser: Browser;
  let page: Page;
  let shots: Shots;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_ARGS });
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: "dark" });
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    shots = new Shots("browser-page-dark");
    await page.goto(`${baseUrl}/web/index.html?example=1&lang=zh-CN`);
    await page.getByText("重庆市万州区人民政府外事办公室").first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The page's own background, as a luminance from 0 (black) to 1 (white). */
  const backgroundLuminance = () =>
    page.evaluate(() => {
      let el: Element | null = document.querySelector('[data-testid="panel-status"]');
      while (el) {
        const c = getComputedStyle(el).backgroundColor;
        const m = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(c);
        if (m && (m[4] === undefined || Number(m[4]) > 0)) {
          const [r, g, b] = [m[1], m[2], m[3]].map((x) => Number(x) / 255);
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        }
        el = el.parentElement;
      }
      return 1;
    });

  it("follows the system's dark theme through 校验, 评分 and 报告: dark, readable, nothing covered", async () => {
    const step = async (state: string): Promise<void> => {
      expect(await backgroundLuminance(), state).toBeLessThan(0.3);
      const covering = await coveringAt(page);
      expect(covering.length, state).toBeGreaterThanOrEqual(3);
      expect(
        covering.filter((c) => c !== null),
        state,
      ).toEqual([]);
      await shots.take(page, state);
      await expectAccessible(page, state);
    };
    await step("example-opened");
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "指标体系" }).click();
    await page.getByRole("grid", { name: "工作表「指标体系」的单元格" }).waitFor();
    await expectRoleFills(page, "dark");
    await step("rubric-role-fills");
    await page.getByRole("tab", { name: "校验", exact: true }).click();
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await expect.poll(async () => (await statusLineSeen(page)).text).toBe("校验完成：0 个错误，3 个警告。");
    await step("validated");
    await page.getByRole("tab", { name: "评分", exact: true }).click();
    await page.getByRole("button", { name: "评分并写入" }).click();
    await expect.poll(() => page.getByText("优 · 94 分").count()).toBeGreaterThan(0);
    await step("scored");
    await page.getByRole("tab", { name: "报告", exact: true }).click();
    await page.getByRole("button", { name: "生成报告" }).click();
    await expect.poll(() => page.getByText(/四、整体支出绩效评价/).count()).toBeGreaterThan(0);
    await step("report");
    const origin = new URL(baseUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual(
      [],
    );
  });
});

describe.skipIf(!browserPath)("the browser page's language in an en-US browser", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_ARGS });
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: "en-US" });
    page = await context.newPage();
    await page.goto(`${baseUrl}/web/index.html?example=1`);
    await page.getByText("重庆市万州区人民政府外事办公室").first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The switch's button for a language: visible, on top at its centre, and whether it is the current one. */
  async function switchButton(label: string): Promise<{ onTop: boolean; pressed: string | null }> {
    const button = page.getByRole("group", { name: /Language/ }).getByRole("button", { name: label });
    const box = await button.boundingBox();
    const onTop = box
      ? await page.evaluate(
          ([x, y, text]) => document.elementFromPoint(x!, y!)?.closest("button")?.textContent === text,
          [box.x + box.width / 2, box.y + box.height / 2, label] as const,
        )
      : false;
    return { onTop, pressed: await button.getAttribute("aria-pressed") };
  }

  it("opens in Chinese although the browser asks for English, with a visible 中文 / English switch", async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await page.getByRole("tab", { name: "校验", exact: true }).isVisible()).toBe(true);
    expect(await switchButton("中文")).toEqual({ onTop: true, pressed: "true" });
    expect(await switchButton("English")).toEqual({ onTop: true, pressed: "false" });
    await expectAccessible(page, "en-US browser, Chinese");
  });

  it("switches to English when chosen, and remembers it on the next visit; back to 中文 likewise", async () => {
    await page.getByRole("button", { name: "English" }).click();
    expect(await page.getByRole("tab", { name: "Check", exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expectAccessible(page, "English");
    await page.reload();
    await page.getByRole("tab", { name: "Check", exact: true }).waitFor();
    expect(await switchButton("English")).toEqual({ onTop: true, pressed: "true" });
    await page.getByRole("button", { name: "中文" }).click();
    expect(await page.getByRole("tab", { name: "校验", exact: true }).isVisible()).toBe(true);
    await page.reload();
    await page.getByRole("tab", { name: "校验", exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
  });
});

describe.skipIf(!browserPath)("the built pages' code", () => {
  const out = path.join(process.cwd(), ".tmp/e2e-dist");

  it("has no eval, new Function or string timer in any script, lazily loaded chunks (exceljs, docx) included", () => {
    const scripts = readdirSync(path.join(out, "js")).filter((f) => f.endsWith(".js"));
    expect(
      scripts
        .filter((f) => /^(taskpane|web|exceljs|docx)\./.test(f))
        .map((f) => f.split(".")[0])
        .sort(),
    ).toEqual(["docx", "exceljs", "taskpane", "web"]);
    for (const f of scripts) {
      const js = readFileSync(path.join(out, "js", f), "utf8");
      for (const re of EVAL_PATTERNS) expect(js, `${f} ${String(re)}`).not.toMatch(re);
    }
  });

  it.each(["taskpane.html", "web/index.html"])("%s has a Content-Security-Policy that allows no eval", (page) => {
    const html = readFileSync(path.join(out, page), "utf8");
    // The built html is minified: attribute values without quotes where they need none.
    const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/i.exec(html)?.[1];
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
  });
});
