import Decimal from "decimal.js";
import type { RuleKind } from "../rule-types";
import { enumParam } from "../param-schema";
import type { Band } from "../params";
import { inBand } from "../params";
import type { RuleSubject } from "../rule-types";
import type { BandWords } from "../../score/phrases";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { criterion } from "../../score/criteria";
import { got, lead, limitText } from "./helpers";

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

/** A band's interval in words, its bounds in the value's kind: 「等于0」「高于30%」「0至10%（含）」. */
export function bandWords(b: Band, subject: Pick<RuleSubject, "format">): BandWords {
  const lo = b.lo.v;
  const hi = b.hi.v;
  if (lo === null && hi === null) return { k: "any" };
  if (lo === null) return { k: "to", v: limitText(hi!, subject), closed: b.hi.closed };
  if (hi === null) return { k: "from", v: limitText(lo, subject), closed: b.lo.closed };
  if (lo.eq(hi)) return { k: "eq", v: limitText(lo, subject) };
  const [loText, hiText] = [limitText(lo, subject), limitText(hi, subject)];
  return { k: "between", lo: loText, loClosed: b.lo.closed, hi: hiText, hiClosed: b.hi.closed };
}

/** 分档: the score of the band holding the value (no band → the `undefined` score path, see compile.ts). */
export const bands: Readonly<RuleKind> = defineRule({
  id: "bands",
  zh: "分档",
  input: "formula",
  params: { gaps: gapsParam("deny", "区间之间可否留有空隙（留空隙时，落在空隙中的值按“无法计算时”得分）") },
  bands: { zh: "得分", allowGaps: (p) => p.gaps === "allow" },
  example: ">=90%: 100%；[80%,90%): 80%；[60%,80%): 60%；<60%: 0",
  score(value, p, weight, subject) {
    const band = p.bands.find((b) => inBand(value, b));
    if (!band) {
      // The shared path gives the `undefined=` score (compile-rule.ts) with these words.
      const why = { k: "no_band", ...lead(value, subject) } as const;
      return {
        score: new Decimal(0),
        explain: phrase("undefined_value", { why, score: "0", full: false }),
        unplaced: true,
      };
    }
    const e = phrase("band", { ...lead(value, subject), ...got(band.score, weight), band: bandWords(band, subject) });
    return band.score.gte(weight) ? { score: band.score, explain: e } : { score: band.score, explain: e, deduction: e };
  },
  criterion: (p, weight, subject) =>
    criterion("bands", { bands: p.bands.map((b) => ({ band: bandWords(b, subject), got: got(b.score, weight) })) }),
});
