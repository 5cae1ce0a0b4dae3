import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", { selector: "ExportDefaultDeclaration", message: "Named exports only." }],
      "no-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["*.config.js", "*.config.ts", "webpack.config.*"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // The engine is pure: no host, UI, file or DOM access (see conventions.md).
    files: ["src/engine/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/engine must not import UI code." },
            { group: ["exceljs", "docx", "jszip"], message: "src/engine must not import file-format libraries." },
            {
              group: ["node:*", "fs", "path", "os", "child_process"],
              message: "src/engine must not import Node built-ins.",
            },
            {
              group: ["**/hosts/**", "**/taskpane/**", "**/cli/**"],
              message: "src/engine must not import hosts, UI or CLI.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "console", "process"],
    },
  },
);
