// Stubs for browser APIs Fluent UI expects and happy-dom lacks. Imported by every pane test.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.ResizeObserver === "undefined") g.ResizeObserver = ResizeObserverStub;
if (typeof window !== "undefined" && typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (typeof Element !== "undefined" && typeof Element.prototype.scrollIntoView !== "function") {
  Element.prototype.scrollIntoView = () => undefined;
}

// happy-dom's Web Animations reject on cancel (unhandled); without animate() Fluent's motion simply skips.
for (const proto of [globalThis.Element?.prototype, globalThis.HTMLElement?.prototype]) {
  if (proto && "animate" in proto) Object.defineProperty(proto, "animate", { value: undefined, configurable: true });
}

afterEach(() => cleanup());
