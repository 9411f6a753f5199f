/** What an import reports about a file: its refusals and its bad rows. */

/** A refusal of the whole file (unknown source, missing header columns, unreadable file), in Chinese. */
export class ImportError extends Error {}

/** Bad rows reported per file; the count of bad rows is always complete. */
export const MAX_REPORTED = 10_000;

export interface RowError {
  line: number;
  field: string;
  value: string | null;
  message: string;
}
