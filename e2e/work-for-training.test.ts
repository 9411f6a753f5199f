/**
 * 以工代训补贴申报 in Chromium, as a new HR clerk would do it: register with a phone code, fill the
 * unit form (the guide's sample credit code fails its check), add persons, export the roster PDF
 * (checked for real Chinese glyphs), upload materials, submit, and follow the status in 【查询】.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { residentIdCheckChar } from '@wengang/kernel';
import { browserSkipReason, launchBrowser, outputDir, screenshotPath } from './support/browser';
import { choose } from './support/select';
import { startPlatform, type Platform } from './support/platform';

const skip = browserSkipReason();

/** A fictitious valid 18-digit number (region 371521, born 1990). */
function idNumber(n: number): string {
  const first17 = `371521199003${String(10 + (n % 18)).padStart(2, '0')}${String(300 + n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

async function register(page: Page, platform: Platform, phone: string): Promise<void> {
  await page.goto(platform.url);
  await page.getByRole('button', { name: '单位登录' }).click();
  await page.getByLabel('用户名（手机号码）').fill(phone);
  await page.getByLabel('密码').fill('Wengang2020');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('用户不存在').waitFor();
  await page.getByRole('link', { name: '首次登录点此注册' }).click();
  await page.getByText('注册单位账号').waitFor();
  await page.getByLabel('手机号码', { exact: true }).fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText(/验证码为 \d{6}/).waitFor();
  const notice = await page.getByText(/演示模式：未接入短信网关，验证码为 \d{6}/).textContent();
  const code = /(\d{6})/.exec(notice ?? '')![1]!;
  await page.getByLabel('短信验证码').fill(code);
  await page.getByLabel('密码', { exact: true }).fill('Wengang2020');
  await page.getByLabel('确认密码').fill('Wengang2020');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await page.getByText('欢迎').waitFor();
  // 【公共就业】 at the top right → the tile 【以工代训补贴申报】 → 【办理】
  await page.getByRole('banner').getByRole('button', { name: '公共就业' }).click();
  const tile = page.getByLabel('以工代训补贴申报');
  await tile.getByRole('button', { name: /办\s*理/ }).click();
}

interface Unit {
  name: string;
  creditCode: string;
  region: string;
  month: string;
  type: string;
  industry: string;
  size: string;
}

async function fillUnitForm(page: Page, u: Unit): Promise<void> {
  await page.getByLabel('单位名称').fill(u.name);
  await page.getByLabel('统一社会信用代码').fill(u.creditCode);
  await page.getByLabel('法人姓名').fill('王建国');
  await page.getByLabel('基本账户开户银行').fill('中国农业银行临清支行');
  await page.getByLabel('基本账户银行账号').fill('337247991324');
  await page.getByLabel('联系电话').fill('0635-7121836');
  await choose(page, '企业规模', u.size);
  await choose(page, '所属行业', u.industry);
  await choose(page, '企业所属区划', u.region);
  await choose(page, '补贴年月', u.month);
  await choose(page, '补贴类型', u.type);
  await page
    .getByLabel('以工代训培训情况')
    .fill('新招用人员在仓储、运输岗位以工代训：师傅带徒弟，学习叉车操作、货物装卸和安全规范，每月不少于 20 天');
}

/** Parses a binary PGM (P5) as pdftoppm -gray writes it. */
function readPgm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file);
  const header = data.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
  return { width: Number(m[1]), height: Number(m[2]), pixels: data.subarray(m[0].length) };
}

describe('以工代训补贴申报 in Chromium', { skip }, () => {
  let platform: Platform;
  let browser: Browser;
  before(async () => {
    platform = await startPlatform({ BUSINESS_DATE: '2020-11-16' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('新吸纳劳动者就业: register, unit form, 6 persons from the roster, PDF, materials, submit, 【查询】', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await register(page, platform, '13900000002');

    await fillUnitForm(page, {
      name: '临清市运河物流有限公司',
      creditCode: '9137072459034830XB', // the guide's sample: its check character is wrong
      region: '聊城市临清市',
      month: '2020年7月',
      type: '新吸纳劳动者就业',
      industry: '交通运输',
      size: '小型企业',
    });
    await page.getByRole('button', { name: '保存单位信息' }).click();
    await page.getByText('统一社会信用代码有误：统一社会信用代码校验位（第18位）应为“8”，实际为“B”').first().waitFor();
    // the server says the same (the page never sent it; ask the API directly)
    const direct = await page.request.post(`${platform.url}/api/v1/work-for-training/applications`, {
      data: { creditCode: '9137072459034830XB' },
      headers: {
        'x-csrf-token': await page.evaluate(async () => (await (await fetch('/api/v1/auth/session')).json()).csrfToken),
      },
    });
    assert.equal(direct.status(), 422);
    assert.match(JSON.stringify(await direct.json()), /校验位（第18位）应为“8”/);

    await page.getByLabel('统一社会信用代码').fill('91371581MA3F1R2T6N');
    await page.getByRole('button', { name: '保存单位信息' }).click();
    await page.getByText('单位信息已保存').waitFor();

    await page.getByRole('button', { name: '增加企业在职职工' }).click();
    const modal = page.getByRole('dialog', { name: /增加企业在职职工/ });
    const rows = modal.locator('tbody tr', { hasText: '就业困难人员' });
    for (let i = 0; i < 6; i++) await rows.nth(i).locator('input[type=checkbox]').check();
    await modal.getByRole('button', { name: /添加所选（6）/ }).click();
    await page.getByText('已添加 6 人').waitFor();
    const table = page.locator('.ant-table-tbody').first();
    await table.locator('tr', { hasText: '就业困难人员' }).nth(5).waitFor();
    assert.equal(await table.locator('tr', { hasText: '就业困难人员' }).count(), 6);
    const amounts = await table.locator('tr td:nth-child(5)').allTextContents();
    assert.deepEqual(amounts, ['500', '500', '500', '500', '500', '500']);
    await page.getByText('合计：6 人，补贴金额 3000.00 元').waitFor();
    await page.getByText('1-6 共 6 条').waitFor();
    await page.screenshot({ path: screenshotPath('work-for-training-persons'), fullPage: true });

    // 【导出以工代训人员花名册】: a PDF with the enterprise name in real Chinese glyphs
    const exportLink = page.locator('a', { hasText: '导出以工代训人员花名册' });
    const href = await exportLink.getAttribute('href');
    assert.match(href ?? '', /\/roster\.pdf$/);
    const pdfResponse = await page.request.get(`${platform.url}${href}`);
    assert.equal(pdfResponse.headers()['content-type'], 'application/pdf');
    const pdfFile = join(outputDir, 'work-for-training-roster.pdf');
    writeFileSync(pdfFile, await pdfResponse.body());
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    assert.match(text, /临清市运河物流有限公司/);
    assert.match(text, /承\s*诺\s*书/);
    assert.match(text, /3000\.00/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfFile,
      join(outputDir, 'work-for-training-roster'),
    ]);
    // Pixels: the name's characters must each look different. With a missing font every Han
    // character is the same box, so 临 and 清 (or any two) would render identically.
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdfFile, '-'], { encoding: 'utf8' });
    const word =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">临清市运河物流有限公司<\/word>/.exec(bbox);
    assert.ok(word, 'the enterprise name is one word on page 1');
    const [x0, y0, x1, y1] = word.slice(1).map(Number) as [number, number, number, number];
    const dpi = 100;
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfFile,
      join(outputDir, 'roster-gray'),
    ]);
    const img = readPgm(join(outputDir, 'roster-gray.pgm'));
    const scale = dpi / 72;
    const cell = (x1 - x0) / 11; // 11 full-width characters
    const glyph = (i: number) => {
      const out: number[] = [];
      for (let y = Math.floor(y0 * scale); y < Math.ceil(y1 * scale); y++) {
        for (let x = Math.floor((x0 + i * cell) * scale); x < Math.floor((x0 + (i + 1) * cell) * scale); x++) {
          out.push(img.pixels[y * img.width + x]!);
        }
      }
      return out;
    };
    const glyphs = Array.from({ length: 11 }, (_, i) => glyph(i));
    for (const g of glyphs)
      assert.ok(
        g.some((v) => v < 128),
        'every character is inked',
      );
    const distinct = new Set(glyphs.map((g) => g.map((v) => (v < 128 ? 1 : 0)).join(''))).size;
    assert.ok(distinct >= 9, `characters render as different glyphs, not boxes (${distinct} distinct of 11)`);

    // materials: the signed roster (here the exported PDF), the licence (PNG), the wage statement (JPEG)
    await page.getByRole('button', { name: '下一步：上传材料并提交' }).click();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
    const uploadInto = async (
      label: RegExp,
      kindButton: RegExp,
      file: { name: string; mimeType: string; buffer: Buffer },
    ) => {
      const item = page.locator('.ant-list-item', { hasText: label }).first();
      await item.getByRole('button', { name: kindButton }).first().waitFor();
      await item.locator('input[type=file]').first().setInputFiles(file);
      await item.getByText('已上传').waitFor();
    };
    await uploadInto(/以工代训人员花名册/, /上\s*传/, {
      name: '花名册签字盖章.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(pdfFile),
    });
    await uploadInto(/营业执照/, /上\s*传/, { name: '营业执照.png', mimeType: 'image/png', buffer: png });
    await uploadInto(/当月银行工资发放对账单/, /上传对账单/, {
      name: '工资对账单.jpg',
      mimeType: 'image/jpeg',
      buffer: jpeg,
    });
    // a file named .pdf that is not one is refused by content
    await page
      .locator('.ant-list-item', { hasText: /以工代训人员花名册/ })
      .first()
      .locator('input[type=file]')
      .setInputFiles({ name: '假文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
    await page.getByText('「假文件.pdf」不是 PDF、JPG 或 PNG 文件（按文件内容识别）').waitFor();

    await page.getByText('核定补贴金额：3000.00 元（6 人）').waitFor();
    await page.getByText('补贴本年度最多申请 6 次').waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('button', { name: '确认提交' }).click();

    // 【查询】
    await page.getByText('审核进度查询').waitFor();
    const card = page.getByLabel('申请 2020-07');
    await card.getByText('县级审核中').first().waitFor();
    await card.getByText('3000.00 元').first().waitFor();
    await card.getByText('临清市人社部门审核').waitFor();
    await page.screenshot({ path: screenshotPath('work-for-training-progress'), fullPage: true });
    await context.close();
  });

  it('受疫情影响的企业: 【增加人员】 and an .xlsx import with one bad row', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await register(page, platform, '13900000003');
    await fillUnitForm(page, {
      name: '阳谷县凤祥餐饮管理有限公司',
      creditCode: '91371521MA3D7N8P59',
      region: '聊城市阳谷县',
      month: '2020年10月',
      type: '受疫情影响的企业',
      industry: '住宿餐饮',
      size: '小型企业',
    });
    // 困难企业认定 (鲁人社函〔2020〕78号 二): October revenue 50% below the 2019 monthly average
    await page.getByLabel('补贴月份当月营业收入（元）').fill('50000');
    await page.getByLabel('2019年营业收入合计（元）').fill('1200000');
    await page.getByRole('button', { name: '保存单位信息' }).click();
    await page.getByText('单位信息已保存').waitFor();

    await page.getByRole('button', { name: '增加人员' }).click();
    const dialog = page.getByRole('dialog', { name: '增加人员' });
    await dialog.getByLabel('身份证号').fill(idNumber(1));
    await dialog.getByLabel('姓名').fill('高志伟');
    await dialog.getByRole('button', { name: /添\s*加/ }).click();
    await page.getByText('已添加 高志伟').waitFor();
    await page.getByText('合计：1 人，补贴金额 500.00 元').waitFor();

    // the template downloads; a filled copy with one bad row is refused whole, row by row
    const template = await page.request.get(`${platform.url}/api/v1/work-for-training/import-template.xlsx`);
    assert.equal(template.status(), 200);
    const workbook = async (rows: [number, string, string, string, string][]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      ws.spliceRows(2, 1);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const bad = idNumber(3).slice(0, 17) + (idNumber(3).endsWith('1') ? '2' : '1');
    const withError = await workbook([
      [1, idNumber(2), '高景才', '企业在职职工', '否'],
      [2, bad, '赵春奇', '企业在职职工', '否'],
      [3, idNumber(4), '马俊伟', '劳务派遣人员', '是'],
    ]);
    const importFile = async (buffer: Buffer) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '导入人员（.xlsx）' }).click();
      await (
        await chooser
      ).setFiles({
        name: '以工代训人员.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
    };
    await importFile(withError);
    await page.getByText('导入失败：文件中有 1 处错误，未导入任何人员').waitFor();
    await page.getByText(/第 3 行「身份证号」：身份证号有误：公民身份号码第18位校验码应为/).waitFor();
    await page.getByText('合计：1 人，补贴金额 500.00 元').waitFor();
    const { rows: saved } = await platform.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM application_persons p JOIN applications a ON a.id = p.application_id WHERE a.unit_name = '阳谷县凤祥餐饮管理有限公司'`,
    );
    assert.equal(saved[0]!.n, 1, 'nothing was saved from the file with an error');
    await page.screenshot({ path: screenshotPath('work-for-training-import-errors'), fullPage: true });

    await importFile(
      await workbook([
        [1, idNumber(2), '高景才', '企业在职职工', '否'],
        [2, idNumber(3), '赵春奇', '企业在职职工', '否'],
        [3, idNumber(4), '马俊伟', '劳务派遣人员', '是'],
      ]),
    );
    await page.getByText('已导入 3 人').waitFor();
    await page.getByText('合计：4 人，补贴金额 2000.00 元').waitFor();
    await page.getByRole('cell', { name: '劳务派遣人员' }).waitFor();
    // a dispatched worker makes the dispatch agreement a required material (鲁人社函〔2020〕78号 四(四))
    await page.getByRole('button', { name: '下一步：上传材料并提交' }).click();
    await page.getByText('上传材料：劳务派遣协议（附派遣人员名单）及相关工资发放证明').waitFor();
    await context.close();
  });
});
