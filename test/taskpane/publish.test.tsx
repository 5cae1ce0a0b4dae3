// @vitest-environment happy-dom
// 发布 from the 模板 tab: a bureau publishes its template (the record and the sheets' protection) from the pane.
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { PublishRequest, WriteSummary } from "../../src/hosts/common";
import { diag } from "../../src/engine/diagnostics/types";
import { FakeEngine, FakeHost } from "./fakes";
import { renderPane } from "./render-pane";

/** A host that can publish (the Office host, the browser page's copy). */
class PublishingHost extends FakeHost {
  readonly publish = vi.fn(async (_r: PublishRequest): Promise<WriteSummary> => ({
    cellsBySheet: { _meta: 400 },
    createdSheets: [],
  }));
}

async function openTemplateTab(host: FakeHost, engine = new FakeEngine()) {
  const r = await renderPane({ host, engine });
  await r.user.click(screen.getByRole("tab", { name: "模板" }));
  return r;
}

describe("发布 on the 模板 tab", () => {
  it("publishes with the engine's record and the password typed; the tab says what was protected", async () => {
    const host = new PublishingHost();
    const { engine, user } = await openTemplateTab(host);
    const section = screen.getByRole("region", { name: "发布模板（财政局）" });
    expect(section.textContent).toContain("单位改动了评分设置时，校验会逐格指出");
    await user.type(within(section).getByLabelText("保护密码（可选）"), "wz2020");
    await user.click(within(section).getByRole("button", { name: "发布模板" }));
    await waitFor(() => expect(host.publish).toHaveBeenCalledTimes(1));
    // The record's day, as `perfeval publish` writes it.
    expect(engine.publish.mock.calls[0]![1].now).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(host.publish.mock.calls[0]![0]).toEqual({
      writePlan: engine.publication.writePlan,
      protect: ["指标体系", "字段定义", "校验规则"],
      unlock: [{ sheet: "指标体系", range: "G6:G30" }],
      password: "wz2020",
    });
    const status = within(screen.getByRole("tabpanel")).getByRole("status");
    await waitFor(() =>
      expect(status.textContent).toBe(
        "已发布：记录 412 个设置单元格，指纹 sha256:0123456789ab…；已保护工作表 指标体系、字段定义、校验规则（设有密码）。请保存工作簿后分发给各单位。",
      ),
    );
  });

  it("without a password, none is passed (the protection only guards against slips)", async () => {
    const host = new PublishingHost();
    const { user } = await openTemplateTab(host);
    await user.click(screen.getByRole("button", { name: "发布模板" }));
    await waitFor(() => expect(host.publish).toHaveBeenCalledTimes(1));
    expect(host.publish.mock.calls[0]![0]).not.toHaveProperty("password");
    await screen.findByText(/（未设密码）/);
  });

  it("errors in the configuration publish nothing: the pane turns to 校验 and lists them", async () => {
    const host = new PublishingHost();
    const engine = new FakeEngine();
    const error = diag(
      "rubric_weight_sum_mismatch",
      "error",
      { sheet: "指标体系", address: "E10", label: "预算执行" },
      {
        parent: "预算执行",
        expected: "10",
        actual: "11",
      },
    );
    engine.publication = { ...engine.publication, diagnostics: [error], fingerprint: null, writePlan: { ops: [] } };
    const { user } = await openTemplateTab(host, engine);
    await user.click(screen.getByRole("button", { name: "发布模板" }));
    await screen.findByText("模板的设置有 1 处错误，未发布。请按校验列出的问题改正后再发布。");
    expect(host.publish).not.toHaveBeenCalled();
    expect(screen.getByRole("tab", { name: "校验", selected: true })).toBeTruthy();
    expect(screen.getByRole("tabpanel").textContent).toContain("rubric_weight_sum_mismatch");
  });

  it("a host that cannot publish offers no 发布", async () => {
    await openTemplateTab(new FakeHost());
    expect(screen.queryByRole("button", { name: "发布模板" })).toBeNull();
  });
});
