/**
 * The file hash of a large import, computed by a worker thread that reads the file itself: the
 * same SHA-256 as hashing the bytes here, and an error (not a hang) for a file that cannot be read.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { hashOnWorker } from '../src/import/digest';

describe('hashing an import file on a worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wengang-digest-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the SHA-256 of the file', async () => {
    for (const size of [0, 1000, 3 * (1 << 20) + 7]) {
      const bytes = randomBytes(size);
      const path = join(dir, `f${size}`);
      writeFileSync(path, bytes);
      assert.equal(await hashOnWorker(path), createHash('sha256').update(bytes).digest('hex'), `${size} bytes`);
    }
  });

  it('fails for a file it cannot read', async () => {
    await assert.rejects(hashOnWorker(join(dir, 'missing')), /ENOENT/);
  });
});
