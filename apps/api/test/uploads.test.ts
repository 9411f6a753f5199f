/** Uploaded materials are recognised by content, not by name, and stored by SHA-256 outside the web root. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readStored, sha256Of, sniffMediaType, storeBytes } from '../src/files/storage';

describe('material uploads', () => {
  it('accepts PDF, JPEG and PNG by their first bytes only', () => {
    assert.equal(sniffMediaType(Buffer.from('%PDF-1.7\n…')), 'application/pdf');
    assert.equal(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
    assert.equal(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
    assert.equal(sniffMediaType(Buffer.from('<html><script>alert(1)</script>')), null);
    assert.equal(sniffMediaType(Buffer.from('PK\x03\x04 a zip or xlsx renamed to .pdf')), null);
    assert.equal(sniffMediaType(Buffer.alloc(0)), null);
  });

  it('stores the bytes once under their hash, readable back, owner-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wengang-uploads-'));
    const bytes = Buffer.from('%PDF-1.4 以工代训人员花名册');
    const hash = storeBytes(dir, bytes);
    assert.equal(hash, sha256Of(bytes));
    assert.equal(storeBytes(dir, bytes), hash, 'the same content is stored once');
    const file = join(dir, hash.slice(0, 2), hash);
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(await readStored(dir, hash), bytes);
    await assert.rejects(readStored(dir, '../etc/passwd'));
  });
});
