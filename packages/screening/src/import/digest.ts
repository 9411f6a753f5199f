/**
 * The SHA-256 of an import file (the import batch's provenance). A large file is hashed by a
 * worker thread that reads the file itself, beside the import: the import's own reading thread
 * checks and encodes every row and is its bottleneck, and hashing there cost ≈ 7.6 s of a
 * 1M / 10M import (1.87 GB at ≈ 250 MB/s). Handing the worker the chunks read instead cost the
 * reading thread ≈ 2.4 s of copying and posting; reading the file again from the page cache costs
 * it nothing.
 */
import { Worker } from 'node:worker_threads';

/** Plain CommonJS, so that the worker loads no TypeScript tooling. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
require('node:fs')
  .createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('error', (error) => { throw error; })
  .on('end', () => parentPort.postMessage(hash.digest('hex')));
`;

/**
 * Files of at least this size are hashed on a worker; a smaller one is hashed as it is read
 * (starting a worker costs milliseconds).
 */
export const WORKER_THRESHOLD = 16 << 20;

/** The hex SHA-256 of the file at `path`, computed on a worker thread. */
export function hashOnWorker(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: path });
    let hex: string | undefined;
    worker.once('message', (m: string) => (hex = m));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      hex !== undefined ? resolve(hex) : reject(new Error(`SHA-256 worker for ${path} exited with code ${code}`)),
    );
  });
}
