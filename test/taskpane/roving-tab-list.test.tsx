// @vitest-environment happy-dom
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { RovingTabList, nextTabIndex } from "../../src/taskpane/components/RovingTabList/RovingTabList";

const TABS = ["模板", "校验", "评分", "报告"].map((label) => ({ value: label, label }));

const tab = (name: string): HTMLElement => screen.getByRole("tab", { name });

function Steps() {
  const [selected, setSelected] = useState("校验");
  return (
    <FluentProvider theme={webLightTheme}>
      <RovingTabList label="步骤" tabs={TABS} selected={selected} onSelect={setSelected} />
    </FluentProvider>
  );
}

describe("RovingTabList", () => {
  it("has no Tabster dummy inputs (focusable and aria-hidden: axe's aria-hidden-focus) and one tab stop", () => {
    const { container } = render(<Steps />);
    expect(container.querySelectorAll("[data-tabster-dummy]")).toHaveLength(0);
    expect(screen.getByRole("tablist", { name: "步骤" }).hasAttribute("data-tabster")).toBe(false);
    expect(screen.getAllByRole("tab").filter((t) => t.tabIndex === 0)).toEqual([tab("校验")]);
  });

  it("moves the focus with ←/→ (circular), Home and End; Enter selects the focused tab", async () => {
    const user = userEvent.setup();
    render(<Steps />);
    await user.tab();
    expect(document.activeElement).toBe(tab("校验"));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(tab("评分"));
    await user.keyboard("{End}{ArrowRight}");
    expect(document.activeElement).toBe(tab("模板"));
    await user.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(tab("报告"));
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "报告" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tab", { name: "报告" }).tabIndex).toBe(0);
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(tab("模板"));
  });

  it("ignores other keys", () => {
    expect(nextTabIndex("a", 1, 4)).toBeNull();
    expect(nextTabIndex("ArrowLeft", 0, 4)).toBe(3);
  });
});
