/**
 * Demo data of the enterprise portal: insured employment spells (社会保险参保记录) of the demo
 * enterprises — with ≥ 6 就业困难人员 hired in 2020 for 聊城市鲁西纺织有限公司 and 临清市运河物流有限公司
 * — and, for 昌吉市天山农牧科技有限公司, a 以工代训培训计划 already approved (审核备案) by the
 * 昌吉市 reviewer. Identity numbers are generated with valid check characters; the people are
 * fictitious.
 */
import type { Queryable } from '@wengang/db';
import { residentIdCheckChar } from '@wengang/kernel';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '平',
  '海雷',
  '志伟',
  '春奇',
  '景才',
  '俊伟',
  '晓燕',
  '丽娟',
  '建国',
  '秀英',
  '明',
  '红梅',
  '卫东',
  '桂兰',
  '振华',
  '玉珍',
  '国强',
  '凤英',
  '立新',
  '淑华',
  '文博',
  '子涵',
  '浩然',
  '思雨',
];

interface SpellSeed {
  category: string;
  count: number;
  insuredFrom: string;
  employmentRegisteredOn?: string;
  graduatedOn?: string;
  dispatched?: boolean;
}

interface EnterpriseSeed {
  creditCode: string;
  region: string;
  spells: SpellSeed[];
}

const seeds: EnterpriseSeed[] = [
  {
    creditCode: '91371502MA3C4XK2Q5', // 聊城市鲁西纺织有限公司
    region: '371502',
    spells: [
      { category: '就业困难人员', count: 8, insuredFrom: '2020-04-01', employmentRegisteredOn: '2020-04-03' },
      {
        category: '离校两年内高校毕业生',
        count: 2,
        insuredFrom: '2020-07-01',
        employmentRegisteredOn: '2020-07-02',
        graduatedOn: '2020-06-30',
      },
      { category: '登记失业人员', count: 2, insuredFrom: '2020-05-01', employmentRegisteredOn: '2020-05-06' },
      { category: '企业在职职工', count: 10, insuredFrom: '2016-03-01' },
      { category: '企业在职职工', count: 2, insuredFrom: '2019-09-01', dispatched: true },
    ],
  },
  {
    creditCode: '91371581MA3F1R2T6N', // 临清市运河物流有限公司 (no account yet: a new user registers it)
    region: '371581',
    spells: [
      { category: '就业困难人员', count: 7, insuredFrom: '2020-05-01', employmentRegisteredOn: '2020-05-08' },
      { category: '企业在职职工', count: 4, insuredFrom: '2018-01-01' },
    ],
  },
  {
    creditCode: '91371521MA3D7N8P59', // 阳谷县凤祥餐饮管理有限公司
    region: '371521',
    spells: [{ category: '企业在职职工', count: 12, insuredFrom: '2017-06-01' }],
  },
  {
    creditCode: '91652301MA7A3B4C5Q', // 昌吉市天山农牧科技有限公司
    region: '652301',
    spells: [
      { category: '登记失业人员', count: 5, insuredFrom: '2020-06-01', employmentRegisteredOn: '2020-06-05' },
      { category: '企业在职职工', count: 5, insuredFrom: '2018-04-01' },
    ],
  },
  {
    creditCode: '91652325MA7B6D8E16', // 奇台县丝路商贸有限公司
    region: '652325',
    spells: [{ category: '企业在职职工', count: 6, insuredFrom: '2019-03-01' }],
  },
];

/** A fictitious but valid 18-digit number: address code, birth date, sequence, check character. */
function residentId(region: string, n: number): string {
  const year = 1970 + (n % 30);
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((n % 27) + 1).padStart(2, '0');
  const first17 = `${region}${year}${month}${day}${String(100 + (n % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export async function seedPortalDemo(tx: Queryable): Promise<void> {
  let n = 0;
  for (const e of seeds) {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM enterprises WHERE credit_code = $1', [
      e.creditCode,
    ]);
    const enterpriseId = rows[0]?.id;
    if (!enterpriseId) continue;
    const spells = e.spells.flatMap((s) =>
      Array.from({ length: s.count }, () => {
        n += 1;
        return {
          region_code: e.region,
          enterprise_id: enterpriseId,
          person_id_number: residentId(e.region, n * 7),
          person_name: SURNAMES[(n * 13) % SURNAMES.length]! + GIVEN[(n * 5) % GIVEN.length]!,
          person_category: s.category,
          insured_from: s.insuredFrom,
          employment_registered_on: s.employmentRegisteredOn ?? null,
          graduated_on: s.graduatedOn ?? null,
          dispatched: s.dispatched ?? false,
          dispatch_agency: s.dispatched ? '聊城市众诚劳务派遣有限公司' : null,
        };
      }),
    );
    await tx.query(
      `INSERT INTO insured_employment_spells (region_code, enterprise_id, person_id_number, person_name, person_category,
         insured_from, employment_registered_on, graduated_on, dispatched, dispatch_agency)
       SELECT x.region_code, x.enterprise_id, x.person_id_number, x.person_name, x.person_category, x.insured_from,
              x.employment_registered_on, x.graduated_on, x.dispatched, x.dispatch_agency
         FROM jsonb_to_recordset($1::jsonb) AS x(region_code text, enterprise_id uuid, person_id_number text, person_name text,
              person_category text, insured_from date, employment_registered_on date, graduated_on date, dispatched boolean,
              dispatch_agency text)`,
      [JSON.stringify(spells)],
    );
  }
  // 昌吉州: the training plan approved (审核备案) before the first monthly claim (昌州人社发〔2020〕15号 四(一)).
  await tx.query(
    `INSERT INTO training_plans (programme, enterprise_id, region_code, status, month_from, month_until, planned_headcount,
       training_content, training_method, instructor, contact_person, contact_phone, submitted_at, reviewed_by, reviewed_at, review_note)
     SELECT 'work-for-training', e.id, e.region_code, 'approved', '2020-06', '2020-12', 10,
            '新吸纳登记失业人员在养殖、饲料加工岗位以工代训：岗位操作规程、安全生产、设备维护', '以工代训（师带徒，岗位实操）',
            '养殖车间主任 马建军', '李娜', '0994-2345678', '2020-07-20T10:00:00+08:00', a.id, '2020-07-22T16:00:00+08:00',
            '演示数据：培训计划已审核备案'
       FROM enterprises e LEFT JOIN accounts a ON a.username = 'changji.county'
      WHERE e.credit_code = '91652301MA7A3B4C5Q'`,
  );
}
