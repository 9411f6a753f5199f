/**
 * 免申即享 in Chromium, end to end: the 聊城市 officer imports the demo data files (units, spells,
 * registrations, graduates, earlier benefits — and sees a bad file refused line by line), runs the
 * 一次性扩岗补助 screening for 2022 and follows its progress, reads each finding with the
 * explanation of every condition and its citation; one found enterprise's case then goes through
 * county review, city aggregation and payment (聊人社字〔2022〕32号 states no publicity step, so its
 * workflow has none), and the run counts it as paid.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateFiles, LAYOUTS } from '../packages/screening/src/index';
import { browserSkipReason, launchBrowser, screenshotPath } from './support/browser';
import { clickAndConfirm } from './support/case-actions';
import { choose } from './support/select';
import { startPlatform, type Platform } from './support/platform';

const skip = browserSkipReason();
const PASSWORD = 'Demo@2020';
const title = (source: string) => LAYOUTS.find((l) => l.id === source)!.title;

describe('免申即享 screening in Chromium', { skip }, () => {
  let platform: Platform;
  let browser: Browser;
  let dir: string;
  let runUrl = '';
  const contexts: BrowserContext[] = [];

  before(async () => {
    platform = await startPlatform({ BUSINESS_DATE: '2023-01-10', TEST_CLOCK: 'true' });
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'wengang-demo-files-'));
    generateFiles({ enterprises: 80, persons: 3000, seed: 2022 }, dir);
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function officer(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${platform.url}/officer/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByLabel('审核工作台菜单').first().waitFor();
    return page;
  }

  it('imports the demo files, refusing a bad one line by line', async () => {
    const city = await officer('liaocheng.city');
    // found through the workbench menu, as an officer would
    await city.getByRole('link', { name: '免申即享筛查' }).click();
    await city.getByRole('tab', { name: '数据导入' }).click();
    for (const source of ['units', 'spells', 'registrations', 'graduates', 'benefit-records']) {
      await choose(city, '数据来源', title(source));
      await city.locator('input[type=file]').setInputFiles(join(dir, `${source}.csv`));
      await city.getByText(`${title(source)} · ${source}.csv`).waitFor();
      await city.getByText(/^已导入：共 \d+ 行，新增 [1-9]/).waitFor();
    }
    const rows = readFileSync(join(dir, 'graduates.csv'), 'utf8').trim().split('\n');
    const broken = [rows[0], rows[1], rows[2]!.replace(/,(\d{4})-(\d{2})-(\d{2}),/, ',$1-13-$3,')].join('\n');
    await choose(city, '数据来源', title('graduates'));
    await city
      .locator('input[type=file]')
      .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await city.getByText('有 1 行错误，未导入任何行').waitFor();
    await city.getByRole('cell', { name: '毕业时间' }).waitFor();
    await city.screenshot({ path: screenshotPath('screening-import'), fullPage: true });
  });

  it('screens 一次性扩岗补助 for 2022 and explains every finding with its citation', async () => {
    const city = await officer('liaocheng.city');
    await city.goto(`${platform.url}/officer/screening`);
    await choose(city, '补贴项目', '一次性扩岗补助');
    await city.getByLabel('期间自').fill('2022-01-01');
    await city.getByLabel('期间至').fill('2022-12-31');
    await city.getByLabel('决定日期').fill('2023-01-10');
    await city.getByRole('button', { name: '开始筛查' }).click();
    await city.waitForURL(/\/officer\/screening\/runs\//);
    runUrl = city.url();
    await city.getByText('已完成', { exact: true }).waitFor({ timeout: 120_000 });
    await city.getByLabel('筛查进度').waitFor();
    const found = await city.locator('.ant-statistic', { hasText: '发现符合条件' }).textContent();
    assert.match(found ?? '', /发现符合条件\s*[1-9]\d* 户/);
    const row = city.locator('.ant-table-row').first();
    await row.click();
    await city
      .getByText(/依据：聊人社字〔2022〕32号 一\(二\)/)
      .first()
      .waitFor();
    await city
      .getByText(/毕业时间 2022-\d{2}（2022-01 至 2022-12）/)
      .first()
      .waitFor();
    await city
      .getByText(/1,500\.00 元\/人 × \d+ 人 = /)
      .first()
      .waitFor();
    await city.screenshot({ path: screenshotPath('screening-findings'), fullPage: true });
  });

  it('sends a found enterprise through review and payment; the run counts it as paid', async () => {
    const { rows } = await platform.db.query<{ case_id: string; unit_name: string; amount_fen: number }>(
      `SELECT case_id, unit_name, amount_fen FROM screening_findings
        WHERE region_code = '371502' AND status = 'handed_over' ORDER BY credit_code LIMIT 1`,
    );
    const found = rows[0];
    assert.ok(found, 'a finding in 东昌府区 was handed over');
    const county = await officer('dongchangfu.county');
    await county.goto(`${platform.url}/officer/cases/${found.case_id}`);
    await county.getByText('规则引擎核验：').waitFor();
    await clickAndConfirm(county, '审核通过，报市级汇总');
    const city = await officer('liaocheng.city');
    await city.goto(`${platform.url}/officer/cases/${found.case_id}`);
    await clickAndConfirm(city, '市级汇总，报市财政申请资金');

    const finance = await officer('liaocheng.finance');
    await finance.getByRole('link', { name: '资金拨付' }).click();
    await choose(finance, '资金', '失业保险基金');
    await finance
      .getByRole('cell', { name: new RegExp(found.unit_name) })
      .first()
      .waitFor();
    await finance.getByRole('button', { name: '生成本月拨付批次' }).click();
    await finance.getByText(/已生成拨付批次 2023-01-1：1 笔/).waitFor();
    await finance.getByRole('link', { name: '2023-01-1' }).click();
    const download = finance.waitForEvent('download');
    await finance
      .getByRole('link', { name: '下载银行支付文件（CSV）' })
      .or(finance.getByRole('button', { name: '下载银行支付文件（CSV）' }))
      .first()
      .click();
    const csv = readFileSync(await (await download).path()).toString('utf8');
    const reference = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/)[1]!
      .split(',')[1];
    const result = `付款参考号,结果,失败原因,到账日期,银行流水号\r\n${reference},成功,,2023-01-12,BANK202301120001\r\n`;
    await finance
      .locator('input[type=file]')
      .setInputFiles({ name: '回盘.csv', mimeType: 'text/csv', buffer: Buffer.from(result) });
    await finance.getByText('已导入银行回盘：到账 1 笔，失败 0 笔').waitFor();

    await city.goto(runUrl);
    const paid = (amount: number) => `1 户 ${(amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`;
    await city.getByText(paid(found.amount_fen)).first().waitFor();
    await city.screenshot({ path: screenshotPath('screening-paid'), fullPage: true });
  });
});
