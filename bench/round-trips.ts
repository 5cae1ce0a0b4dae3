/**
 * Round trips through the Office host on the fake Excel (test/hosts/office/fake-excel.ts): context.sync() per
 * pane action, and the largest request and response payload (the fake's JSON bytes per sync, as Excel on the
 * web counts against its 5 MB limit) at each template size. Used by `npm run bench` (run.ts);
 * `npx tsx bench/round-trips.ts` runs only this part.
 */
import { createOfficeHost } from "../src/hosts/office/office-host";
import { fakeFromLayout, exampleLayout } from "../test/fixtures";
import { paneAction } from "../test/proof/pane-actions";
import { scaledDescription, sizeOf } from "./generate";

export const FACTORS = [1, 10, 100] as const;
export const templateName = (k: number): string => (k === 1 ? "standard (example data)" : `generated ${k}×`);
/** The target for the largest request and response at the 100× template (the web refuses over 5 MB). */
export const PAYLOAD_TARGET_MB = 4;
const MB = 1024 * 1024;
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

export interface RoundTrip {
  readonly template: string;
  readonly leaves: number;
  readonly tasks: number;
  readonly action: string;
  /** After the pane's opening read (what a user clicking the button sees). */
  readonly syncs: number;
  /** Without the pane's opening read (the host has not seen the workbook, or only through the earlier action). */
  readonly syncsCold: number;
  readonly writes: string;
  /** The largest request and response of any sync in the session (opening read included), in MB. */
  readonly largestRequestMB: number;
  readonly largestResponseMB: number;
}

export async function roundTrips(factors: readonly number[] = FACTORS): Promise<RoundTrip[]> {
  const out: RoundTrip[] = [];
  for (const k of factors) {
    const layout = exampleLayout(k);
    const size = sizeOf(scaledDescription(k));
    for (const [label, a, before] of [
      ["校验", "校验", []],
      ["校验 again", "校验", ["校验"]],
      ["评分", "评分", []],
      ["评分 after 校验", "评分", ["校验"]],
      ["报告", "报告", []],
    ] as const) {
      const warm = fakeFromLayout(layout);
      const host = createOfficeHost({ excel: warm.excel, office: warm.office });
      await host.readSnapshot(); // the pane reads once when it opens
      for (const b of before) await paneAction(host, b);
      const start = warm.syncs;
      const writes = await paneAction(host, a);
      const cold = fakeFromLayout(layout);
      const coldHost = createOfficeHost({ excel: cold.excel, office: cold.office });
      for (const b of before) await paneAction(coldHost, b);
      const coldStart = cold.syncs;
      await paneAction(coldHost, a);
      out.push({
        template: templateName(k),
        ...size,
        action: label,
        syncs: warm.syncs - start,
        syncsCold: cold.syncs - coldStart,
        writes,
        largestRequestMB: round(Math.max(warm.largestRequest, cold.largestRequest) / MB, 3),
        largestResponseMB: round(Math.max(warm.largestResponse, cold.largestResponse) / MB, 3),
      });
    }
  }
  return out;
}

export interface PayloadFigures {
  readonly target: string;
  readonly template: string;
  readonly largestRequestMB: number;
  readonly largestResponseMB: number;
  readonly withinTarget: boolean;
}

/** The largest request and response over every action at the 100× template, against the ≤ 4 MB target. */
export function payloadAt100(trips: readonly RoundTrip[]): PayloadFigures {
  const rows = trips.filter((r) => r.template === templateName(100));
  const largestRequestMB = Math.max(0, ...rows.map((r) => r.largestRequestMB));
  const largestResponseMB = Math.max(0, ...rows.map((r) => r.largestResponseMB));
  return {
    target: `≤ ${PAYLOAD_TARGET_MB} MB per request and per response at the 100× template, one batch (Excel on the web refuses over 5 MB)`,
    template: templateName(100),
    largestRequestMB,
    largestResponseMB,
    withinTarget: rows.length > 0 && largestRequestMB <= PAYLOAD_TARGET_MB && largestResponseMB <= PAYLOAD_TARGET_MB,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const trips = await roundTrips([100]);
  process.stdout.write(`${JSON.stringify({ rows: trips, payload: payloadAt100(trips) }, null, 2)}\n`);
}
