/**
 * Shared value types. They mirror the engine's contract (packages/engine/src/types.ts) structurally,
 * because the kernel is the bottom layer and may not import the engine.
 */

/** ISO date `YYYY-MM-DD`, a calendar date in Asia/Shanghai. */
export type IsoDate = string;
/** Month `YYYY-MM`. */
export type IsoMonth = string;
/** GB/T 2260 region code, six digits (`000000` = national). */
export type RegionCode = string;
/** Money in integer fen (分). Never a float. */
export type Fen = number;

/** Where a list or value comes from in the source documents (shared/policy-documents). */
export interface Citation {
  /** Document number as printed, e.g. `鲁人社字〔2020〕63号`. */
  doc: string;
  /** Clause inside the document, e.g. `政策细则 二（一）1`. */
  clause: string;
  /** Source file under shared/policy-documents, e.g. `001_39fb5720dee477f9.txt`. */
  file: string;
  /** 1-based line (or inclusive line range) in that file. */
  line: number | readonly [number, number];
  /** Date the document was issued (成文/印发日期). */
  issued: IsoDate;
}

/** Outcome of checking user input: the normalised value, or a Chinese message saying what to fix. */
export type Checked<T extends object, C extends string> =
  ({ ok: true; value: string } & T) | { ok: false; code: C; message: string };
