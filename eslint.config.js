import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import prettier from "eslint-config-prettier";

/*
 * The layers of src/ and what each may import (README, Layout):
 *   engine ← templates ← hosts (common ← xlsx ← browser; common ← office) ← taskpane ← web;  hosts ← cli;  engine ← render.
 * Every layer is used through its index: "../engine", never "../engine/model/cell".
 */
const UI = { group: ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*"], message: "This layer has no UI." };
const FILES = { group: ["exceljs", "docx", "jszip"], message: "File formats belong to src/hosts and src/render." };
const NODE = { group: ["node:*", "fs", "path", "os", "child_process"], message: "Node built-ins belong to src/cli." };
const deep = (layer) => ({
  group: [`**/${layer}/**`],
  message: `Import src/${layer} through its index ("…/${layer}"), not its internals.`,
});
// A path that climbs out of the importing layer into one of `layers` (engine's own diagnostics/render is not src/render).
const no = (layers, why) => ({ regex: `^(\\.\\./)+(?:${layers.join("|")})(/|$)`, message: why });
const HOSTS_DEEP = ["hosts/common", "hosts/xlsx", "hosts/office", "hosts/browser"].map(deep);
const SIBLING_DEEP = ["common", "xlsx", "office", "browser"].map((h) => ({
  group: [`../${h}/**`, `../../${h}/**`],
  message: `Import another host through its index ("../${h}"), not its internals.`,
}));
const UPPER = no(["taskpane", "web", "cli"], "Lower layers never import the task pane, the browser page or the CLI.");

function restrict(files, patterns, extra = {}) {
  return { files, ...extra, rules: { "no-restricted-imports": ["error", { patterns }], ...(extra.rules ?? {}) } };
}

// The lower layers every host, the pane, the page and the CLI may use through their indexes only.
const LOWER_DEEP = ["engine", "templates", "render"].map(deep);

/** A host: no UI, no Node, lower layers and other hosts only through their indexes, never the layers above. */
function host(name, extra, forbidden, why) {
  return restrict(
    [`src/hosts/${name}/**/*.ts`],
    [UI, NODE, ...extra, ...LOWER_DEEP, UPPER, ...SIBLING_DEEP, no(forbidden, why)],
  );
}

function layers() {
  return [
    // The engine is pure: no host, UI, file or DOM access, and no template family (conventions.md).
    restrict(
      ["src/engine/**/*.ts"],
      [
        UI,
        FILES,
        NODE,
        no(["hosts", "taskpane", "web", "cli", "templates", "render"], "src/engine imports no other layer."),
      ],
      {
        languageOptions: { globals: {} },
        rules: {
          "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "console", "process"],
        },
      },
    ),
    restrict(
      ["src/templates/**/*.ts"],
      [
        UI,
        FILES,
        NODE,
        deep("engine"),
        no(["hosts", "taskpane", "web", "cli", "render"], "Templates are data over the engine."),
      ],
      { languageOptions: { globals: {} } },
    ),
    restrict(
      ["src/render/**/*.ts"],
      [
        UI,
        NODE,
        deep("engine"),
        no(["hosts", "templates", "taskpane", "web", "cli"], "src/render draws the engine's report only."),
      ],
    ),
    restrict(
      ["src/hosts/common/**/*.ts"],
      [
        UI,
        FILES,
        NODE,
        deep("engine"),
        deep("templates"),
        UPPER,
        no(["xlsx", "office", "browser"], "hosts/common is below every host."),
      ],
    ),
    host("xlsx", [], ["office", "browser"], "The xlsx host does not use the other hosts."),
    host(
      "office",
      [FILES],
      ["xlsx", "browser"],
      "The Office host does not use the other hosts: shared code lives in engine/model or hosts/common.",
    ),
    host("browser", [], ["office"], "The browser host does not use the Office host."),
    restrict(
      ["src/taskpane/**/*.{ts,tsx}"],
      [NODE, FILES, ...LOWER_DEEP, ...HOSTS_DEEP, no(["web", "cli"], "The pane does not import the page or the CLI.")],
    ),
    restrict(
      ["src/web/**/*.{ts,tsx}"],
      [NODE, ...LOWER_DEEP, ...HOSTS_DEEP, deep("taskpane"), no(["cli"], "The page does not import the CLI.")],
    ),
    restrict(
      ["src/cli/**/*.ts"],
      [UI, ...LOWER_DEEP, ...HOSTS_DEEP, no(["taskpane", "web"], "The CLI does not import the pane or the page.")],
    ),
  ];
}

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
  // Type-aware rules on the product's code (issue 12): a promise nobody awaits loses its error, a promise
  // handed where a void callback is expected runs unobserved, a switch over a union must name every case.
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // No source file over 400 lines: a file that grows past it is doing two jobs.
      "max-lines": ["error", { max: 400 }],
    },
  },
  {
    files: ["*.config.js", "*.config.ts", "webpack.config.*"],
    rules: { "no-restricted-syntax": "off" },
  },
  ...layers(),
);
