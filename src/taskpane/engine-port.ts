import type { Diagnostic, Lang, PublishOutcome, ScoringOutcome, ValidationOutcome, WorkbookSnapshot } from "../engine";

/** A diagnostic in words: what happened, what to do, and where (as the catalog phrases it). */
export interface RenderedDiagnostic {
  readonly message: string;
  readonly fix: string;
  readonly where: string;
}

/** One line of the report's preview: a heading, a paragraph, or a table (its caption is `text`). */
export interface PreviewLine {
  readonly kind: "unit" | "title" | "heading" | "body" | "item" | "closing" | "table";
  /** Section depth of a heading (1 一、 … 4 （1）); 0 for the title block. */
  readonly depth: number;
  readonly text: string;
  /** A table's cells, its header row first. */
  readonly cells?: readonly (readonly string[])[];
}

/** 报告 as the pane needs it: scoring plus the text, the preview's lines and a lazy .docx rendering. */
export interface ReportResult extends ScoringOutcome {
  readonly text: string;
  readonly lines: readonly PreviewLine[];
  /** Render the report as a Word file (loaded on demand so the pane's bundle stays small). */
  docx(): Promise<Uint8Array>;
}

/** Options for actions that write outputs: the clock comes from the shell, never from the engine. */
export interface ScoreOptions {
  readonly now?: string;
}

/** A value now, or later: the real engine is synchronous, a lazily loaded one may not be. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Everything the pane asks of the engine. Components never import the engine; the entry points pass
 * the real adapter (engine-adapter.ts) and tests pass a fake.
 */
export interface EnginePort {
  validate(snapshot: WorkbookSnapshot): MaybePromise<ValidationOutcome>;
  score(snapshot: WorkbookSnapshot, options?: ScoreOptions): MaybePromise<ScoringOutcome>;
  report(snapshot: WorkbookSnapshot, lang: Lang, options?: ScoreOptions): MaybePromise<ReportResult>;
  /** 发布: the record of the configuration and what to protect (nothing when errors in the configuration stand). */
  publish(snapshot: WorkbookSnapshot, options: { readonly now: string }): MaybePromise<PublishOutcome>;
  renderDiagnostic(d: Diagnostic, lang: Lang): RenderedDiagnostic;
}
