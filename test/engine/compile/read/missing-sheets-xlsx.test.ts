// The same folding through a real .xlsx: the example workbook damaged with exceljs (and the way Excel
// saves a deleted sheet's names, `#REF!`), written, and read back by the .xlsx host.
import { KNOWN_TEMPLATES } from "../../../../src/templates";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../../../src/hosts/xlsx/read-snapshot";
import { buildExampleWorkbook } from "../../../../src/hosts/xlsx/standard";
import { readTemplate } from "../../../../src/engine/compile/read/read";
import { runScoring } from "../../../../src/engine";
import { patchPart, toBytes } from "../../../hosts/xlsx/helpers";

const NOW = "2021-03-01T09:00:00";

type Edit = (wb: ExcelJS.Workbook) => void;

const remove =
  (...sheets: string[]): Edit =>
  (wb) => {
    for (const s of sheets) wb.removeWorksheet(wb.getWorksheet(s)!.id);
  };
const rename =
  (from: string, to: string): Edit =>
  (wb) => {
    wb.getWorksheet(from)!.name = to;
  };

/** How Excel saves the names of a deleted sheet: `'收支情况'!$B$4` → `#REF!$B$4`. */
const refNames = (sheet: string) => (xml: string) => xml.split(`&apos;${sheet}&apos;!`).join("#REF!");
/** One name pointed elsewhere in workbook.xml. */
const pointName = (name: string, target: string) => (xml: string) =>
  xml.replace(new RegExp(`(<definedName name="${name}">)[^<]*`), `$1${target}`);

describe("a missing sheet in a real .xlsx → one diagnostic", async () => {
  const original = await buildExampleWorkbook();
  const clean = await readSnapshot(original);
  const count = (sheet: string) => clean.names.filter((n) => n.sheet === sheet).length;

  async function damaged(edit: Edit, xmlEdit?: (xml: string) => string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ExcelJS.Buffer);
    edit(wb);
    let bytes = await toBytes(wb);
    if (xmlEdit) bytes = await patchPart(bytes, "xl/workbook.xml", xmlEdit);
    return readSnapshot(bytes);
  }

  it("the undamaged example reads without a problem and scores", () => {
    expect(readTemplate(clean, KNOWN_TEMPLATES).diagnostics).toEqual([]);
    expect(runScoring(clean, { now: NOW, knownTemplates: KNOWN_TEMPLATES }).scores).not.toBeNull();
    expect([count("收支情况"), count("基本情况"), count("指标体系")]).toEqual([32, 8, 6]);
  });

  it.each<[string, Edit, ((xml: string) => string) | undefined, readonly (readonly [string, number])[]]>([
    ["收支情况 removed (names left naming it)", remove("收支情况"), undefined, [["收支情况", 32]]],
    ["收支情况 deleted as Excel saves it (#REF! names)", remove("收支情况"), refNames("收支情况"), [["收支情况", 32]]],
    ["指标体系 deleted as Excel saves it (#REF! names)", remove("指标体系"), refNames("指标体系"), [["指标体系", 6]]],
    ["收支情况 renamed by a tool that leaves the names", rename("收支情况", "收支"), undefined, [["收支情况", 32]]],
    [
      "基本情况 and 指标体系 removed",
      remove("基本情况", "指标体系"),
      undefined,
      [
        ["基本情况", 8],
        ["指标体系", 6],
      ],
    ],
  ])("%s", async (_label, edit, xmlEdit, expected) => {
    const snapshot = await damaged(edit, xmlEdit);
    // The #REF! cases really lost the sheet's name from every defined name (whatever the host makes of #REF!).
    if (xmlEdit) for (const [sheet] of expected) expect(snapshot.names.filter((n) => n.sheet === sheet)).toEqual([]);
    expect(readTemplate(snapshot, KNOWN_TEMPLATES).diagnostics).toEqual(
      expected.map(([sheet, namedCount]) => ({
        code: "template_sheet_missing",
        severity: "error",
        location: null,
        params: { sheet, namedCount },
      })),
    );
    const scoring = runScoring(snapshot, { now: NOW, knownTemplates: KNOWN_TEMPLATES });
    expect(scoring.scores).toBeNull();
    expect(scoring.writePlan.ops).toEqual([]);
  });

  it("a name broken on a sheet that exists is still its own diagnostic", async () => {
    const snapshot = await damaged(() => undefined, pointName("staff_quota", "&apos;基本情况&apos;!$B$6:$C$7"));
    expect(readTemplate(snapshot, KNOWN_TEMPLATES).diagnostics).toEqual([
      expect.objectContaining({
        code: "template_name_invalid",
        severity: "error",
        params: { name: "staff_quota", target: "基本情况!B6:C7" },
      }),
    ]);
  });
});
