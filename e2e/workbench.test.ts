/**
 * The officer workbench in Chromium, end to end:
 * - 山东 以工代训: the demo enterprise submits a claim on the portal; the 东昌府区 reviewer approves
 *   it; the list is publicised (the public page shows it masked); the test clock passes the
 *   publicity period; the 聊城市 finance officer makes the payment batch, downloads the bank file
 *   and imports the bank's result; the enterprise's 【查询】 shows 已拨付 with the date.
 * - 昌吉州 以工代训: a claim runs county review (2 working days, flagged overdue when the clock
 *   passes them), 州人社局 re-review and the letter to 州财政局 (3 working days), to finance.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../apps/api/src/security/password';
import { browserSkipReason, launchBrowser, screenshotPath } from './support/browser';
import { clickAndConfirm } from './support/case-actions';
import { choose } from './support/select';
import { startPlatform, type Platform } from './support/platform';

const skip = browserSkipReason();
const PASSWORD = 'Demo@2020';

describe('officer workbench in Chromium', { skip }, () => {
  let platform: Platform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    platform = await startPlatform({ BUSINESS_DATE: '2020-11-16', TEST_CLOCK: 'true' });
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await platform?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  async function officer(username: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${platform.url}/officer/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page
      .getByRole('navigation', { name: '审核工作台菜单' })
      .or(page.getByLabel('审核工作台菜单'))
      .first()
      .waitFor();
    return page;
  }

  async function clock(body: { advanceDays?: number; today?: string }): Promise<string> {
    const r = await fetch(`${platform.url}/api/v1/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200);
    return ((await r.json()) as { today: string }).today;
  }

  it('以工代训 in 山东: county review → 公示 → payment batch → bank result → 【查询】 已拨付', async () => {
    // —— the enterprise submits its claim on the portal ——
    const enterprise = await newPage();
    await enterprise.goto(platform.url);
    await enterprise.getByRole('button', { name: '单位登录' }).click();
    await enterprise.getByLabel('用户名（手机号码）').fill('13800000001');
    await enterprise.getByLabel('密码').fill(PASSWORD);
    await enterprise.getByRole('button', { name: /登\s*录/ }).click();
    await enterprise.getByText('欢迎').waitFor();
    await enterprise.getByRole('banner').getByRole('button', { name: '公共就业' }).click();
    await enterprise
      .getByLabel('以工代训补贴申报')
      .getByRole('button', { name: /办\s*理/ })
      .click();
    await enterprise.getByLabel('单位名称').fill('聊城市鲁西纺织有限公司');
    await enterprise.getByLabel('统一社会信用代码').fill('91371502MA3C4XK2Q5');
    await enterprise.getByLabel('法人姓名').fill('刘志强');
    await enterprise.getByLabel('基本账户开户银行').fill('中国工商银行聊城东昌支行');
    await enterprise.getByLabel('基本账户银行账号').fill('1611002009200123456');
    await enterprise.getByLabel('联系电话').fill('0635-8419693');
    await choose(enterprise, '企业规模', '中型企业');
    await choose(enterprise, '所属行业', '其他行业');
    await choose(enterprise, '企业所属区划', '聊城市东昌府区');
    await choose(enterprise, '补贴年月', '2020年7月');
    await choose(enterprise, '补贴类型', '新吸纳劳动者就业');
    await enterprise
      .getByLabel('以工代训培训情况')
      .fill('新招用就业困难人员在纺纱、织布岗位以工代训，师傅带徒，每月不少于 20 天');
    await enterprise.getByRole('button', { name: '保存单位信息' }).click();
    await enterprise.getByText('单位信息已保存').waitFor();
    await enterprise.getByRole('button', { name: '增加企业在职职工' }).click();
    const roster = enterprise.getByRole('dialog', { name: /增加企业在职职工/ });
    const rows = roster.locator('tbody tr', { hasText: '就业困难人员' });
    for (let i = 0; i < 6; i++) await rows.nth(i).locator('input[type=checkbox]').check();
    await roster.getByRole('button', { name: /添加所选（6）/ }).click();
    await enterprise.getByText('合计：6 人，补贴金额 3000.00 元').waitFor();
    await enterprise.getByRole('button', { name: '下一步：上传材料并提交' }).click();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
    const upload = async (label: RegExp, file: { name: string; mimeType: string; buffer: Buffer }) => {
      const item = enterprise.locator('.ant-list-item', { hasText: label }).first();
      await item.locator('input[type=file]').first().setInputFiles(file);
      await item.getByText('已上传').waitFor();
    };
    await upload(/以工代训人员花名册/, { name: '花名册.pdf', mimeType: 'application/pdf', buffer: pdf });
    await upload(/营业执照/, { name: '营业执照.png', mimeType: 'image/png', buffer: png });
    await upload(/当月银行工资发放对账单/, { name: '工资对账单.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await enterprise.getByRole('button', { name: '提交申请' }).click();
    await enterprise.getByRole('button', { name: '确认提交' }).click();
    await enterprise.getByText('审核进度查询').waitFor();
    await enterprise.getByLabel('申请 2020-07').getByText('县级审核中').first().waitFor();

    // —— 东昌府区 reviewer: the queue, the case page (decision, materials), approval ——
    const county = await officer('dongchangfu.county');
    const link = county.getByRole('link', { name: /聊城市鲁西纺织有限公司 2020-07/ });
    await link.waitFor();
    await link.click();
    await county.getByText('规则引擎核验：').waitFor();
    await county.getByText('未发现重复享受疑点').waitFor();
    await county.getByRole('link', { name: /以工代训人员花名册/ }).waitFor();
    await county.screenshot({ path: screenshotPath('workbench-case'), fullPage: true });
    await clickAndConfirm(county, '审核通过');
    await county.getByText('待公示').first().waitFor();

    // —— 公示: published for 5 working days; the public page shows the list masked ——
    await county.getByRole('link', { name: '公示管理' }).click();
    await county.getByRole('button', { name: /发布公示/ }).click();
    await county.getByText('已发布公示，公示期至 2020-11-23').waitFor();
    const { rows: persons } = await platform.db.query<{ person_key: string }>('SELECT person_key FROM case_persons');
    assert.equal(persons.length, 6);
    const visitor = await newPage();
    await visitor.goto(`${platform.url}/publicity`);
    await visitor.getByRole('cell', { name: '聊城市鲁西纺织有限公司' }).waitFor();
    await visitor.getByRole('cell', { name: '3,000.00 元' }).waitFor();
    const html = await visitor.content();
    for (const p of persons) {
      assert.equal(html.includes(p.person_key), false, 'no full ID number on the public page');
      assert.ok(html.includes(`**************${p.person_key.slice(-4)}`), 'the masked ID is listed');
    }
    await visitor.screenshot({ path: screenshotPath('workbench-publicity'), fullPage: true });

    // —— the publicity period ends (test clock: 5 working days from 2020-11-16 end on 11-23) ——
    assert.equal(await clock({ advanceDays: 8 }), '2020-11-24');
    await enterprise.reload();
    await enterprise.getByLabel('申请 2020-07').getByText(/公示/).first().waitFor();

    // —— 聊城市 finance: payment batch, bank file, bank result ——
    const finance = await officer('liaocheng.finance');
    await finance.getByRole('link', { name: '资金拨付' }).click();
    await finance.getByRole('cell', { name: /聊城市鲁西纺织有限公司 2020-07/ }).waitFor();
    await finance.getByRole('button', { name: '生成本月拨付批次' }).click();
    await finance.getByText(/已生成拨付批次 2020-11-1：1 笔，3,000.00 元/).waitFor();
    await finance.getByRole('link', { name: '2020-11-1' }).click();
    const download = finance.waitForEvent('download');
    await finance
      .getByRole('link', { name: '下载银行支付文件（CSV）' })
      .or(finance.getByRole('button', { name: '下载银行支付文件（CSV）' }))
      .first()
      .click();
    const csv = readFileSync(await (await download).path()).toString('utf8');
    const [header, line] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    assert.equal(header, '序号,付款参考号,收款单位名称,统一社会信用代码,开户银行,银行账号,账户性质,金额（元）,用途');
    const cells = line!.split(',');
    assert.deepEqual(cells.slice(2, 8), [
      '聊城市鲁西纺织有限公司',
      '91371502MA3C4XK2Q5',
      '中国工商银行聊城东昌支行',
      '1611002009200123456',
      '基本账户',
      '3000.00',
    ]);
    const xlsx = await finance.request.get(
      `${platform.url}/api/v1/officer/payments/${finance.url().split('/').pop()}/bank-file.xlsx`,
    );
    assert.equal(xlsx.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal((await xlsx.body()).subarray(0, 2).toString('latin1'), 'PK');
    const result = `付款参考号,结果,失败原因,到账日期,银行流水号\r\n${cells[1]},成功,,2020-11-25,ICBC20201125001\r\n`;
    await finance
      .locator('input[type=file]')
      .setInputFiles({ name: '回盘.csv', mimeType: 'text/csv', buffer: Buffer.from(result) });
    await finance.getByText('已导入银行回盘：到账 1 笔，失败 0 笔').waitFor();
    await finance.getByText('已到账').first().waitFor();
    await finance.screenshot({ path: screenshotPath('workbench-payment'), fullPage: true });

    // —— the enterprise's 【查询】: 已拨付 with the date ——
    await enterprise.goto(`${platform.url}/enterprise/work-for-training/progress`);
    const card = enterprise.getByLabel('申请 2020-07');
    await card.getByText('已拨付').first().waitFor();
    await card.getByText('2020-11-25').first().waitFor();
    await enterprise.screenshot({ path: screenshotPath('workbench-enterprise-paid'), fullPage: true });
  });

  it('以工代训 in 昌吉州: two-level chain with its deadlines; an overdue case is flagged', async () => {
    assert.equal(await clock({ today: '2020-11-16' }), '2020-11-16');
    // an enterprise user of 昌吉市天山农牧科技有限公司 (whose training plan the demo data approved)
    const { rows: ent } = await platform.db.query<{ id: string }>(
      `SELECT id FROM enterprises WHERE credit_code = '91652301MA7A3B4C5Q'`,
    );
    await platform.db.query(
      `INSERT INTO accounts (username, password_hash, display_name, role, enterprise_id) VALUES ('13900000009', $1, '天山农牧 人事专员', 'enterprise', $2)`,
      [await hashPassword(PASSWORD), ent[0]!.id],
    );
    const { rows: people } = await platform.db.query<{ person_id_number: string; person_name: string }>(
      `SELECT person_id_number, person_name FROM insured_employment_spells WHERE enterprise_id = $1 AND person_category = '登记失业人员'
        ORDER BY person_id_number LIMIT 3`,
      [ent[0]!.id],
    );
    const enterprise = await newPage();
    const login = await enterprise.request.post(`${platform.url}/api/v1/auth/login`, {
      data: { username: '13900000009', password: PASSWORD, portal: 'enterprise' },
    });
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const file = async (name: string, mimeType: string, buffer: Buffer) => {
      const r = await enterprise.request.post(`${platform.url}/api/v1/files`, {
        headers: { 'x-csrf-token': csrf },
        multipart: { file: { name, mimeType, buffer } },
      });
      assert.equal(r.status(), 200, await r.text());
      return ((await r.json()) as { id: string }).id;
    };
    const rosterFile = await file('花名册.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const wageFile = await file(
      '工资表.jpg',
      'image/jpeg',
      Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
    );
    const claim = await enterprise.request.post(`${platform.url}/api/v1/work-for-training/claims`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        unitName: '昌吉市天山农牧科技有限公司',
        creditCode: '91652301MA7A3B4C5Q',
        legalRepName: '马建新',
        bankName: '中国农业银行昌吉分行',
        bankAccountNo: '30020101040012345',
        contactPhone: '0994-2206024',
        declaredSize: 'micro',
        industry: 'other',
        subsidyMonth: '2020-07',
        subsidyType: 'absorption',
        regionCode: '652301',
        trainingDescription: '新吸纳登记失业人员在养殖岗位以工代训',
        details: { noOtherTrainingSubsidy: true },
        persons: people.map((p) => ({ idNumber: p.person_id_number, name: p.person_name })),
        materials: [
          { kind: 'signed_roster', fileId: rosterFile },
          { kind: 'wage_statement', fileId: wageFile },
        ],
      },
    });
    assert.equal(claim.status(), 200, await claim.text());

    // 昌吉市 county reviewer: due in 2 working days (Monday → Wednesday)
    const county = await officer('changji.county');
    const row = county.locator('tr', { hasText: '昌吉市天山农牧科技有限公司' });
    await row.getByText('2020-11-18 前（剩 2 个工作日）').waitFor();
    // Thursday: the case is overdue
    assert.equal(await clock({ advanceDays: 3 }), '2020-11-19');
    await county.reload();
    await row.getByText('已超期（期限 2020-11-18）').waitFor();
    await county.getByText('已超期 1').waitFor();
    await county.screenshot({ path: screenshotPath('workbench-overdue'), fullPage: true });
    await row.getByRole('link').first().click();
    await clickAndConfirm(county, '审核无问题，提交州人社局复审');
    await county.getByText('州人社局复审').first().waitFor();

    // 州人社局: re-review and the letter to finance within 3 working days
    const prefecture = await officer('changji.prefecture');
    const prow = prefecture.locator('tr', { hasText: '昌吉市天山农牧科技有限公司' });
    await prow.getByText('2020-11-24 前（剩 3 个工作日）').waitFor();
    await prow.getByRole('link').first().click();
    await clickAndConfirm(prefecture, '复审通过');
    await prefecture.getByText('3个工作日内向州财政局提交资金拨付材料').first().waitFor();
    await clickAndConfirm(prefecture, '函告州财政局（提交资金拨付材料）');
    await prefecture.getByText('待拨付（按月）').first().waitFor();

    // 州财政局: in the finance officer's queue for the monthly payment
    const finance = await officer('changji.finance');
    await finance.locator('tr', { hasText: '昌吉市天山农牧科技有限公司' }).getByText('待拨付（按月）').waitFor();
  });

  it('recovery, fund accounts, workflows, the audit log and the enterprise’s own list', async () => {
    // 聊城市 finance: a recovery order on the paid case, repaid in full
    const finance = await officer('liaocheng.finance');
    await finance.getByRole('link', { name: '案件查询' }).click();
    await finance.getByRole('link', { name: /聊城市鲁西纺织有限公司 2020-07/ }).click();
    await finance.getByRole('button', { name: '下达追回' }).click();
    const dialog = finance.getByRole('dialog', { name: '下达追回通知' });
    await dialog.getByLabel('追回原因').fill('经核查，一名人员当月未实际在岗');
    await dialog.getByLabel(/追回金额/).fill('500');
    await dialog.getByRole('button', { name: /下\s*达/ }).click();
    await finance.getByText('已下达追回通知').waitFor();
    await finance.getByRole('link', { name: '资金追回' }).click();
    await finance.getByRole('cell', { name: '经核查，一名人员当月未实际在岗' }).waitFor();
    await finance.getByRole('button', { name: '登记退回' }).click();
    await finance
      .getByRole('dialog', { name: '登记企业退回资金' })
      .getByLabel(/退回金额/)
      .fill('500');
    await finance
      .getByRole('dialog', { name: '登记企业退回资金' })
      .getByRole('button', { name: /登\s*记/ })
      .click();
    await finance.getByText('已结清').waitFor();
    // the 专账 ledger: 3 000 paid, 500 back
    await finance.getByRole('link', { name: '资金账户' }).click();
    const skills = finance.locator('tr', { hasText: '聊城市职业技能提升行动专账' });
    await skills.getByText('11,997,500.00 元').waitFor();
    await skills.getByRole('button', { name: /明\s*细/ }).click();
    await finance.getByRole('cell', { name: /追回资金退回/ }).waitFor();

    // the policy administrator sees the stop rules' state; anyone reads the workflows as data
    const admin = await officer('shandong.admin');
    await admin.getByRole('link', { name: '资金账户' }).click();
    await admin
      .locator('tr', { hasText: '聊城市职业技能提升行动专账' })
      .getByText(/停止线 30%/)
      .waitFor();
    await admin
      .locator('tr', { hasText: '聊城市失业保险基金支出户' })
      .getByText(/备付 36 个月/)
      .waitFor();
    await admin.getByRole('link', { name: '业务流程' }).click();
    await admin
      .getByText('昌吉州以工代训按月申报（县级2个工作日审核—州复审—3个工作日内函告州财政局—按月拨付）')
      .click();
    await admin.getByRole('cell', { name: '收到申请后2个工作日内完成审核' }).first().waitFor();

    // the auditor: the log of the region and an intact hash chain
    const auditor = await officer('shandong.audit');
    await auditor.getByRole('link', { name: '审计日志' }).click();
    await auditor.getByRole('cell', { name: 'recovery.repayment' }).waitFor();
    await auditor.getByRole('button', { name: '校验哈希链' }).click();
    await auditor.getByText(/审计日志校验通过：共 \d+ 条记录，哈希链完整/).waitFor();

    // the enterprise's own list of cases
    const enterprise = await newPage();
    await enterprise.goto(`${platform.url}/enterprise/login`);
    await enterprise.getByLabel('用户名（手机号码）').fill('13800000001');
    await enterprise.getByLabel('密码').fill(PASSWORD);
    await enterprise.getByRole('button', { name: /登\s*录/ }).click();
    await enterprise.getByText('欢迎').waitFor();
    await enterprise.goto(`${platform.url}/enterprise/cases`);
    const mine = enterprise.locator('tr', { hasText: '聊城市鲁西纺织有限公司 2020-07' });
    await mine.getByText('已拨付').waitFor();
    await mine.getByText('2020-11-25').waitFor();
  });
});
