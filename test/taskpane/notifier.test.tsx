// @vitest-environment happy-dom
import "./setup";
import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Notifier, TOAST_MS } from "../../src/taskpane/components/Notifier/Notifier";

afterEach(() => {
  vi.useRealTimers();
});

describe("Notifier (the quiet toast)", () => {
  it("shows a notice in its live region for 3 s, again for a new id, with no Tabster dummy inputs", () => {
    vi.useFakeTimers();
    const { container, rerender } = render(<Notifier toasterId="t" notice={{ id: 1, text: "已复制全文。" }} />);
    expect(screen.getByTestId("toast").textContent).toBe("已复制全文。");
    expect(container.querySelector("#t")?.getAttribute("aria-live")).toBe("polite");
    expect(container.querySelectorAll("[data-tabster-dummy], [data-tabster]")).toHaveLength(0);
    act(() => void vi.advanceTimersByTime(TOAST_MS));
    expect(screen.queryByTestId("toast")).toBeNull();
    rerender(<Notifier toasterId="t" notice={{ id: 2, text: "已复制全文。" }} />);
    expect(screen.getByTestId("toast").textContent).toBe("已复制全文。");
  });
});
