/**
 * The output guard checks op cells against an index instead of a set of every output cell; this proves it
 * accepts and rejects exactly the cells outputCells() lists, on random ops over the example template.
 */
import fc from "fast-check";
import { assertOutputsOnly, outputCells } from "../../src/engine/model/output-guard";
import { toA1 } from "../../src/engine/model/cell";
import type { WriteOp } from "../../src/engine/model/write-plan";
import { EngineInvariantError } from "../../src/engine/diagnostics/types";
import { wanzhouCase } from "./score/builders";

const { template } = wanzhouCase();
const allowed = outputCells(template);
const sheets = [
  ...new Set([...template.tables.values()].map((t) => t.sheet).concat(template.rubric.map((r) => r.sheet))),
];

const opArb: fc.Arbitrary<WriteOp> = fc
  .record({
    sheet: fc.constantFrom(...sheets),
    row: fc.integer({ min: 0, max: 120 }),
    col: fc.integer({ min: 0, max: 20 }),
    h: fc.integer({ min: 1, max: 4 }),
    w: fc.integer({ min: 1, max: 3 }),
    clear: fc.boolean(),
  })
  .map(({ sheet, row, col, h, w, clear }): WriteOp => {
    if (clear)
      return { kind: "clear", sheet, range: `${toA1({ row, col })}:${toA1({ row: row + h - 1, col: col + w - 1 })}` };
    return {
      kind: "values",
      sheet,
      address: toA1({ row, col }),
      values: Array.from({ length: h }, () => Array.from({ length: w }, () => 1)),
    };
  });

// The first cell of the ops (in the guard's order) that outputCells() does not list.
function firstForbidden(ops: readonly WriteOp[]): string | null {
  for (const op of ops) {
    if (op.kind === "ensureSheet") continue;
    const [a, b] = op.kind === "clear" ? op.range.split(":") : [op.address, null];
    const start = /^([A-Z]+)(\d+)$/.exec(a!)!;
    const letters = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r0 = Number(start[2]) - 1;
    const c0 = letters(start[1]!);
    let r1: number;
    let c1: number;
    if (op.kind === "clear") {
      const end = /^([A-Z]+)(\d+)$/.exec(b!)!;
      r1 = Number(end[2]) - 1;
      c1 = letters(end[1]!);
    } else {
      r1 = r0 + op.values.length - 1;
      c1 = c0 + op.values[0]!.length - 1;
    }
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++)
        if (!allowed.has(`${op.sheet}!${toA1({ row: r, col: c })}`)) return `${op.sheet}!${toA1({ row: r, col: c })}`;
  }
  return null;
}

describe("assertOutputsOnly agrees with outputCells()", () => {
  it("accepts every listed output cell", () => {
    const ops: WriteOp[] = [...allowed].map((k) => {
      const [sheet, address] = k.split("!");
      return { kind: "values", sheet: sheet!, address: address!, values: [[1]] };
    });
    expect(ops.length).toBeGreaterThan(50);
    expect(() => assertOutputsOnly(template, ops)).not.toThrow();
  });

  it("rejects exactly the ops that touch an unlisted cell, naming the first one", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 3 }), (ops) => {
        const bad = firstForbidden(ops);
        let thrown: unknown = null;
        try {
          assertOutputsOnly(template, ops);
        } catch (e) {
          thrown = e;
        }
        if (bad === null) expect(thrown).toBeNull();
        else {
          expect(thrown).toBeInstanceOf(EngineInvariantError);
          expect((thrown as Error).message).toBe(`write plan targets a non-output cell ${bad}`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
