/**
 * Uploaded materials: PDF, JPEG or PNG, recognised by their first bytes (never by the file name),
 * at most 10 MB, stored outside the web root under the upload folder by SHA-256 (the same bytes are
 * stored once; the database row records who uploaded what).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type AcceptedMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The media type the content really is, or null when it is none of the accepted ones. */
export function sniffMediaType(bytes: Buffer): AcceptedMediaType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function pathOf(dir: string, sha256: string): string {
  return join(dir, sha256.slice(0, 2), sha256);
}

/** Writes the bytes under their hash (atomically; a file already there is kept). */
export function storeBytes(dir: string, bytes: Buffer): string {
  const sha256 = sha256Of(bytes);
  const target = pathOf(dir, sha256);
  if (!existsSync(target)) {
    mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, bytes, { mode: 0o600 });
    renameSync(temp, target);
  }
  return sha256;
}

export async function readStored(dir: string, sha256: string): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad hash');
  return readFile(pathOf(dir, sha256));
}
