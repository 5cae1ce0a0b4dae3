import { defineConfig } from "vitest/config";

// The end-to-end run: the real browser page, built by webpack, driven in headless Chromium.
export const config = defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
export { config as default };
