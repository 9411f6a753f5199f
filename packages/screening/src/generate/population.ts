/**
 * Synthetic provincial data for tests and benchmarks: units, insured-employment spells,
 * contributions, employment registrations, graduates, epidemic events, tax indicators, annual
 * accounts, person registers, benefit standards, earlier benefits and suspicious data — with
 * realistic shapes (heavy-tailed unit sizes, industry mix, turnover, job changes, 2022 graduates,
 * county risk events) from a seeded PRNG: the same options give the same bytes.
 *
 * The `edge` profile is for the differential tests: small populations packed with values at the
 * rules' boundaries (layoff rate exactly 5.5 % and 20 %, 12 contribution months, debt ratio and
 * revenue drop at 30 %/70 %, static management of 6/7/8 days, graduation and hiring dates on the
 * window edges, graduates hired by two enterprises, benefits already received).
 *
 * Rows go to a sink in each layout's column order, formatted as they appear in import files.
 */
import {
  childrenOf,
  creditCodeCheckChar,
  fenToYuanString,
  getRegion,
  residentIdCheckChar,
  CREDIT_CODE_ALPHABET,
} from '@wengang/kernel';
import type { SourceId } from '../import/layouts';
import type { FundPosition } from '../programmes/common';
import { Random } from './random';

export interface PopulationOptions {
  enterprises: number;
  persons: number;
  seed?: number;
  /** Prefecture (or county) whose counties the units are insured in. Default 371500 聊城市. */
  region?: string;
  profile?: 'realistic' | 'edge';
}

export type Cell = string | null;

export interface RowSink {
  write(source: SourceId, cells: readonly Cell[]): void;
}

export interface PopulationSummary {
  units: number;
  persons: number;
  spells: number;
  graduates: number;
  rows: Partial<Record<SourceId, number>>;
  fund: FundPosition[];
  counties: string[];
}

// ---- months as integers (year × 12 + month − 1) ----
const M = (year: number, month: number): number => year * 12 + month - 1;
const monthText = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const DATA_END = M(2022, 12);
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022] as const;

function dateText(m: number, day: number): string {
  const y = Math.floor(m / 12);
  const mo = (m % 12) + 1;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${monthText(m)}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

const yuan = (fen: number): string => fenToYuanString(Math.round(fen));

// ---- vocabularies ----
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬建国志文斌海波宁欣怡浩然子涵宇轩梓萱晨阳佳琪雨泽思远一鸣嘉怡';
const WORDS = [
  '鲁西',
  '运河',
  '水城',
  '凤凰',
  '东昌',
  '光岳',
  '金柱',
  '泰和',
  '瑞丰',
  '华信',
  '中通',
  '鸿运',
  '嘉禾',
  '恒昌',
  '鑫源',
  '宏达',
  '新时代',
  '齐鲁',
  '九州',
  '天润',
];
const BANKS = [
  '中国工商银行聊城分行',
  '中国农业银行聊城分行',
  '中国建设银行聊城分行',
  '中国银行聊城分行',
  '聊城农村商业银行',
  '齐鲁银行聊城分行',
  '交通银行聊城分行',
];
const SCHOOLS = [
  '聊城大学',
  '山东大学',
  '山东师范大学',
  '青岛大学',
  '山东农业大学',
  '聊城职业技术学院',
  '山东交通学院',
  '齐鲁工业大学',
];
const ADDRESS_CODES = [
  '371502',
  '371503',
  '371521',
  '371522',
  '371524',
  '371525',
  '371526',
  '371581',
  '370102',
  '370203',
  '370702',
  '371302',
  '371402',
  '372301',
  '410922',
  '130402',
];

/** GB/T 4754-2017 codes with their weights, the wording for names and revenue per employee (yuan). */
const INDUSTRIES: readonly (readonly [code: string, weight: number, word: string, revenuePerHead: number])[] = [
  ['C13', 4, '食品', 900_000],
  ['C17', 3, '纺织', 600_000],
  ['C26', 3, '化工', 1_500_000],
  ['C33', 4, '金属制品', 700_000],
  ['C34', 4, '机械', 800_000],
  ['C36', 3, '汽车配件', 900_000],
  ['C38', 3, '电气', 800_000],
  ['F51', 9, '商贸', 2_500_000],
  ['F52', 14, '超市', 600_000],
  ['H61', 2, '酒店', 200_000],
  ['H62', 8, '餐饮', 250_000],
  ['E47', 3, '建筑', 500_000],
  ['E48', 3, '路桥', 600_000],
  ['E50', 2, '装饰', 400_000],
  ['G53', 0.2, '铁路服务', 400_000],
  ['G54', 4, '物流运输', 400_000],
  ['G55', 0.3, '水运', 500_000],
  ['G56', 0.1, '航空服务', 800_000],
  ['G58', 1, '多式联运', 500_000],
  ['G59', 1.5, '仓储', 400_000],
  ['G60', 0.5, '快递', 300_000],
  ['I64', 1, '网络科技', 500_000],
  ['I65', 3, '软件', 400_000],
  ['K701', 1.5, '房地产开发', 3_000_000],
  ['K702', 2, '物业', 150_000],
  ['L7291', 0.8, '旅行社', 300_000],
  ['L72', 5, '商务服务', 300_000],
  ['L71', 1, '租赁', 500_000],
  ['L7231', 0.4, '律师', 300_000],
  ['L7241', 0.4, '会计', 250_000],
  ['M73', 1.5, '科技研发', 300_000],
  ['M74', 1.5, '工程设计', 400_000],
  ['N786', 0.5, '景区', 200_000],
  ['N77', 0.5, '环保', 400_000],
  ['O80', 4, '家政', 120_000],
  ['O81', 2, '汽车维修', 200_000],
  ['P83', 1.5, '培训学校', 150_000],
  ['Q84', 1.5, '医院', 300_000],
  ['R86', 1, '文化传媒', 300_000],
  ['S94', 0.6, '协会', 100_000],
  ['S92', 0.5, '服务中心', 100_000],
  ['A01', 2, '农业', 300_000],
  ['A03', 1, '养殖', 400_000],
  ['J66', 0.3, '小额贷款', 1_000_000],
];
const INDUSTRY_PICK = INDUSTRIES.map((i) => [i, i[1]] as const);

const END_REASON_WEIGHTS: readonly (readonly [string, number])[] = [
  ['07', 40],
  ['06', 20],
  ['10', 8],
  ['11', 4],
  ['01', 6],
  ['03', 8],
  ['02', 1],
  ['04', 2],
  ['05', 1],
  ['08', 3],
  ['09', 2],
  ['99', 5],
];
const LAYOFF_REASONS = ['10', '11', '99'] as const;
const OTHER_REASONS = ['01', '02', '03', '04', '05', '06', '07', '08', '09'] as const;

/** Credit-code prefix (登记管理部门 + 机构类别) and unit type by industry. */
function unitKind(rng: Random, industry: string): { prefix: string; type: string } {
  if (industry === 'S94') {
    return rng.weighted([
      [{ prefix: '51', type: '21' }, 5],
      [{ prefix: '53', type: '22' }, 1],
      [{ prefix: '52', type: '23' }, 4],
    ]);
  }
  if (industry === 'L7231') return { prefix: '31', type: '31' };
  if (industry === 'L7241') return { prefix: '91', type: '32' };
  if (industry === 'S92') return { prefix: '12', type: '50' };
  if ((industry === 'P83' || industry === 'Q84') && rng.chance(0.3)) return { prefix: '12', type: '50' };
  if ((industry === 'F52' || industry === 'H62' || industry === 'O80') && rng.chance(0.05))
    return { prefix: '92', type: '40' };
  if (rng.chance(0.005)) return { prefix: '91', type: '90' };
  return { prefix: '91', type: '10' };
}

/** A unique, valid 统一社会信用代码 for unit index i. */
function creditCode(prefix: string, region: string, i: number, salt: number): string {
  const base = 31 ** 9;
  let v = (i * 1_000_003 + salt) % base;
  let org = '';
  for (let k = 0; k < 9; k++) {
    org = CREDIT_CODE_ALPHABET[v % 31]! + org;
    v = Math.floor(v / 31);
  }
  const first17 = prefix + region + org;
  return first17 + creditCodeCheckChar(first17);
}

const DAY_MS = 86_400_000;
const ORDINARY_FROM = Date.UTC(1962, 0, 1) / DAY_MS;
const ORDINARY_DAYS = Date.UTC(1996, 0, 1) / DAY_MS - ORDINARY_FROM;
const YOUNG_FROM = Date.UTC(1996, 0, 1) / DAY_MS;
const YOUNG_DAYS = Date.UTC(2003, 0, 1) / DAY_MS - YOUNG_FROM;

/** A unique, valid 公民身份号码 for the n-th person of a series (ordinary or young). */
function residentId(n: number, young: boolean, salt: number): string {
  const seq = n % 1000;
  const r = Math.floor(n / 1000);
  const address = ADDRESS_CODES[r % ADDRESS_CODES.length]!;
  const dayIndex = Math.floor(r / ADDRESS_CODES.length);
  const span = young ? YOUNG_DAYS : ORDINARY_DAYS;
  if (dayIndex >= span) throw new RangeError('too many persons for the generator’s identity space');
  const day = (young ? YOUNG_FROM : ORDINARY_FROM) + ((dayIndex * 7919 + salt) % span);
  const birth = new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = address + birth + String(seq).padStart(3, '0');
  return first17 + residentIdCheckChar(first17);
}

interface Unit {
  region: string;
  creditCode: string;
  name: string;
  industry: string;
  type: string;
  dispatch: boolean;
  founded: number;
  headcount: number;
  wageBase: number;
  revenueFen: number;
}

/**
 * Generates a population into the sink. Units are written first (the other sources refer to
 * them), then persons with their spells, registrations and graduate records, then the unit-level
 * sources aggregated from the spells.
 */
export function generatePopulation(options: PopulationOptions, sink: RowSink): PopulationSummary {
  const seed = options.seed ?? 20220901;
  const rng = new Random(seed);
  const edge = options.profile === 'edge';
  const region = options.region ?? '371500';
  const regionInfo = getRegion(region);
  if (!regionInfo) throw new RangeError(`unknown region ${region}`);
  const rows: Partial<Record<SourceId, number>> = {};
  const write = (source: SourceId, cells: readonly Cell[]) => {
    rows[source] = (rows[source] ?? 0) + 1;
    sink.write(source, cells);
  };

  // Counties: the region's county-level children (or the region itself), plus the prefecture
  // itself for 市本级独立开户 units.
  const countyCodes =
    regionInfo.level === 'county'
      ? [region]
      : regionInfo.level === 'prefecture'
        ? childrenOf(region).map((r) => r.code)
        : childrenOf(region).flatMap((p) => childrenOf(p.code).map((c) => c.code));
  const prefectureOf = (code: string) => getRegion(code)!.parent!;
  const placeWeights = [
    ...countyCodes.map((c, i) => [c, i === 0 ? 3 : 0.5 + rng.next()] as const),
    ...(regionInfo.level === 'prefecture' ? [[region, 0.3] as const] : []),
  ];

  // ---- units ----
  const n = options.enterprises;
  const units: Unit[] = new Array(n);
  const salt = rng.int(0, 1_000_000);
  const rawSizes = new Float64Array(n);
  let sizeSum = 0;
  for (let i = 0; i < n; i++) {
    // Heavy tail: most units are micro, a few large ones employ many.
    let s = edge
      ? rng.weighted([
          [rng.int(1, 12), 6],
          [rng.int(13, 40), 3],
          [30, 1],
          [31, 1],
          [20, 0.5],
          [200, 0.5],
        ])
      : Math.max(1, rng.logNormal(4, 1.25));
    if (!edge && rng.chance(0.002)) s *= 40;
    rawSizes[i] = s;
    sizeSum += s;
  }
  // Edge populations keep their exact sizes (30, 31, 200 … sit on the rules' limits).
  const scale = edge ? 1 : options.persons / sizeSum;
  let assigned = 0;
  const byCounty = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const place = rng.weighted(placeWeights);
    const [industry, , word, revenuePerHead] = rng.weighted(INDUSTRY_PICK);
    const kind = unitKind(rng, industry);
    const headcount =
      i === n - 1 && !edge ? Math.max(0, options.persons - assigned) : Math.max(0, Math.round(rawSizes[i]! * scale));
    assigned += headcount;
    const cityLevel = place === region && regionInfo.level === 'prefecture';
    const unitRegion = place;
    const code = creditCode(kind.prefix, cityLevel ? region : unitRegion, i, salt);
    const countyName = getRegion(cityLevel ? countyCodes[0]! : unitRegion)!.name;
    const suffix =
      kind.type === '10' || kind.type === '32'
        ? kind.type === '32'
          ? '会计师事务所'
          : rng.pick(['有限公司', '有限责任公司', '股份有限公司'])
        : kind.type === '31'
          ? '律师事务所'
          : kind.type === '40'
            ? '店'
            : kind.type === '50'
              ? '中心'
              : kind.type === '21'
                ? '协会'
                : kind.type === '22'
                  ? '基金会'
                  : '服务中心';
    const unit: Unit = {
      region: unitRegion,
      creditCode: code,
      name: `${countyName}${rng.pick(WORDS)}${word}${suffix}${i}`,
      industry,
      type: kind.type,
      dispatch: kind.type === '10' && rng.chance(edge ? 0.05 : 0.005),
      founded: rng.chance(edge ? 0.3 : 0.05) ? M(2018, 11) + rng.int(0, 4) : M(2005, 1) + rng.int(0, 16 * 12),
      headcount,
      wageBase: Math.round(rng.logNormal(4800, 0.3)),
      revenueFen: Math.round(Math.max(1, headcount) * rng.logNormal(revenuePerHead, 0.8) * 100),
    };
    units[i] = unit;
    const list = byCounty.get(unitRegion) ?? [];
    list.push(i);
    byCounty.set(unitRegion, list);

    const employees = Math.max(0, headcount + (rng.chance(0.3) ? rng.int(0, Math.ceil(headcount * 0.2) + 1) : 0));
    const edgeSize = edge && rng.chance(0.3);
    const sizeEmployees = edgeSize ? rng.pick([999, 1000, 299, 300, 19, 20, 9, 10]) : employees;
    const sizeRevenue = edgeSize
      ? rng.pick([39_999_999_999, 40_000_000_000, 2_999_999, 20_000_000_00, 3_000_000_00])
      : unit.revenueFen;
    const hasFigures = !rng.chance(edge ? 0.15 : 0.05);
    const hasBasic = !rng.chance(edge ? 0.15 : 0.07);
    const hasTax = !rng.chance(edge ? 0.15 : 0.04);
    const status = rng.weighted([
      ['1', edge ? 80 : 965],
      ['2', edge ? 5 : 10],
      ['3', edge ? 10 : 20],
      ['4', edge ? 5 : 5],
    ]);
    const flag = (p: number) => (rng.chance(edge ? p * 10 : p) ? '是' : '否');
    const bank = rng.pick(BANKS);
    const account = () => `${rng.int(1000, 9999)}${rng.int(100000, 999999)}${rng.int(100000000, 999999999)}`;
    const basic = hasBasic ? account() : null;
    write('units', [
      code,
      cityLevel ? region : unitRegion,
      unit.name,
      industry,
      kind.type,
      unit.dispatch ? '是' : '否',
      cityLevel || unit.dispatch ? (edge && rng.chance(0.2) ? null : rng.pick(countyCodes)) : null,
      hasFigures ? String(sizeEmployees) : null,
      hasFigures ? yuan(sizeRevenue) : null,
      hasFigures ? yuan(Math.round(sizeRevenue * rng.logNormal(0.8, 0.5))) : null,
      rng.pick(['大型', '中型', '小型', '微型', '小型', '微型', '微型']),
      hasBasic ? bank : null,
      basic,
      hasTax ? bank : null,
      hasTax ? (basic && rng.chance(0.7) ? basic : account()) : null,
      status,
      flag(0.002),
      flag(0.004),
      flag(0.003),
      flag(0.004),
    ]);
    if (cityLevel) unit.region = region;
  }

  // ---- persons, spells, registrations, graduates ----
  const coverage = new Int32Array(n * YEARS.length); // bit mask of months insured, per unit-year
  const personMonths = new Float64Array(n * YEARS.length);
  const yearIndex = (y: number) => y - YEARS[0];
  const cover = (u: number, from: number, to: number) => {
    for (let y = Math.max(YEARS[0], Math.floor(from / 12)); y <= Math.min(2022, Math.floor(to / 12)); y++) {
      const a = Math.max(from, M(y, 1)) - M(y, 1);
      const b = Math.min(to, M(y, 12)) - M(y, 1);
      const k = u * YEARS.length + yearIndex(y);
      coverage[k] = coverage[k]! | (((1 << (b + 1)) - 1) ^ ((1 << a) - 1));
      personMonths[k] = personMonths[k]! + (b - a + 1);
    }
  };
  let ordinary = 0;
  let young = 0;
  let spells = 0;
  let graduates = 0;
  const personSalt = rng.int(0, 7000);
  const graduateRecords: { id: string; unit: number }[] = [];

  const name = () => rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.chance(0.6) ? rng.pick([...GIVEN]) : '');
  const spell = (
    person: string,
    personName: string,
    u: number,
    from: number,
    to: number | null,
    reason: string | null,
    status: string,
  ) => {
    const unit = units[u]!;
    write('spells', [
      person,
      personName,
      unit.creditCode,
      unit.region,
      monthText(from),
      to === null ? null : monthText(to),
      status,
      reason,
    ]);
    spells++;
    cover(u, from, to ?? DATA_END);
  };
  // Edge: half the units get a 2019 roster (everyone insured before 2019, nobody joining from
  // elsewhere) with a layoff count exactly at or next to the 5.5 % / 20 % limits.
  const layoffTarget = new Int32Array(n).fill(-1);
  if (edge) {
    for (let u = 0; u < n; u++) {
      const unit = units[u]!;
      const h = unit.headcount;
      if (unit.founded > M(2018, 12) || !rng.chance(h === 200 ? 0.9 : 0.5)) continue;
      const at55 = Math.floor((h * 55) / 1000);
      const at20 = Math.floor(h / 5);
      layoffTarget[u] = Math.min(
        h,
        h === 200 ? rng.pick([at55, at55 + 1]) : rng.pick([0, at55, at55 + 1, at20, at20 + 1, rng.int(0, h)]),
      );
    }
  }
  const otherUnit = (u: number): number => {
    const same = byCounty.get(units[u]!.region)!;
    const pool = rng.chance(0.85) && same.length > 1 ? same : null;
    for (let k = 0; k < 8; k++) {
      const v = pool ? pool[rng.int(0, pool.length - 1)]! : rng.int(0, n - 1);
      if (v !== u && layoffTarget[v]! < 0) return v;
    }
    return (u + 1) % n;
  };
  const register = (person: string, u: number, startMonth: number, forceContract?: 'none' | 'unregistered') => {
    const unit = units[u]!;
    if (forceContract === 'unregistered') return;
    const day = rng.int(1, 28);
    const registered = dateText(startMonth, Math.min(28, day + rng.int(0, 20)));
    const withContract = forceContract !== 'none';
    const start = dateText(startMonth, day);
    const end = withContract && rng.chance(0.8) ? dateText(startMonth + 36, day) : null;
    write('registrations', [person, unit.creditCode, unit.region, registered, withContract ? start : null, end]);
  };

  for (let u = 0; u < n; u++) {
    const unit = units[u]!;
    const layoffs2019 = layoffTarget[u]!;
    for (let k = 0; k < unit.headcount; k++) {
      const isGraduate = layoffs2019 < 0 && rng.chance(edge ? 0.25 : 0.02);
      const person = isGraduate ? residentId(young++, true, personSalt) : residentId(ordinary++, false, personSalt);
      const personName = name();
      if (isGraduate) {
        graduates++;
        graduateRecords.push({ id: person, unit: u });
        const gradMonth = edge
          ? rng.pick([M(2021, 12), M(2022, 1), M(2022, 6), M(2022, 7), M(2022, 12), M(2023, 1), M(2021, 6)])
          : rng.weighted([
              [M(2022, 6), 70],
              [M(2022, 1), 5],
              [M(2022, 12), 5],
              [M(2021, 6), 15],
              [M(2020, 6), 5],
            ]);
        const gradDay = edge ? rng.pick([1, 15, 30, 31]) : rng.pick([20, 25, 30]);
        const diploma = rng.weighted([
          ['1', edge ? 70 : 90],
          ['2', 5],
          ['3', 3],
          ['4', 2],
        ]);
        write('graduates', [
          person,
          personName,
          dateText(gradMonth, gradDay),
          diploma,
          rng.pick(['21', '21', '31', '14', '11']),
          rng.pick(SCHOOLS),
        ]);
        // A second, earlier diploma now and then (专升本, 本科后读研).
        if (rng.chance(edge ? 0.15 : 0.03)) {
          write('graduates', [
            person,
            personName,
            dateText(gradMonth - 24, 30),
            rng.pick(['1', '2']),
            '31',
            rng.pick(SCHOOLS),
          ]);
        }
        // Hired in (or around) 2022.
        const start = edge
          ? rng.pick([M(2021, 11), M(2021, 12), M(2022, 1), M(2022, 3), M(2022, 7), M(2022, 12)])
          : Math.max(gradMonth, M(2022, 1)) + rng.int(0, 5);
        if (start > DATA_END) continue;
        const leaves = rng.chance(edge ? 0.35 : 0.12);
        const end = leaves ? Math.min(DATA_END, start + rng.int(0, 4)) : null;
        const status = end === null ? (rng.chance(edge ? 0.15 : 0.02) ? '2' : '1') : rng.pick(['2', '3']);
        spell(person, personName, u, start, end, end === null ? null : rng.pick(['07', '06', '10']), status);
        const reg = rng.weighted([
          ['contract' as const, edge ? 70 : 92],
          ['none' as const, edge ? 10 : 3],
          ['unregistered' as const, edge ? 20 : 5],
        ]);
        register(person, u, start, reg === 'contract' ? undefined : reg);
        // A job change within 2022: the graduate is newly insured by a second enterprise.
        if (end !== null && end < DATA_END && rng.chance(edge ? 0.7 : 0.5)) {
          const v = otherUnit(u);
          const start2 = end + rng.int(0, 2);
          if (start2 <= DATA_END) {
            spell(person, personName, v, start2, null, null, '1');
            register(person, v, start2, rng.chance(0.9) ? undefined : 'none');
          }
        }
        continue;
      }
      // An ordinary employee: insured from some month, maybe leaving, maybe moving on.
      let start = Math.max(unit.founded, DATA_END - Math.floor(-Math.log(1 - rng.next()) * 40));
      start = layoffs2019 >= 0 ? rng.int(unit.founded, M(2019, 1)) : Math.min(start, DATA_END);
      let end: number | null = null;
      let reason: string | null = null;
      if (layoffs2019 >= 0) {
        if (k < layoffs2019) {
          end = M(2019, rng.int(1, 12));
          reason = rng.pick(LAYOFF_REASONS);
        } else if (rng.chance(0.3)) {
          end = M(2019, rng.int(1, 12));
          reason = rng.pick(OTHER_REASONS);
        } else if (rng.chance(0.2)) {
          end = M(rng.pick([2020, 2021, 2022]), rng.int(1, 12));
          reason = rng.weighted(END_REASON_WEIGHTS);
          if (end < start) end = null;
        }
      } else {
        const months = Math.floor(-Math.log(1 - rng.next()) * 80);
        if (start + months < DATA_END) {
          end = start + months;
          reason = rng.weighted(END_REASON_WEIGHTS);
        }
      }
      if (end === null) reason = null;
      const status = end === null ? (rng.chance(0.02) ? '2' : '1') : rng.chance(0.8) ? '3' : '2';
      spell(person, personName, u, start, end, reason, status);
      if (start >= M(2021, 1) && rng.chance(0.85)) register(person, u, start);
      if (end !== null && reason !== '01' && reason !== '02' && rng.chance(0.35)) {
        const v = otherUnit(u);
        const start2 = end + rng.int(1, 6);
        if (start2 <= DATA_END) {
          const end2 = rng.chance(0.3) ? Math.min(DATA_END, start2 + rng.int(0, 30)) : null;
          const closed = end2 !== null && end2 < DATA_END;
          spell(
            person,
            personName,
            v,
            start2,
            closed ? end2 : null,
            closed ? rng.weighted(END_REASON_WEIGHTS) : null,
            closed ? '3' : '1',
          );
          if (start2 >= M(2021, 1) && rng.chance(0.85)) register(person, v, start2);
        }
      }
      // Registers of person categories.
      const category = rng.weighted([
        [null, edge ? 90 : 947],
        ['1', 15],
        ['3', 20],
        ['2', 2],
        ['4', 5],
        ['5', 5],
        ['6', 5],
      ]);
      if (category !== null) {
        const place = units[u]!.region === region ? countyCodes[0]! : units[u]!.region;
        write('person-registers', [
          category,
          person,
          personName,
          place,
          dateText(M(2019, 1) + rng.int(0, 40), rng.int(1, 28)),
          rng.chance(0.3) ? dateText(M(2022, 6) + rng.int(0, 6), 28) : null,
        ]);
      }
    }
  }

  // ---- unit-level sources from the spells ----
  const RATE_UNIT = 0.7; // fen per yuan of wage base (0.7 %), Shandong 2019
  const RATE_PERSON = 0.3;
  for (let u = 0; u < n; u++) {
    const unit = units[u]!;
    for (const y of YEARS) {
      const k = u * YEARS.length + yearIndex(y);
      const pm = personMonths[k]!;
      if (pm === 0) continue;
      let months = popcount(coverage[k]!);
      let arrears = 0;
      if (rng.chance(edge ? 0.15 : 0.03)) {
        const missing = Math.min(months, rng.int(1, 3));
        months -= missing;
        arrears = Math.round((pm / Math.max(1, popcount(coverage[k]!))) * missing * unit.wageBase);
      }
      if (edge && rng.chance(0.1)) continue; // no contribution record for the year
      const unitPaid = Math.round(pm * unit.wageBase * RATE_UNIT) + (edge ? rng.int(0, 1) : 0);
      const personPaid = Math.round(pm * unit.wageBase * RATE_PERSON);
      write('contributions', [
        unit.creditCode,
        unit.region,
        String(y),
        yuan(unitPaid),
        yuan(personPaid),
        String(months),
        yuan(arrears),
      ]);
    }
    // Annual accounts from the tax department (not for every unit).
    if (rng.chance(edge ? 0.8 : 0.85)) {
      const difficult = rng.chance(edge ? 0.35 : 0.02);
      const base = unit.revenueFen;
      // Edge figures are whole tens of yuan, so that 30 % and 70 % of them are exact.
      const round = (fen: number) => (edge ? Math.round(fen / 1000) * 1000 : Math.round(fen));
      const r2018 = round(difficult ? base : base * rng.logNormal(1, 0.1));
      const drop = edge
        ? rng.pick([0.3, 0.7, 0.2999, 0.7001, 0.5, -0.1])
        : difficult
          ? 0.3 + rng.next() * 0.4
          : rng.normal() * 0.1;
      const r2019 = Math.max(0, Math.round(r2018 * (1 - drop)));
      for (const [year, revenue] of [
        [2018, r2018],
        [2019, r2019],
        [2020, Math.round(r2019 * rng.logNormal(1, 0.15))],
        [2021, Math.round(r2019 * rng.logNormal(1.05, 0.15))],
      ] as const) {
        const loss = difficult ? year <= 2019 || rng.chance(0.5) : rng.chance(0.2);
        const profit = loss
          ? -Math.round(revenue * rng.next() * 0.1 + (edge && rng.chance(0.1) ? 0 : 1))
          : Math.round(revenue * rng.next() * 0.12);
        const assets = Math.max(1000, round(revenue * rng.logNormal(0.8, 0.5)));
        const ratio = edge
          ? rng.pick([0.3, 0.7, 0.2999, 0.7001, 0.5, 0.9])
          : difficult
            ? 0.3 + rng.next() * 0.4
            : 0.1 + rng.next() * 0.8;
        write('annual-accounts', [
          unit.creditCode,
          unit.region,
          String(year),
          yuan(revenue),
          yuan(edge && rng.chance(0.05) ? 0 : profit),
          yuan(assets),
          yuan(Math.round(assets * ratio)),
        ]);
      }
    }
    // Monthly tax indicators, 2019–2020 (a sample in realistic data).
    if (rng.chance(edge ? 0.5 : 0.02)) {
      for (let m = M(2019, 1); m <= M(2020, 12); m++) {
        const revenue = Math.round(
          (unit.revenueFen / 12) * rng.logNormal(1, 0.2) * (m >= M(2020, 2) && m <= M(2020, 4) ? 0.3 : 1),
        );
        write('tax-monthly', [
          unit.creditCode,
          unit.region,
          monthText(m),
          yuan(revenue),
          yuan(Math.round(revenue * 0.02)),
          String(Math.round(revenue / 10000)),
        ]);
      }
    }
    // Earlier benefits: 稳岗返还 already paid in 2020 (general → top-up; difficult → conflict),
    // amounts owed back, 留工培训补助 already received.
    const refunded = rng.weighted([
      [null, edge ? 70 : 945],
      ['一般', edge ? 15 : 50],
      ['困难', edge ? 5 : 3],
      ['中小微', edge ? 5 : 2],
    ]);
    if (refunded !== null) {
      const k = unit.headcount > 0 ? u * YEARS.length + yearIndex(2019) : -1;
      const base = k >= 0 ? Math.round(personMonths[k]! * unit.wageBase) : 100_000;
      write('benefit-records', [
        unit.creditCode,
        unit.region,
        '稳岗返还',
        '已享受',
        null,
        '2020',
        refunded,
        yuan(Math.round(base * 0.5)),
        '2020-04-20',
      ]);
    }
    if (rng.chance(edge ? 0.08 : 0.003)) {
      write('benefit-records', [
        unit.creditCode,
        unit.region,
        '稳岗返还',
        '应退未退',
        null,
        '2019',
        null,
        yuan(rng.int(1_000, 5_000_000)),
        null,
      ]);
    }
    if (rng.chance(edge ? 0.08 : 0.01)) {
      write('benefit-records', [
        unit.creditCode,
        unit.region,
        '一次性留工培训补助',
        '已享受',
        null,
        '2022',
        null,
        yuan(50_000 * Math.max(1, unit.headcount)),
        '2022-06-30',
      ]);
    }
  }
  // Person-level earlier benefits for graduates: 一次性吸纳就业补贴, 扩岗补助 via 自主申请.
  for (const g of graduateRecords) {
    const unit = units[g.unit]!;
    if (rng.chance(edge ? 0.1 : 0.03)) {
      write('benefit-records', [
        unit.creditCode,
        unit.region,
        '一次性吸纳就业补贴',
        '已享受',
        g.id,
        '2022',
        null,
        '1000.00',
        '2022-08-15',
      ]);
    }
    if (rng.chance(edge ? 0.08 : 0.02)) {
      const other = units[otherUnit(g.unit)]!;
      const payer = rng.chance(0.5) ? unit : other;
      write('benefit-records', [
        payer.creditCode,
        payer.region,
        '一次性扩岗补助',
        '已享受',
        g.id,
        '2022',
        null,
        '1500.00',
        '2022-10-10',
      ]);
    }
  }

  // ---- county-level sources ----
  // Their own stream of the seed: the same counties get the same standards and risk events at every
  // population size, so that a larger population with the same seed is the same place, more crowded
  // (with the main stream, which counties were listed changed with the number of persons drawn).
  const countyRng = new Random((seed ^ 0x3c6ef372) >>> 0);
  const places = [...countyCodes, ...(regionInfo.level === 'prefecture' ? [region] : [])];
  for (const county of countyCodes) {
    const tier = county === countyCodes[0] ? 146_700 : countyRng.pick([130_500, 115_200]);
    for (const y of [2018, 2019, 2020, 2021, 2022]) {
      if (edge && countyRng.chance(0.1)) continue;
      write('benefit-standards', [county, String(y), yuan(Math.round(tier * (1 + (y - 2019) * 0.04)))]);
    }
    // 2022 epidemic events.
    const risky = countyRng.chance(edge ? 0.5 : 0.4);
    const listings = risky ? countyRng.int(1, 3) : 0;
    for (let k = 0; k < listings; k++) {
      const date = edge
        ? countyRng.pick(['2021-12-31', '2022-01-01', '2022-04-12', '2022-12-31', '2023-01-01'])
        : dateText(M(2022, 3) + countyRng.int(0, 8), countyRng.int(1, 28));
      write('epidemic-events', [
        county,
        '中高风险区域',
        `${getRegion(county)!.name}${countyRng.pick(['街道', '社区', '村'])}${k + 1}`,
        date,
        String(countyRng.int(7, 21)),
      ]);
    }
    if (countyRng.chance(edge ? 0.5 : 0.25)) {
      const days = edge ? countyRng.pick([6, 7, 8]) : countyRng.int(3, 14);
      const date = edge
        ? countyRng.pick(['2021-12-28', '2022-01-01', '2022-05-20', '2022-12-31'])
        : dateText(M(2022, 4) + countyRng.int(0, 7), countyRng.int(1, 28));
      write('epidemic-events', [county, '静态管理', `${getRegion(county)!.name}静态管理区`, date, String(days)]);
    }
  }
  if (regionInfo.level === 'prefecture') {
    const tier = 146_700;
    for (const y of [2018, 2019, 2020, 2021, 2022])
      write('benefit-standards', [region, String(y), yuan(Math.round(tier * (1 + (y - 2019) * 0.04)))]);
  }

  // Fund positions of the pooling area (the prefecture), monthly; in edge data some counties get
  // their own, weaker position.
  const fund: FundPosition[] = [];
  const pooling =
    regionInfo.level === 'county'
      ? prefectureOf(region)
      : regionInfo.level === 'prefecture'
        ? region
        : countyCodes.map(prefectureOf)[0]!;
  const monthly = 50_000_000_00;
  for (const month of [
    '2019-12',
    '2020-01',
    '2020-02',
    '2020-03',
    '2020-04',
    '2020-05',
    '2020-06',
    '2020-07',
    '2020-08',
    '2020-09',
    '2020-10',
    '2020-11',
    '2020-12',
  ]) {
    fund.push({ regionCode: pooling, month, balanceFen: monthly * 30, avgMonthlyExpenditureFen: monthly });
  }
  if (edge) {
    for (const county of countyCodes) {
      if (!rng.chance(0.3)) continue;
      const months = rng.pick([11, 12, 23, 24, 30]);
      for (const month of ['2019-12', '2020-03', '2020-06', '2020-09']) {
        fund.push({ regionCode: county, month, balanceFen: monthly * months, avgMonthlyExpenditureFen: monthly });
      }
    }
  }

  // A few suspicious records sent down from the ministry.
  const suspects = graduateRecords.slice(0, edge ? 0 : Math.min(5, graduateRecords.length));
  suspects.forEach((g, i) => {
    const unit = units[g.unit]!;
    write('suspicious', [
      '部下发〔2023〕1号',
      String(i + 1),
      i % 2 === 0 ? '跨省重复享受' : '身份不实',
      '一次性扩岗补助',
      g.id,
      '疑点人员',
      unit.creditCode,
      unit.region,
      null,
      i % 2 === 0 ? '该人员在外省同期享受一次性扩岗补助' : '身份信息与公安部门比对不一致',
      '2023-02-15',
    ]);
  });

  return { units: n, persons: ordinary + young, spells, graduates, rows, fund, counties: places };
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}
