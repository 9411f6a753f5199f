/**
 * Demo data for a fresh database: the documents' regions, the agency directory, a few
 * enterprises and one officer account per review level. Runs only on an empty database.
 */
import { listRegions, type Region } from '@wengang/kernel';
import type { Database } from '@wengang/db';
import { hashPassword } from '../security/password';
import { agencyContacts } from './contacts';
import { seedPortalDemo } from './portal-seed';

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  displayName: string;
  regionCode: string | null;
}

const DEMO_PASSWORD = 'Demo@2020';

const demoEnterprises = [
  { creditCode: '91371502MA3C4XK2Q5', name: '聊城市鲁西纺织有限公司', region: '371502', industry: 'C', size: 'medium' },
  {
    creditCode: '91371521MA3D7N8P59',
    name: '阳谷县凤祥餐饮管理有限公司',
    region: '371521',
    industry: 'H',
    size: 'small',
  },
  { creditCode: '91371581MA3F1R2T6N', name: '临清市运河物流有限公司', region: '371581', industry: 'G', size: 'small' },
  {
    creditCode: '91652301MA7A3B4C5Q',
    name: '昌吉市天山农牧科技有限公司',
    region: '652301',
    industry: 'A',
    size: 'micro',
  },
  { creditCode: '91652325MA7B6D8E16', name: '奇台县丝路商贸有限公司', region: '652325', industry: 'F', size: 'small' },
] as const;

const demoOfficers = [
  {
    username: 'dongchangfu.county',
    displayName: '东昌府区劳动就业办公室 审核员',
    role: 'county_reviewer',
    region: '371502',
  },
  {
    username: 'liaocheng.city',
    displayName: '聊城市劳动就业办公室 复审员',
    role: 'prefecture_reviewer',
    region: '371500',
  },
  { username: 'liaocheng.finance', displayName: '聊城市财政局 拨付员', role: 'finance', region: '371500' },
  { username: 'changji.county', displayName: '昌吉市人社局 审核员', role: 'county_reviewer', region: '652301' },
  { username: 'changji.prefecture', displayName: '昌吉州人社局 复审员', role: 'prefecture_reviewer', region: '652300' },
  { username: 'changji.finance', displayName: '昌吉州财政局 拨付员', role: 'finance', region: '652300' },
  { username: 'shandong.admin', displayName: '省人社厅 政策管理员', role: 'policy_admin', region: '370000' },
  { username: 'shandong.audit', displayName: '省人社厅 审计员（只读）', role: 'auditor', region: '370000' },
] as const;

const demoEnterpriseUser = {
  username: '13800000001',
  displayName: '鲁西纺织 人事专员',
  creditCode: '91371502MA3C4XK2Q5',
};

/** Parents before children, so the foreign key holds while inserting. */
function byDepth(regions: Region[]): Region[] {
  const depth = (r: Region): number => (r.parent ? 1 + depth(regions.find((p) => p.code === r.parent)!) : 0);
  return [...regions].sort((a, b) => depth(a) - depth(b) || a.code.localeCompare(b.code));
}

function contactRegionCode(label: string, regions: Region[]): string {
  if (label === '市本级') return '371500';
  const match = regions.find((r) => r.parent === '371500' && (r.name === label || r.name.startsWith(label)));
  if (!match) throw new Error(`no region for contact directory label ${label}`);
  return match.code;
}

export async function isEmpty(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  return rows[0]!.n === 0;
}

export async function seedDemoData(db: Database): Promise<DemoAccount[]> {
  const regions = listRegions();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    for (const r of byDepth(regions)) {
      await tx.query(
        'INSERT INTO regions (code, name, full_name, level, parent_code, official) VALUES ($1, $2, $3, $4, $5, $6)',
        [r.code, r.name, r.fullName, r.level, r.parent ?? null, r.official],
      );
    }
    for (const c of agencyContacts) {
      await tx.query(
        `INSERT INTO agency_contacts (business_line, region_code, region_label, department, contact_name, title, phone, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          c.businessLine,
          contactRegionCode(c.regionLabel, regions),
          c.regionLabel,
          c.department,
          c.name,
          c.title,
          c.phone,
          `聊人社字〔2020〕58号 附件1（000_fcb7bf8bcb97a69c.txt 第${c.line}行）`,
        ],
      );
    }
    const enterpriseIds = new Map<string, string>();
    for (const e of demoEnterprises) {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO enterprises (credit_code, name, region_code, industry, declared_size)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [e.creditCode, e.name, e.region, e.industry, e.size],
      );
      enterpriseIds.set(e.creditCode, rows[0]!.id);
    }
    const accounts: DemoAccount[] = [];
    for (const o of demoOfficers) {
      await tx.query(
        `INSERT INTO accounts (username, password_hash, display_name, role, region_code) VALUES ($1, $2, $3, $4, $5)`,
        [o.username, passwordHash, o.displayName, o.role, o.region],
      );
      accounts.push({ ...o, password: DEMO_PASSWORD, regionCode: o.region });
    }
    await tx.query(
      `INSERT INTO accounts (username, password_hash, display_name, role, enterprise_id) VALUES ($1, $2, $3, 'enterprise', $4)`,
      [
        demoEnterpriseUser.username,
        passwordHash,
        demoEnterpriseUser.displayName,
        enterpriseIds.get(demoEnterpriseUser.creditCode),
      ],
    );
    accounts.push({
      username: demoEnterpriseUser.username,
      password: DEMO_PASSWORD,
      role: 'enterprise',
      displayName: demoEnterpriseUser.displayName,
      regionCode: null,
    });
    await seedPortalDemo(tx);
    return accounts;
  });
}
