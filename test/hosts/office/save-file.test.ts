// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { saveWithDownload } from "../../../src/hosts/office/save-file";
import { HostError } from "../../../src/hosts/common/types";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("saveFile (download link)", () => {
  it.each(["PC", "OfficeOnline"])("on %s clicks a blob download link named after the file", async (platform) => {
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    await saveWithDownload({ context: { platform } })("评价报告.docx", new Uint8Array([1, 2, 3]), DOCX);
    expect(click).toHaveBeenCalledTimes(1);
    expect(clicked[0]!.download).toBe("评价报告.docx");
    expect(clicked[0]!.href).toMatch(/^blob:/);
    expect(document.querySelectorAll("a")).toHaveLength(0);
  });

  it("on Excel for Mac refuses clearly instead of failing silently", async () => {
    const save = saveWithDownload({ context: { platform: "Mac" } });
    const error = await save("r.docx", new Uint8Array([1]), DOCX).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("api_unsupported");
    expect((error as HostError).message).toContain("Mac");
  });
});
