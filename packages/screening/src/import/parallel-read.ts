/**
 * Reading one large file on several threads (the direct load on a server). Checking and encoding
 * the rows is the import's bottleneck: on one thread Node kept one core busy while the server used
 * half of the other. The file is cut into ranges (split.ts); each range is read by a worker thread
 * (read-worker.ts) with the same row encoder, and the import's thread only hands the pieces of COPY
 * text to the server, in the order they come (every piece holds whole rows; the direct load checks
 * the keys when it builds the indexes, whatever the order).
 *
 * The threads are started once per process and kept, idle and not holding the process open,
 * between imports: each one loads the TypeScript sources first (about a second). A range with a
 * bad row stops the whole reading, as on one thread: the direct load gives way to the general path,
 * which reads the file again and reports every bad row with its line.
 */
import { Worker } from 'node:worker_threads';
import type { SharedCounty } from './encoder';
import { ImportError } from './import-error';
import type { SplitPlan } from './split';

/** What a reading thread reads: one byte range of the file, after its header row. */
export interface RangeTask {
  path: string;
  start: number;
  end: number;
  source: string;
  today: string;
  header: string[];
  units?: Map<string, SharedCounty> | undefined;
  byCounty: boolean;
}

export type ToReader = { type: 'read'; task: RangeTask } | { type: 'ack' };

export type FromReader =
  | { type: 'piece'; buffer: ArrayBuffer; length: number }
  | { type: 'done'; total: number }
  | { type: 'bad' }
  | { type: 'fail'; message: string; importError: boolean };

/** The worker's bootstrap: TypeScript through tsx, as the `wengang` command runs (no build step). */
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

type Outcome = { total: number } | 'bad';

class ReadingThread {
  private readonly worker: Worker;
  private current:
    | { resolve: (o: Outcome) => void; reject: (e: unknown) => void; onPiece: (piece: Buffer, ack: () => void) => void }
    | undefined;
  dead = false;
  private gone = false;

  constructor() {
    this.worker = new Worker(BOOT, {
      eval: true,
      workerData: {
        tsx: import.meta.resolve('tsx/esm/api'),
        entry: new URL('./read-worker.ts', import.meta.url).href,
      },
    });
    this.worker.on('message', (m: FromReader) => this.receive(m));
    this.worker.on('error', (e) => this.end(e));
    this.worker.on('exit', (code) => this.end(new Error(`reading thread exited (code ${code})`)));
  }

  read(task: RangeTask, onPiece: (piece: Buffer, ack: () => void) => void): Promise<Outcome> {
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.current = { resolve, reject, onPiece };
      this.worker.postMessage({ type: 'read', task } satisfies ToReader);
    });
  }

  /** Kept for the next reading, without holding the process open. */
  idle(): void {
    this.worker.unref();
  }

  stop(): void {
    this.dead = true;
    void this.worker.terminate();
  }

  private receive(m: FromReader): void {
    const c = this.current;
    if (!c) return;
    if (m.type === 'piece') {
      c.onPiece(Buffer.from(m.buffer, 0, m.length), () => this.worker.postMessage({ type: 'ack' } satisfies ToReader));
      return;
    }
    this.current = undefined;
    if (m.type === 'done') c.resolve({ total: m.total });
    else if (m.type === 'bad') c.resolve('bad');
    else c.reject(m.importError ? new ImportError(m.message) : new Error(m.message));
  }

  private end(error: unknown): void {
    if (this.gone) return; // 'error' is followed by 'exit'
    this.gone = true;
    this.dead = true;
    const c = this.current;
    this.current = undefined;
    c?.reject(error);
    pool.forget(this);
  }
}

/** The process's reading threads: started as needed up to the limit asked for, then reused. */
class Pool {
  private readonly idle: ReadingThread[] = [];
  private readonly waiting: ((t: ReadingThread) => void)[] = [];
  private live = 0;

  acquire(limit: number): Promise<ReadingThread> {
    const thread = this.idle.pop();
    if (thread) return Promise.resolve(thread);
    if (this.live < limit) {
      this.live++;
      return Promise.resolve(new ReadingThread());
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Starts threads up to the limit, idle, so that their loading overlaps other work. */
  prestart(limit: number): void {
    while (this.live < limit) {
      this.live++;
      const thread = new ReadingThread();
      thread.idle();
      this.idle.push(thread);
    }
  }

  release(thread: ReadingThread): void {
    const next = this.waiting.shift();
    if (thread.dead) {
      if (next) {
        this.live++;
        next(new ReadingThread());
      }
    } else if (next) {
      next(thread);
    } else {
      thread.idle();
      this.idle.push(thread);
    }
  }

  /** A thread that ended (stopped, or failed) is no longer counted. */
  forget(thread: ReadingThread): void {
    this.live--;
    const at = this.idle.indexOf(thread);
    if (at >= 0) this.idle.splice(at, 1);
  }
}

const pool = new Pool();

/**
 * Starts up to `threads` reading threads ahead of their first reading: each spends about half a
 * second loading the sources, which otherwise delays the first large file.
 */
export function startReadingThreads(threads: number): void {
  pool.prestart(threads);
}

/**
 * Reads the plan's ranges on up to `threads` reading threads, handing every piece of COPY text to
 * `write` one after the other. Returns the rows read, or undefined when a range has a bad row (the
 * other ranges are stopped).
 */
export async function readInParallel(
  plan: SplitPlan,
  task: Omit<RangeTask, 'start' | 'end' | 'header'>,
  write: (piece: Buffer) => Promise<void>,
  threads: number,
): Promise<number | undefined> {
  let writing = Promise.resolve();
  let failure: { error: unknown } | undefined;
  let bad = false;
  const busy = new Set<ReadingThread>();
  const stopAll = () => {
    for (const t of busy) t.stop();
  };
  const onPiece = (piece: Buffer, ack: () => void) => {
    writing = writing
      .then(async () => {
        if (!failure && !bad) await write(piece);
        ack();
      })
      .catch((error: unknown) => {
        failure ??= { error };
        stopAll();
      });
  };
  const totals = await Promise.all(
    plan.ranges.map(async ([start, end]) => {
      const thread = await pool.acquire(threads);
      if (failure || bad) {
        pool.release(thread);
        return 0;
      }
      busy.add(thread);
      try {
        const outcome = await thread.read({ ...task, start, end, header: plan.header }, onPiece);
        if (outcome === 'bad') {
          bad = true;
          busy.delete(thread);
          stopAll();
          return 0;
        }
        return outcome.total;
      } catch (error) {
        // a thread stopped because another range failed or had a bad row is not itself a failure
        if (!failure && !bad) {
          failure = { error };
          stopAll();
        }
        return 0;
      } finally {
        busy.delete(thread);
        pool.release(thread);
      }
    }),
  );
  await writing;
  if (failure) throw failure.error;
  if (bad) return undefined;
  return totals.reduce((a, b) => a + b, 0);
}
