/**
 * A reading thread (worker thread) of a parallel reading (parallel-read.ts): reads one byte range
 * of a UTF-8 CSV file through the same row encoder as the import's own thread, and posts the COPY
 * text back piece by piece, at most a few pieces ahead of what the server has taken in.
 */
import { createReadStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { RowEncoder, UnitIndex } from './encoder';
import { ImportError } from './import-error';
import { getLayout } from './layouts';
import type { FromReader, RangeTask, ToReader } from './parallel-read';
import { PIECE, readPass } from './read-pass';

/** Pieces posted and not yet written by the import's thread. */
const AHEAD = 4;

const port = parentPort!;
let unacknowledged = 0;
let resume: (() => void) | undefined;

const post = (message: FromReader, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** A piece moved (not copied) to the import's thread; a buffer shared with others is copied first. */
function send(piece: Buffer): Promise<void> {
  const own =
    piece.byteOffset === 0 && piece.buffer.byteLength >= 1 << 16 && !(piece.buffer instanceof SharedArrayBuffer);
  const buffer = own ? (piece.buffer as ArrayBuffer) : Uint8Array.prototype.slice.call(piece).buffer;
  post({ type: 'piece', buffer, length: piece.length }, [buffer]);
  unacknowledged++;
  return unacknowledged < AHEAD ? Promise.resolve() : new Promise((r) => (resume = r));
}

async function read(task: RangeTask): Promise<void> {
  const layout = getLayout(task.source)!;
  const units = task.units ? UnitIndex.fromShared(task.units) : undefined;
  const pass = await readPass(
    createReadStream(task.path, { start: task.start, end: task.end - 1, highWaterMark: PIECE }),
    'csv',
    'utf-8',
    layout,
    (header) => new RowEncoder(layout, header, task.today, { withLine: false, units }),
    send,
    () => undefined,
    { stopAtFirstBadRow: true, byCounty: task.byCounty, sha256: Promise.resolve(''), header: task.header },
  );
  post(pass ? { type: 'done', total: pass.total } : { type: 'bad' });
}

port.on('message', (message: ToReader) => {
  if (message.type === 'ack') {
    unacknowledged--;
    if (resume && unacknowledged < AHEAD) {
      const r = resume;
      resume = undefined;
      r();
    }
    return;
  }
  unacknowledged = 0;
  read(message.task).catch((error: unknown) =>
    post({
      type: 'fail',
      message: error instanceof Error ? error.message : String(error),
      importError: error instanceof ImportError,
    }),
  );
});
