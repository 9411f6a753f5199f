/**
 * Fixtures for the workbench tests: the demo regions, enterprises and officers (apps/api's seed),
 * a few more accounts for other regions, principals by user name, and decisions to put on cases.
 */
import type { Database } from '@wengang/db';
import type { Decision } from '@wengang/engine';
import type { CasePersonInput, OpenCaseInput, Principal } from '@wengang/workflow';
import { seedDemoData } from '../../../../apps/api/src/demo/seed';

export interface Fixture {
  p: Record<string, Principal>;
  enterprise: Record<string, string>;
}

const extraOfficers = [
  ['yanggu.county', '阳谷县劳动就业办公室 审核员', 'county_reviewer', '371521'],
  ['liaocheng.admin', '聊城市人社局 政策管理员', 'policy_admin', '371500'],
  ['liaocheng.audit', '聊城市 审计员（只读）', 'auditor', '371500'],
  ['qitai.county', '奇台县人社局 审核员', 'county_reviewer', '652325'],
  ['changji.admin', '昌吉州人社局 政策管理员', 'policy_admin', '652300'],
  ['changji.audit', '昌吉州 审计员（只读）', 'auditor', '652300'],
] as const;

export async function seedWorkbench(db: Database): Promise<Fixture> {
  await seedDemoData(db);
  for (const [username, name, role, region] of extraOfficers) {
    await db.query(
      `INSERT INTO accounts (username, password_hash, display_name, role, region_code) VALUES ($1, 'x', $2, $3, $4)`,
      [username, name, role, region],
    );
  }
  const { rows: ents } = await db.query<{ id: string; credit_code: string; name: string }>(
    'SELECT id, credit_code, name FROM enterprises',
  );
  const enterprise: Record<string, string> = {};
  for (const e of ents) enterprise[e.name] = e.id;
  const { rows } = await db.query<{
    id: string;
    username: string;
    display_name: string;
    role: Principal['role'];
    region_code: string | null;
    enterprise_id: string | null;
  }>('SELECT id, username, display_name, role, region_code, enterprise_id FROM accounts');
  const p: Record<string, Principal> = {};
  for (const a of rows) {
    p[a.username] = {
      id: a.id,
      role: a.role,
      displayName: a.display_name,
      regionCode: a.region_code,
      enterpriseId: a.enterprise_id,
    };
  }
  // an enterprise user of another enterprise (Changji)
  const { rows: other } = await db.query<{ id: string }>(
    `INSERT INTO accounts (username, password_hash, display_name, role, enterprise_id) VALUES ('13900000002', 'x', '天山农牧 人事', 'enterprise', $1)
     RETURNING id`,
    [enterprise['昌吉市天山农牧科技有限公司']],
  );
  p['13900000002'] = {
    id: other[0]!.id,
    role: 'enterprise',
    displayName: '天山农牧 人事',
    regionCode: null,
    enterpriseId: enterprise['昌吉市天山农牧科技有限公司']!,
  };
  return { p, enterprise };
}

const cite = { doc: '测试依据', clause: '一', file: 'x.txt', line: 1, issued: '2020-01-01' };

export function decision(amountFen: number, overrides: Partial<Decision> = {}): Decision {
  return {
    programme: 'work-for-training',
    programmeName: '以工代训职业培训补贴',
    region: '371502',
    period: { from: '2020-07-01', until: '2020-07-31' },
    decisionDate: '2020-07-06',
    rulesetVersion: 'test',
    eligible: 'yes',
    amountFen,
    lines: [],
    conditions: [{ id: 'enterprise_size', label: '中小微企业', result: 'pass', cite, detail: '小型企业' }],
    parameters: [],
    missing: [],
    notes: [],
    ...overrides,
  };
}

export const ids = ['371502199001011234', '371502199202022345', '652301198803033456', '371521199504044567'];

export function persons(keys: readonly string[], month: string | null): CasePersonInput[] {
  return keys.map((k, i) => ({
    personKey: k,
    name: ['张三', '李四', '王五', '赵六'][i % 4]!,
    month,
    category: '就业困难人员',
    amountFen: 50000,
  }));
}

let n = 0;
export function claim(
  fixture: Fixture,
  overrides: Partial<OpenCaseInput> & Pick<OpenCaseInput, 'regionCode'>,
): OpenCaseInput {
  n++;
  const amountFen = overrides.amountFen ?? 100000;
  return {
    source: 'application',
    sourceId: `test-${n}-${Math.random().toString(36).slice(2)}`,
    programme: 'work-for-training',
    enterpriseId: fixture.enterprise['聊城市鲁西纺织有限公司']!,
    amountFen,
    claimMonth: '2020-07',
    decision: decision(amountFen),
    persons: persons(ids.slice(0, 2), '2020-07'),
    payee: {
      name: '聊城市鲁西纺织有限公司',
      creditCode: '91371502MA3C4XK2Q5',
      bankName: '中国工商银行聊城分行',
      accountNo: '1611002009200123456',
      accountKind: '基本账户',
    },
    materials: [{ name: '以工代训人员花名册', url: '/api/v1/files/demo' }],
    ...overrides,
  };
}
