import { defineConfig } from "vitest/config";

export const config = defineConfig({
  test: {
    globals: true,
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/setup/no-console.ts"],
    testTimeout: 20000,
  },
});
// vitest loads the default export of its config file.
export { config as default };
