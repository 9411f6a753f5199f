/**
 * The regions the source documents govern, with GB/T 2260 codes.
 *
 * Each region names its parent explicitly: functional areas (开发区 etc.) have no GB/T 2260 code,
 * so prefix arithmetic cannot place them. Their local codes use county digits 71–79, which
 * GB/T 2260 leaves unused at county level (市辖区 01–20, 县 21–70, 县级市 81–99); the statistical
 * division codes of 国家统计局 follow the same pattern for such areas. They are marked
 * `official: false` and must not be sent to systems that expect GB/T 2260.
 */
import type { RegionCode } from './types';

export type RegionLevel = 'national' | 'province' | 'prefecture' | 'county';

export interface Region {
  code: RegionCode;
  /** Name as the documents use it, e.g. `东昌府区`, `开发区`. */
  name: string;
  /** Province-to-self path, e.g. `山东省聊城市东昌府区` (`全国` for the national level). */
  fullName: string;
  level: RegionLevel;
  /** Parent code; null only for `000000`. */
  parent: RegionCode | null;
  /** false = a local code for a functional area, not in GB/T 2260. */
  official: boolean;
  /** Formal name where `name` is the short form the documents use. */
  formalName?: string;
  /** Codes this region had before a change (still printed on older IDs and certificates). */
  formerCodes?: readonly RegionCode[];
  note?: string;
}

type RegionSeed = Omit<Region, 'fullName' | 'official'> & { official?: boolean };

const SEEDS: readonly RegionSeed[] = [
  { code: '000000', name: '全国', level: 'national', parent: null },

  { code: '370000', name: '山东省', level: 'province', parent: '000000' },
  { code: '371500', name: '聊城市', level: 'prefecture', parent: '370000' },
  { code: '371502', name: '东昌府区', level: 'county', parent: '371500' },
  {
    code: '371503',
    name: '茌平区',
    level: 'county',
    parent: '371500',
    formerCodes: ['371523'],
    note: '2019年撤销茌平县（371523），设立聊城市茌平区',
  },
  { code: '371521', name: '阳谷县', level: 'county', parent: '371500' },
  { code: '371522', name: '莘县', level: 'county', parent: '371500' },
  { code: '371524', name: '东阿县', level: 'county', parent: '371500' },
  { code: '371525', name: '冠县', level: 'county', parent: '371500' },
  { code: '371526', name: '高唐县', level: 'county', parent: '371500' },
  { code: '371581', name: '临清市', level: 'county', parent: '371500' },
  // 市属功能区: named as in 聊人社字〔2020〕58号 附件1 (000_fcb7bf8bcb97a69c.txt lines 66–68, 82–84).
  {
    code: '371571',
    name: '开发区',
    formalName: '聊城经济技术开发区',
    level: 'county',
    parent: '371500',
    official: false,
    note: '市属功能区，本地代码，非GB/T 2260代码',
  },
  {
    code: '371572',
    name: '高新区',
    formalName: '聊城高新技术产业开发区',
    level: 'county',
    parent: '371500',
    official: false,
    note: '市属功能区，本地代码，非GB/T 2260代码',
  },
  {
    code: '371573',
    name: '度假区',
    // 聊人社字〔2022〕32号 addresses it as 江北水城旅游度假区 (003_90999c2aabad5de6.txt line 11).
    formalName: '江北水城旅游度假区',
    level: 'county',
    parent: '371500',
    official: false,
    note: '市属功能区，本地代码，非GB/T 2260代码',
  },
  { code: '370700', name: '潍坊市', level: 'prefecture', parent: '370000' },
  { code: '370702', name: '潍城区', level: 'county', parent: '370700' },

  { code: '650000', name: '新疆维吾尔自治区', level: 'province', parent: '000000' },
  { code: '652300', name: '昌吉回族自治州', level: 'prefecture', parent: '650000' },
  { code: '652301', name: '昌吉市', level: 'county', parent: '652300' },
  { code: '652302', name: '阜康市', level: 'county', parent: '652300' },
  { code: '652323', name: '呼图壁县', level: 'county', parent: '652300' },
  { code: '652324', name: '玛纳斯县', level: 'county', parent: '652300' },
  { code: '652325', name: '奇台县', level: 'county', parent: '652300' },
  { code: '652327', name: '吉木萨尔县', level: 'county', parent: '652300' },
  { code: '652328', name: '木垒哈萨克自治县', level: 'county', parent: '652300' },
  {
    code: '652371',
    name: '准东经济技术开发区',
    formalName: '新疆准东经济技术开发区',
    level: 'county',
    parent: '652300',
    official: false,
    // 昌州人社发〔2020〕15号 addresses its 人社局 with the counties (002_f784725f4eb4f98f.txt line 9).
    note: '功能区，本地代码，非GB/T 2260代码',
  },
];

const BY_CODE = new Map<RegionCode, Region>();
const FORMER = new Map<RegionCode, RegionCode>();
for (const seed of SEEDS) {
  const parent = seed.parent === null ? undefined : BY_CODE.get(seed.parent);
  if (seed.parent !== null && !parent) throw new Error(`region ${seed.code}: parent ${seed.parent} must come first`);
  const fullName = !parent || parent.level === 'national' ? seed.name : parent.fullName + seed.name;
  BY_CODE.set(seed.code, { ...seed, fullName, official: seed.official ?? true });
  for (const former of seed.formerCodes ?? []) FORMER.set(former, seed.code);
}

/** All regions, each after its parent. */
export function listRegions(): Region[] {
  return [...BY_CODE.values()].map((r) => ({ ...r }));
}

export function getRegion(code: RegionCode): Region | undefined {
  const region = BY_CODE.get(code);
  return region && { ...region };
}

export function isKnownRegion(code: unknown): code is RegionCode {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** The current code for a retired one (`371523` 茌平县 → `371503` 茌平区); other codes unchanged. */
export function currentRegionCode(code: RegionCode): RegionCode {
  return FORMER.get(code) ?? code;
}

function known(code: RegionCode): Region {
  const region = BY_CODE.get(code);
  if (region) return region;
  const current = FORMER.get(code);
  const hint = current
    ? `，该代码已停用，现为${current}（${BY_CODE.get(current)!.name}）`
    : '，请从平台的行政区划列表中选择';
  throw new RangeError(`未知的行政区划代码“${code}”${hint}`);
}

/** The next level up (county → prefecture → province → `000000`); null for `000000`. */
export function parentOf(code: RegionCode): RegionCode | null {
  return known(code).parent;
}

/** Self first, then each ancestor up to `000000`. */
export function ancestorsOf(code: RegionCode): RegionCode[] {
  const chain: RegionCode[] = [];
  for (let r: Region | undefined = known(code); r; r = r.parent === null ? undefined : known(r.parent)) {
    chain.push(r.code);
  }
  return chain;
}

/** True when `code` is `ancestor` or lies inside it. */
export function isWithin(code: RegionCode, ancestor: RegionCode): boolean {
  known(ancestor);
  return ancestorsOf(code).includes(ancestor);
}

export function regionLevel(code: RegionCode): RegionLevel {
  return known(code).level;
}

/** Direct children, in table order. */
export function childrenOf(code: RegionCode): Region[] {
  known(code);
  return listRegions().filter((r) => r.parent === code);
}

export function regionFullName(code: RegionCode): string {
  return known(code).fullName;
}
