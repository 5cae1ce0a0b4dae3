import Decimal from "decimal.js";
import type { RuleKind } from "../rule-types";
import { enumParam } from "../param-schema";
import { inBand } from "../params";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { pts } from "./helpers";

/** The `gaps` parameter of 分档 and 封顶: may the bands leave values uncovered? */
export function gapsParam(defaultGaps: "deny" | "allow", note: string) {
  return enumParam(
    ["deny", "allow"],
    { deny: ["否", "不允许"], allow: ["是", "允许"] },
    {
      zh: "允许间断",
      aliases: ["允许区间间断"],
      default: defaultGaps,
      note,
    },
  );
}

/** 分档: the score of the band holding the value (no band → the `undefined` score path, see compile.ts). */
export const bands: Readonly<RuleKind> = defineRule({
  id: "bands",
  zh: "分档",
  input: "formula",
  params: { gaps: gapsParam("deny", "区间之间可否留有空隙（留空隙时，落在空隙中的值按“无法计算时”得分）") },
  bands: { zh: "得分", allowGaps: (p) => p.gaps === "allow" },
  example: ">=90%: 100%；[80%,90%): 80%；[60%,80%): 60%；<60%: 0",
  score(value, p, weight) {
    const band = p.bands.find((b) => inBand(value, b));
    if (!band) return { score: new Decimal(0), explain: phrase("no_band", {}), unplaced: true };
    const e = phrase("band", { band: band.text, score: pts(band.score) });
    return band.score.gte(weight) ? { score: band.score, explain: e } : { score: band.score, explain: e, deduction: e };
  },
});
