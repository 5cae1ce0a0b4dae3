import { useCallback, useEffect, useRef } from "react";
import type { MutableRefObject } from "react";
import type { Diagnostic, TemplateInfo } from "../../engine";
import type { WorkbookHost } from "../../hosts/common";
import type { EnginePort } from "../engine-port";

/** How long typing pauses before 校验 runs again by itself. */
export const REVALIDATE_AFTER_MS = 600;

export interface RevalidateOptions {
  readonly host: WorkbookHost;
  readonly engine: EnginePort;
  /** Set while an action the person started runs: the quiet 校验 waits for it. */
  readonly running: MutableRefObject<boolean>;
  /** Whether a problem list is on show (校验 or 评分 ran): only then is it kept current. */
  readonly shown: boolean;
  readonly apply: (
    diagnostics: readonly Diagnostic[],
    template: TemplateInfo | null,
    unit: { name: string; year: string } | null,
  ) => void;
}

/**
 * 校验 again after the person's edits, once typing pauses: the problem list and the marks follow what was typed, as
 * the Done-when of issue 15 asks ("the edit re-validates"). Quiet: no progress bar, no status line, nothing
 * disabled; a failure says nothing (the next 校验 the person starts says it). Returns the function an edit calls.
 */
export function useRevalidateOnEdit({ host, engine, running, shown, apply }: RevalidateOptions): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const applyRef = useRef(apply);
  applyRef.current = apply;

  const runQuietly = useCallback(async (): Promise<void> => {
    timer.current = null;
    if (!shownRef.current) return;
    if (running.current) {
      // An action is running: try again once it is over (it may itself have read the edit).
      timer.current = setTimeout(() => void runQuietly(), REVALIDATE_AFTER_MS);
      return;
    }
    try {
      const outcome = await engine.validate(await host.readSnapshot());
      // An action started meanwhile has the last word.
      if (running.current) return;
      applyRef.current(outcome.diagnostics, outcome.template, outcome.unit ?? null);
      await host.markDiagnostics(outcome.diagnostics);
    } catch {
      // Said by the next 校验 the person starts.
    }
  }, [host, engine, running]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void runQuietly(), REVALIDATE_AFTER_MS);
  }, [runQuietly]);
}
