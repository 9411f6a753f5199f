import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, screenshotPath } from './support/browser';
import { startPlatform, type Platform } from './support/platform';

const skip = browserSkipReason();

describe('home page in Chromium', { skip }, () => {
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN' });
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('shows 稳岗扩岗服务平台 with both logins and the service-phone directory', async () => {
    await page.goto(platform.url);
    await page.getByRole('heading', { name: '稳岗扩岗服务平台' }).waitFor();
    assert.equal(await page.title(), '稳岗扩岗服务平台');
    await page.getByRole('button', { name: '单位登录' }).waitFor();
    await page.getByRole('button', { name: '经办人员登录' }).waitFor();
    await page.getByRole('cell', { name: '聊城市劳动就业办公室' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('home'), fullPage: true });
  });

  it('renders Chinese in real glyphs, not as missing-glyph boxes', async () => {
    // Without a CJK font every Han character falls back to the same box: two different
    // characters then render to identical pixels. With a real font they differ.
    // Passed as source text: tsx would otherwise wrap inner functions with a helper the page lacks.
    const pixels = (await page.evaluate(`(() => {
      const draw = (ch) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 40;
        const ctx = canvas.getContext('2d');
        ctx.font = '32px sans-serif';
        ctx.fillText(ch, 4, 32);
        return Array.from(ctx.getImageData(0, 0, 40, 40).data);
      };
      const a = draw('稳');
      const b = draw('岗');
      return { differing: a.filter((v, i) => v !== b[i]).length, inked: a.filter((v) => v > 0).length };
    })()`)) as { differing: number; inked: number };
    assert.ok(pixels.inked > 0, 'the character was drawn');
    assert.ok(pixels.differing > 100, `稳 and 岗 render differently (${pixels.differing} bytes differ)`);
  });

  it('leads to the officer login', async () => {
    await page.getByRole('banner').getByRole('link', { name: '稳岗扩岗服务平台' }).click();
    await page.getByRole('button', { name: '经办人员登录' }).click();
    await page.getByLabel('用户名').waitFor();
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
  });

  it('answers /api/health on the same port as the web app', async () => {
    const response = await page.request.get(`${platform.url}/api/health`);
    assert.deepEqual(await response.json(), { status: 'ok', database: 'embedded', version: '0.1.0' });
  });
});
