/**
 * Debian's Chromium driven by playwright-core (no browser download). Outside CI a missing
 * browser skips the browser layer with one line; with CI=true it is a failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);
export const inCI = process.env.CI === 'true';

/** Why the browser layer cannot run, or undefined when it can. Throws in CI. */
export function browserSkipReason(): string | undefined {
  if (browserAvailable) return undefined;
  const reason = `no Chromium at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (inCI) throw new Error(`CI=true but the browser layer cannot run: ${reason}`);
  console.log(`# skipped browser tests: ${reason}`);
  return reason;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const outputDir = join(import.meta.dirname, '..', '..', 'test-results');

export function screenshotPath(name: string): string {
  mkdirSync(outputDir, { recursive: true });
  return join(outputDir, `${name}.png`);
}
