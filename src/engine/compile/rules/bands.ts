import Decimal from "decimal.js";
import type { RuleDefinition } from "../rule-types";
import { inBand } from "../params";
import { phrase } from "../../score/phrases";
import { pts } from "./helpers";

/** 分档: the score of the band holding the value (no band → the `undefined` score path, see compile.ts). */
export const bands: RuleDefinition = {
  id: "bands",
  zh: "分档",
  input: "formula",
  params: [
    { name: "bands", type: "bands", default: null, range: "score", zh: "区间: 得分" },
    { name: "gaps", type: "enum", default: "deny", allowed: ["deny", "allow"], zh: "允许区间间断" },
  ],
  score(value, p, weight) {
    const band = p.bands.find((b) => inBand(value, b));
    if (!band) return { score: new Decimal(0), explain: phrase("no_band", {}), unplaced: true };
    const e = phrase("band", { band: band.text, score: pts(band.score) });
    return band.score.gte(weight) ? { score: band.score, explain: e } : { score: band.score, explain: e, deduction: e };
  },
};
