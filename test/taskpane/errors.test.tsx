// @vitest-environment happy-dom
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { hostError } from "../../src/hosts/office/errors";
import { HostError } from "../../src/hosts/common/types";
import { namedSheets, toPaneError } from "../../src/taskpane/host-error";
import { HOST_CODE_MESSAGES, hostFailure } from "../../src/hosts/common";
import { catalogs } from "../../src/taskpane/i18n";
import { FakeHost } from "./fakes";
import { renderPane } from "./render-pane";

describe("host failures", () => {
  it.each([
    ["sheet_protected", "要写入的工作表受保护。", "请在「审阅」中撤销工作表保护，然后再试一次。"],
    ["cell_edit_mode", "Excel 正在编辑某个单元格，暂时无法读写。", "请按 Enter 或 Esc 结束单元格编辑，然后再试一次。"],
  ] as const)("a %s HostError shows the catalog's message and fix; buttons re-enable", async (code, message, fix) => {
    const host = new FakeHost();
    const { user } = await renderPane({ host });
    await user.click(screen.getByRole("tab", { name: "评分" }));
    host.failNext("applyWritePlan", code);
    const run = screen.getByRole("button", { name: "评分并写入" });
    await user.click(run);
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText(fix)).toBeTruthy();
    // The developer's text of a known code is not shown to the accountant.
    expect(screen.queryByText(/fake applyWritePlan failed/)).toBeNull();
    await waitFor(() => expect(run.hasAttribute("disabled")).toBe(false));
    expect(screen.queryByRole("progressbar")).toBeNull();
    // Retrying clears the message once it succeeds; dismissing also works.
    await user.click(run);
    await waitFor(() => expect(screen.queryByText(message)).toBeNull());
  });

  it.each([
    ["zh-CN", "要写入的工作表「评价结果」受保护。", "请在「审阅」中撤销工作表保护，然后再试一次。"],
    ["en", "The sheet to write to, 评价结果, is protected.", null],
  ] as const)("a protected sheet is named, as the Office host named it (%s)", async (lang, message, fix) => {
    const host = new FakeHost();
    const { user } = await renderPane({ host, lang });
    await user.click(screen.getByRole("tab", { name: lang === "en" ? "Score" : "评分" }));
    host.applyWritePlan.mockRejectedValueOnce(hostError("sheet_protected", "评价结果"));
    await user.click(screen.getByRole("button", { name: lang === "en" ? "Score and write" : "评分并写入" }));
    expect(await screen.findByText(message)).toBeTruthy();
    if (fix) expect(screen.getByText(fix)).toBeTruthy();
  });

  it.each([
    [hostError("sheets_exist", "指标体系、评价结果"), "指标体系、评价结果"],
    [hostError("sheet_protected"), null],
    [new HostError("api_unsupported", "此版本的 Excel 不能新建工作簿（需要 ExcelApi 1.8）。请直接打开示例文件"), null],
  ])("namedSheets reads the names a host put at the end of its message", (err, names) => {
    expect(namedSheets(err)).toBe(names);
  });

  it("an unexpected error keeps its text as a detail and can be dismissed", async () => {
    const host = new FakeHost();
    const { user } = await renderPane({ host });
    host.readSnapshot.mockRejectedValueOnce(new Error("boom"));
    await user.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("操作没有完成，出现了意外的问题。")).toBeTruthy();
    expect(screen.getByText("boom")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByText("boom")).toBeNull();
  });

  it("buttons are disabled and a progress bar shows while working", async () => {
    const host = new FakeHost();
    const { user } = await renderPane({ host });
    let release: () => void = () => undefined;
    host.markDiagnostics.mockImplementationOnce(() => new Promise<void>((r) => (release = r)));
    await user.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByRole("button", { name: "校验" }).hasAttribute("disabled")).toBe(true);
    release();
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect(screen.getByRole("button", { name: "校验" }).hasAttribute("disabled")).toBe(false);
  });
});

describe("a host failure with its reason", () => {
  it.each([
    [
      "download_mac",
      "Excel for Mac 的任务窗格不能下载文件。请在 Excel 网页版或 Windows 版中生成，或用命令行 perfeval report 生成 .docx。",
    ],
    [
      "template_insert_unsupported",
      "此版本的 Excel 不能向当前工作簿插入模板（需要 ExcelApi 1.13）。请直接打开模板文件 standard-template.xlsx。",
    ],
  ] as const)("%s: the pane shows the host's specific words, not the generic 不支持 text", (reason, words) => {
    const shown = toPaneError(hostFailure(reason, {}), catalogs["zh-CN"]);
    expect(shown.message).toBe(words);
    expect(shown.message).not.toBe(HOST_CODE_MESSAGES["zh-CN"].api_unsupported.message);
  });

  it.each([
    ["zh-CN", "无法读取：文件设置了打开密码（已加密），或是旧版 .xls 格式。"],
    ["en", "Cannot read it: the file has an open password (it is encrypted) or is an old .xls file."],
  ] as const)("%s: the pane says the host's own words for it, not only its code's", (lang, words) => {
    const t = catalogs[lang];
    const shown = toPaneError(hostFailure("encrypted_or_xls", {}, "cfb"), t);
    expect(shown.message.startsWith(words)).toBe(true);
    expect(shown.message).not.toBe(HOST_CODE_MESSAGES[lang].file_unreadable.message);
    expect(shown.fix).toBe(HOST_CODE_MESSAGES[lang].file_unreadable.fix);
  });
});
