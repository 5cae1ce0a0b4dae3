import { webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Lang } from "../../src/engine";
import { PaneProviders, TaskPane } from "../../src/taskpane/App";
import { preloadPane } from "../../src/taskpane/lazy-panels";
import { FakeEngine, FakeHost } from "./fakes";

/** Render the pane on fakes and wait until the first read has finished (and the lazily loaded panels are in). */
export async function renderPane(options: { host?: FakeHost; engine?: FakeEngine; lang?: Lang; ready?: boolean } = {}) {
  const host = options.host ?? new FakeHost();
  const engine = options.engine ?? new FakeEngine();
  const user = userEvent.setup();
  // The panels load with import() after the first render; waiting here keeps each test's steps synchronous.
  await preloadPane();
  const utils = render(
    <PaneProviders lang={options.lang ?? "zh-CN"} theme={webLightTheme}>
      <TaskPane host={host} engine={engine} />
    </PaneProviders>,
  );
  if (options.ready !== false) await screen.findByRole("tablist");
  return { host, engine, user, ...utils };
}
