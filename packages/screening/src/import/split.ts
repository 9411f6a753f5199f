/**
 * Cutting a large UTF-8 CSV file into parts that threads can read at once (the direct load, see
 * parallel-read.ts). A part must begin where a record begins. Where a newline lies inside a quoted
 * cell is only known by reading from the start, so a file is cut only where nothing before the cut
 * is quoted: no `"` from the start of the file to the cut (a quick byte scan), and a cut just after a
 * newline. A file with quotes there is read whole, by one thread, as before — never cut wrongly.
 */
import { open } from 'node:fs/promises';
import { CsvSplitter } from './readers';

/** A file cut into byte ranges [start, end) after its header row. */
export interface SplitPlan {
  /** The header row's cells. */
  header: string[];
  ranges: [number, number][];
}

/** Files smaller than this are read by one thread (starting the others costs more than it saves). */
export const SPLIT_THRESHOLD = 32 << 20;

const SCAN = 4 << 20;
const QUOTE = 34;
const NEWLINE = 10;

/**
 * The file cut into `parts` ranges of about equal size, each starting at a record; undefined when it
 * is too small, or its header row is not found in its first 64 KB, or anything before the last cut
 * is quoted.
 */
export async function planSplit(
  path: string,
  parts: number,
  threshold = SPLIT_THRESHOLD,
): Promise<SplitPlan | undefined> {
  if (parts < 2) return undefined;
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    if (size < threshold) return undefined;
    const buf = Buffer.allocUnsafe(SCAN);
    const read = async (at: number) => (await file.read(buf, 0, SCAN, at)).bytesRead;

    const first = await read(0);
    const headerLine = buf.subarray(0, Math.min(first, 1 << 16));
    const nl = headerLine.indexOf(NEWLINE);
    if (nl === -1) return undefined;
    let header: string[] | undefined;
    const splitter = new CsvSplitter((_line, b, starts, ends, cells) => {
      header ??= Array.from({ length: cells }, (_, i) => b.toString('utf8', starts[i], ends[i]));
    });
    splitter.push(Buffer.from(headerLine.subarray(0, nl + 1)));
    if (!header) return undefined;
    const dataStart = nl + 1;

    // the cuts: just after the first newline at or past each equal share
    const cuts: number[] = [];
    for (let i = 1; i < parts; i++) {
      let at = Math.max(dataStart + Math.floor(((size - dataStart) * i) / parts), cuts.at(-1) ?? dataStart);
      let cut = -1;
      while (cut === -1 && at < size) {
        const n = await read(at);
        const found = buf.subarray(0, n).indexOf(NEWLINE);
        if (found !== -1) cut = at + found + 1;
        at += n;
      }
      if (cut === -1 || cut >= size) break;
      if (cut > (cuts.at(-1) ?? dataStart)) cuts.push(cut);
    }
    if (cuts.length === 0) return undefined;

    // nothing quoted before the last cut
    const last = cuts.at(-1)!;
    for (let at = 0; at < last;) {
      const n = await read(at);
      if (n === 0) return undefined;
      const upto = Math.min(n, last - at);
      if (buf.subarray(0, upto).indexOf(QUOTE) !== -1) return undefined;
      at += upto;
    }

    const bounds = [dataStart, ...cuts, size];
    return {
      header,
      ranges: bounds.slice(1).map((end, i) => [bounds[i]!, end] as [number, number]),
    };
  } finally {
    await file.close();
  }
}
