// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { diag } from "../../../src/engine/diagnostics/types";
import { HostError } from "../../../src/hosts/common/types";
import { ActionCancelled, BrowserHost, XLSX_MIME, assetUrl } from "../../../src/hosts/browser/browser-host";
import type { CodecMarks } from "../../../src/hosts/browser/browser-host";
import type { WritePlan } from "../../../src/engine/model/write-plan";
import { EXAMPLE, FakeCodec, TEMPLATE_SNAPSHOT, decode, encode, fakeAssets } from "../../web/fake-codec";

function setup() {
  const codec = new FakeCodec();
  const assets = fakeAssets();
  const download = vi.fn();
  const loadCodec = vi.fn(async () => codec);
  const host = new BrowserHost({ loadCodec, fetchAsset: assets.fetchAsset, download });
  return { host, codec, assets, download, loadCodec };
}

describe("BrowserHost", () => {
  it("reads an empty workbook before any file is open, without loading exceljs", async () => {
    const { host, loadCodec } = setup();
    expect(await host.readSnapshot()).toEqual({ sheets: [], names: [] });
    expect(loadCodec).not.toHaveBeenCalled();
  });

  it.each([
    ["openExample", "example-wanzhou-2020.xlsx", EXAMPLE, "基本情况"],
    ["createTemplate", "standard-template.xlsx", TEMPLATE_SNAPSHOT, "说明"],
  ] as const)("%s loads the bundled %s and shows its first visible sheet", async (method, asset, snapshot, first) => {
    const { host, assets } = setup();
    await host[method]();
    expect(assets.fetched).toEqual([asset]);
    expect(await host.readSnapshot()).toEqual(snapshot);
    expect(host.getState().activeSheet).toBe(first);
    // Opened from the pane: the pane reloads by itself, so the page does not restart it.
    expect(host.getState().generation).toBe(0);
  });

  it("serves assets from beside the web/ folder", () => {
    expect(assetUrl("standard-template.xlsx", "https://localhost:3000/web/index.html?example=1")).toBe(
      "https://localhost:3000/assets/standard-template.xlsx",
    );
  });

  it("opens a picked .xlsx and restarts the pane; refuses other files", async () => {
    const { host } = setup();
    const file = { name: "外事办.XLSX", arrayBuffer: async () => encode(EXAMPLE).buffer as ArrayBuffer };
    await host.openFile(file);
    expect(host.getState().fileName).toBe("外事办.XLSX");
    expect(host.getState().generation).toBe(1);
    await expect(
      host.openFile({ name: "报告.xls", arrayBuffer: async () => new ArrayBuffer(0) }),
    ).rejects.toMatchObject({
      name: "HostError",
      code: "not_xlsx",
    });
  });

  it("says which file it is reading while a workbook opens, and nothing once it is open or refused", async () => {
    const { host, codec } = setup();
    let release: () => void = () => undefined;
    codec.readSnapshot.mockImplementationOnce(async (bytes) => {
      await new Promise<void>((r) => (release = r));
      return decode(bytes);
    });
    const opening = host.openFile({
      name: "大表.xlsx",
      arrayBuffer: async () => encode(EXAMPLE).buffer as ArrayBuffer,
    });
    await vi.waitFor(() => expect(host.getState().opening).toBe("大表.xlsx"));
    expect(host.getState().fileName).toBeNull();
    release();
    await opening;
    expect(host.getState()).toMatchObject({ opening: null, fileName: "大表.xlsx" });
    codec.readSnapshot.mockRejectedValueOnce(new Error("bad zip"));
    await expect(
      host.openFile({ name: "坏.xlsx", arrayBuffer: async () => new Uint8Array([1]).buffer as ArrayBuffer }),
    ).rejects.toMatchObject({ code: "file_unreadable" });
    expect(host.getState()).toMatchObject({ opening: null, fileName: "大表.xlsx" });
  });

  it("a file the codec cannot read becomes file_unreadable and keeps the open workbook", async () => {
    const { host } = setup();
    await host.openExample();
    const broken = {
      name: "坏.xlsx",
      arrayBuffer: async () => new TextEncoder().encode("not json").buffer as ArrayBuffer,
    };
    await expect(host.openFile(broken)).rejects.toMatchObject({ code: "file_unreadable" });
    expect(host.getState().fileName).toBe("example-wanzhou-2020.xlsx");
  });

  it("a failed asset download is a HostError", async () => {
    const host = new BrowserHost({
      loadCodec: async () => new FakeCodec(),
      fetchAsset: async () => Promise.reject(new TypeError("offline")),
    });
    const err = await host.openExample().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: "file_unreadable" });
  });

  it("applyWritePlan updates the in-memory bytes and the snapshot, and returns the summary", async () => {
    const { host, codec, download } = setup();
    await host.openExample();
    const summary = await host.applyWritePlan({
      ops: [{ kind: "values", sheet: "收支情况", address: "C1", values: [[94, "优"]] }],
    });
    expect(summary).toEqual({ cellsBySheet: { 收支情况: 2 }, createdSheets: [] });
    const after = await host.readSnapshot();
    expect(after.sheets.find((s) => s.name === "收支情况")!.cells.at(-1)).toEqual([
      { t: "n", v: 94 },
      { t: "s", v: "优" },
    ]);
    expect(host.getState().written).toBe(true);
    await host.downloadWorkbook();
    const [name, bytes, mime] = download.mock.calls[0]!;
    // Written, not scored (the report sheet): the file keeps its own name; 已评分 is for 评分's write.
    expect(name).toBe("example-wanzhou-2020.xlsx");
    expect(mime).toBe(XLSX_MIME);
    expect(decode(bytes as Uint8Array)).toEqual(after);
    expect(codec.applyWritePlan).toHaveBeenCalledTimes(1);
  });

  it("results are unsaved from a write until the download, which records its time", async () => {
    const download = vi.fn();
    const host = new BrowserHost({
      loadCodec: async () => new FakeCodec(),
      fetchAsset: fakeAssets().fetchAsset,
      download,
      now: () => new Date(2026, 11, 3, 9, 5),
    });
    await host.openExample();
    expect(host.getState()).toMatchObject({ unsaved: false, downloadedAt: null });
    // Marks alone are no result to lose.
    await host.markDiagnostics([]);
    expect(host.getState().unsaved).toBe(false);
    await host.applyWritePlan({ ops: [{ kind: "values", sheet: "收支情况", address: "C1", values: [[94]] }] });
    expect(host.getState().unsaved).toBe(true);
    await host.downloadWorkbook();
    expect(host.getState()).toMatchObject({ unsaved: false, downloadedAt: "09:05" });
  });

  it.each([
    [
      "openFile",
      (h: BrowserHost) =>
        h.openFile({ name: "另一个.xlsx", arrayBuffer: async () => encode(EXAMPLE).buffer as ArrayBuffer }),
    ],
    ["createTemplate", (h: BrowserHost) => h.createTemplate()],
    ["openExample", (h: BrowserHost) => h.openExample()],
  ] as const)("%s asks before replacing unsaved results; kept, nothing changes", async (_m, replace) => {
    const { host, assets } = setup();
    await host.openExample();
    await host.applyWritePlan({ ops: [{ kind: "values", sheet: "收支情况", address: "C1", values: [[94]] }] });
    const before = host.getState();
    const fetched = assets.fetched.length;
    const confirm = vi.fn(() => false);
    host.setConfirmReplace(confirm);
    await expect(replace(host)).rejects.toBeInstanceOf(ActionCancelled);
    expect(confirm).toHaveBeenCalledWith("example-wanzhou-2020.xlsx");
    expect(host.getState()).toBe(before);
    expect(assets.fetched.length).toBe(fetched);
    // Agreed: replaced, and the new workbook has nothing unsaved.
    confirm.mockReturnValue(true);
    await replace(host);
    expect(host.getState()).toMatchObject({ unsaved: false, written: false });
  });

  it("asks nothing when nothing is unsaved (before any write, or after the download)", async () => {
    const { host } = setup();
    const confirm = vi.fn(() => false);
    host.setConfirmReplace(confirm);
    await host.openExample();
    await host.applyWritePlan({ ops: [{ kind: "values", sheet: "收支情况", address: "C1", values: [[94]] }] });
    await host.downloadWorkbook();
    await host.createTemplate();
    expect(confirm).not.toHaveBeenCalled();
    expect(host.getState().fileName).toBe("绩效评价模板.xlsx");
  });

  it("applyWritePlan without a workbook fails as a HostError", async () => {
    const { host } = setup();
    await expect(host.applyWritePlan({ ops: [] })).rejects.toMatchObject({ code: "sheet_missing" });
  });

  it("marks cells with their worst severity, expanding ranges", async () => {
    const { host } = setup();
    await host.openExample();
    await host.markDiagnostics([
      diag(
        "sum_mismatch",
        "warning",
        { sheet: "收支情况", address: "B2" },
        { check: "C01", expression: "", left: "", right: "", difference: "" },
      ),
      diag("not_a_number", "error", { sheet: "收支情况", address: "B2" }, { label: "x", text: "y" }),
      diag("table_header_missing", "info", { sheet: "基本情况", address: "A1:B1" }, { table: "t" }),
      diag("template_not_recognized", "error", null, {}),
    ]);
    expect([...host.getState().marks.entries()]).toEqual([
      ["收支情况!B2", "error"],
      ["基本情况!A1", "info"],
      ["基本情况!B1", "info"],
    ]);
    await host.markDiagnostics([]);
    expect(host.getState().marks.size).toBe(0);
  });

  it("marks reach the file with its next use, the last 校验's only: 校验 again while typing costs no .xlsx round trip", async () => {
    const { host, codec, download } = setup();
    await host.openExample();
    const first = [diag("not_a_number", "error", { sheet: "收支情况", address: "B2" }, { label: "x", text: "y" })];
    const last = [diag("not_a_number", "error", { sheet: "收支情况", address: "B1" }, { label: "x", text: "y" })];
    await host.markDiagnostics(first);
    host.editCells("收支情况", "B1", [["abc"]]);
    await host.markDiagnostics(last);
    expect(host.getState().marks.has("收支情况!B1")).toBe(true);
    expect(codec.applyWritePlan).not.toHaveBeenCalled();
    await host.downloadWorkbook();
    expect(download).toHaveBeenCalledTimes(1);
    // The edit first, then the marks of the last 校验 alone.
    const calls = codec.applyWritePlan.mock.calls as unknown as [unknown, WritePlan, { marks: CodecMarks }?][];
    expect(calls.map((c) => [c[1].ops.length, c[2]?.marks.diagnostics])).toEqual([
      [1, undefined],
      [0, last],
    ]);
    await host.downloadWorkbook();
    expect(codec.applyWritePlan).toHaveBeenCalledTimes(2);
  });

  it("after 校验, the grid turns to the worst problem's sheet only when the one shown has none", async () => {
    const { host } = setup();
    await host.openExample();
    expect(host.getState().activeSheet).toBe("基本情况");
    const warning = diag("table_header_missing", "warning", { sheet: "收支情况", address: "A1" }, { table: "t" });
    const error = diag("not_a_number", "error", { sheet: "收支情况", address: "B2" }, { label: "x", text: "y" });
    const here = diag("not_a_number", "info", { sheet: "基本情况", address: "B2" }, { label: "x", text: "y" });
    host.revealProblems([diag("template_not_recognized", "error", null, {})]);
    expect(host.getState().activeSheet).toBe("基本情况");
    host.revealProblems([warning, here]);
    expect(host.getState().activeSheet).toBe("基本情况");
    host.revealProblems([warning, error]);
    expect(host.getState().activeSheet).toBe("收支情况");
    // The selection (and so the focus) is left alone.
    expect(host.getState().selectSeq).toBe(0);
  });

  it("selectCell switches the sheet, bumps the selection and notifies", async () => {
    const { host } = setup();
    await host.openExample();
    const listener = vi.fn();
    const off = host.subscribe(listener);
    await host.selectCell({ sheet: "收支情况", address: "B1" });
    await host.selectCell({ sheet: "收支情况", address: "B1" });
    expect(host.getState()).toMatchObject({
      activeSheet: "收支情况",
      selected: { sheet: "收支情况", address: "B1" },
      selectSeq: 2,
    });
    expect(listener).toHaveBeenCalledTimes(2);
    off();
    await expect(host.selectCell({ sheet: "没有", address: "A1" })).rejects.toMatchObject({ code: "sheet_missing" });
  });

  it("saveFile hands the bytes to the download", async () => {
    const { host, download } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    await host.saveFile("绩效自评报告.docx", bytes, "application/x-test");
    expect(download).toHaveBeenCalledWith("绩效自评报告.docx", bytes, "application/x-test");
  });

  describe("typing into the grid", () => {
    it("changes input cells only: the grid at once, the bytes on their next use; numbers as numbers, a blank clears", async () => {
      const { host, codec } = setup();
      await host.openExample();
      expect(host.getState().inputs.get("基本情况")?.has("B2")).toBe(true);
      const result = host.editCells("基本情况", "A2", [
        ["编制", "12", " 226.86万元 "],
        ["x", ""],
      ]);
      // A2 and A3 are labels, C2 not an input cell: left alone and counted.
      expect(result).toEqual({ changed: 2, skipped: 3 });
      // Anything but a plain number is kept as typed: 校验 reads it as the field's type (the engine's coercion).
      expect(host.editCells("基本情况", "B1", [[" 226.86万元 "]])).toEqual({ changed: 1, skipped: 0 });
      const cells = (await host.readSnapshot()).sheets.find((s) => s.name === "基本情况")!.cells;
      expect(cells[1]![1]).toEqual({ t: "n", v: 12 });
      expect(cells[1]![0]).toEqual({ t: "s", v: "编制数（人）" });
      expect(cells[2]![1]).toEqual({ t: "empty" });
      expect(host.getState()).toMatchObject({ written: true, unsaved: true, scored: false });
      // Typing costs no .xlsx round trip: the file takes every pending edit in one write when it is next used.
      expect(codec.applyWritePlan).not.toHaveBeenCalled();
      await host.downloadWorkbook();
      expect(codec.applyWritePlan.mock.calls.map((c) => c[1].ops)).toEqual([
        [
          { kind: "values", sheet: "基本情况", address: "B2", values: [[12]] },
          { kind: "values", sheet: "基本情况", address: "B3", values: [[null]] },
          { kind: "values", sheet: "基本情况", address: "B1", values: [[" 226.86万元 "]] },
        ],
      ]);
    });

    it("tells the pane of every edit (its stale results) until unsubscribed", async () => {
      const { host } = setup();
      await host.openExample();
      const seen: string[] = [];
      const off = await host.onUserEdit((sheet, address) => seen.push(`${sheet}!${address}`));
      host.editCells("收支情况", "B1", [["1"]]);
      host.editCells("收支情况", "A1", [["no"]]);
      await off();
      host.editCells("收支情况", "B2", [["2"]]);
      expect(seen).toEqual(["收支情况!B1"]);
    });

    it("评分's write waits for the edits and keeps one typed meanwhile; the download is 已评分 until the next edit", async () => {
      const { host, download } = setup();
      await host.openExample();
      host.editCells("收支情况", "B1", [["100"]]);
      const scoring = host.applyAndMark(
        { ops: [{ kind: "values", sheet: "收支情况", address: "C9", values: [[94]] }] },
        [],
      );
      host.editCells("收支情况", "B2", [["5"]]);
      await scoring;
      const cells = (await host.readSnapshot()).sheets.find((s) => s.name === "收支情况")!.cells;
      expect(cells[0]![1]).toEqual({ t: "n", v: 100 });
      expect(cells[1]![1]).toEqual({ t: "n", v: 5 });
      expect(host.getState().scored).toBe(true);
      await host.downloadWorkbook();
      const bytes = download.mock.calls[0]![1] as Uint8Array;
      const saved = decode(bytes).sheets.find((s) => s.name === "收支情况")!.cells;
      expect(saved[0]![1]).toEqual({ t: "n", v: 100 });
      expect(saved[1]![1]).toEqual({ t: "n", v: 5 });
      expect(download.mock.calls[0]![0]).toBe("example-wanzhou-2020-已评分.xlsx");
      host.editCells("收支情况", "B1", [["101"]]);
      await host.downloadWorkbook();
      expect(download.mock.calls[1]![0]).toBe("example-wanzhou-2020.xlsx");
    });

    it("an edit that could not reach the file fails that use of the file, and is written on the next try", async () => {
      const { host, codec, download } = setup();
      await host.openExample();
      codec.applyWritePlan.mockRejectedValueOnce(new Error("disk full"));
      host.editCells("收支情况", "B1", [["1"]]);
      await expect(host.downloadWorkbook()).rejects.toMatchObject({ name: "HostError", code: "unknown" });
      expect(download).not.toHaveBeenCalled();
      await host.downloadWorkbook();
      const saved = decode(download.mock.calls[0]![1] as Uint8Array).sheets.find((s) => s.name === "收支情况")!;
      expect(saved.cells[0]![1]).toEqual({ t: "n", v: 1 });
    });

    it("a file without input cells (or a codec that cannot tell) is only shown", async () => {
      const { host, codec } = setup();
      codec.inputCells.mockResolvedValueOnce(new Map());
      await host.openExample();
      expect(host.editCells("基本情况", "B2", [["1"]])).toEqual({ changed: 0, skipped: 1 });
      expect(host.getState().unsaved).toBe(false);
    });
  });
});
