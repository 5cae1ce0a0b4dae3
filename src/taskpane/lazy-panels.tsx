import type { ComponentType } from "react";
import { createElement, lazy } from "react";

/** A component loaded with import(), rendered through React.lazy until its chunk has arrived, directly after. */
export interface LazyComponent<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Start (or join) loading the chunk; resolves once the component renders without suspending. */
  preload(): Promise<void>;
}

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (error: unknown) => {
        // A failed chunk (network) may be retried on the next render.
        pending = null;
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await start() }));
  const render = (props: P) => createElement((loaded ?? Lazy) as ComponentType<P>, props);
  return Object.assign(render, { preload: async () => void (await start()) });
}

// The steps (tabs and panels) appear once the workbook has been read and the toaster after an action, so none
// is needed for the first render: they load just after it, while the workbook is read. 校验 comes with the tabs.
export const LazyPaneSteps = lazyComponent(async () => (await import("./components/PaneSteps/PaneSteps")).PaneSteps);
export const LazyTemplatePanel = lazyComponent(
  async () => (await import("./components/TemplatePanel/TemplatePanel")).TemplatePanel,
);
export const LazyScorePanel = lazyComponent(
  async () => (await import("./components/ScorePanel/ScorePanel")).ScorePanel,
);
export const LazyReportPanel = lazyComponent(
  async () => (await import("./components/ReportPanel/ReportPanel")).ReportPanel,
);
export const LazyNotifier = lazyComponent(async () => (await import("./components/Notifier/Notifier")).Notifier);

/** Load every lazily split part of the pane (after the first render, and in tests before asserting). */
export async function preloadPane(): Promise<void> {
  await Promise.all(
    [LazyPaneSteps, LazyTemplatePanel, LazyScorePanel, LazyReportPanel, LazyNotifier].map((c) => c.preload()),
  );
}
