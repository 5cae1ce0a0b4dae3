// The exceljs of the browser bundle (webpack resolve.alias `exceljs$`): built from exceljs's sources rather than its
// prebuilt dist/exceljs.min.js, whose inlined core-js, regenerator-runtime and polyfills build code from strings
// (new Function), which the pages' Content-Security-Policy forbids. It is lib/exceljs.browser.js without that file's
// core-js and regenerator-runtime requires: Edge WebView2, Safari 14+ and Chrome have Promise, async and Symbol.
import Workbook from "exceljs/lib/doc/workbook";
import Enums from "exceljs/lib/doc/enums";

const ExcelJS = { Workbook, ...Enums };

export { Workbook };
// A default export because it stands in for the package, which our code imports as `import ExcelJS from "exceljs"`.
export { ExcelJS as default };
