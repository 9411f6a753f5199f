/**
 * Industry lists the documents name, each with the line that names it, and the coarse national
 * industry classification (GB/T 4754-2017 门类) used in forms.
 */
import type { SizeIndustry } from './enterprise-size';
import type { Citation } from './types';

export interface IndustryListEntry<K extends string = string> {
  key: K;
  /** As the document writes it. */
  name: string;
}

export interface IndustryList<K extends string = string> {
  id: string;
  label: string;
  members: readonly IndustryListEntry<K>[];
  /** The first citation is where the list is set; later ones confirm or extend it. */
  cites: readonly Citation[];
  note?: string;
}

export type HardHitIndustry =
  'foreign_trade' | 'accommodation_catering' | 'culture_tourism' | 'transport' | 'wholesale_retail';

/**
 * 受疫情影响较大的五类行业: their large enterprises may also receive 以工代训 subsidies.
 * 鲁人社函〔2020〕78号 四（一） says how a firm is recognised as one of them (营业执照 or 许可证
 * shows the business; 外贸 also by proof of import/export since 2019; no changes after 2020-05-09).
 */
export const HARD_HIT_INDUSTRIES_2020: IndustryList<HardHitIndustry> = {
  id: 'shandong_2020_hard_hit',
  label: '受疫情影响较大的外贸、住宿餐饮、文化旅游、交通运输、批发零售行业',
  members: [
    { key: 'foreign_trade', name: '外贸' },
    { key: 'accommodation_catering', name: '住宿餐饮' },
    { key: 'culture_tourism', name: '文化旅游' },
    { key: 'transport', name: '交通运输' },
    { key: 'wholesale_retail', name: '批发零售' },
  ],
  cites: [
    {
      doc: '鲁人社字〔2020〕63号',
      clause: '实施方案 二（二）5',
      file: '001_39fb5720dee477f9.txt',
      line: 3135,
      issued: '2020-06-08',
    },
    {
      doc: '鲁人社字〔2020〕63号',
      clause: '政策细则 二（一）1',
      file: '001_39fb5720dee477f9.txt',
      line: 3208,
      issued: '2020-06-08',
    },
    { doc: '鲁人社函〔2020〕78号', clause: '一', file: '001_39fb5720dee477f9.txt', line: 3885, issued: '2020-10-28' },
    {
      doc: '鲁人社函〔2020〕78号',
      clause: '四（一）',
      file: '001_39fb5720dee477f9.txt',
      line: 3897,
      issued: '2020-10-28',
    },
  ],
  note: '聊人社字〔2020〕58号转发的63号文件全文见000_fcb7bf8bcb97a69c.txt第358、382行',
};

export type HardshipIndustry2022 = 'catering' | 'retail' | 'tourism' | 'civil_aviation' | 'road_water_rail_transport';

/** 5个特困行业 for the 2022 一次性留工培训补助 in counties without a high-risk area. */
export const HARDSHIP_INDUSTRIES_2022: IndustryList<HardshipIndustry2022> = {
  id: 'liaocheng_2022_hardship',
  label: '餐饮、零售、旅游、民航和公路水路铁路运输5个特困行业',
  members: [
    { key: 'catering', name: '餐饮' },
    { key: 'retail', name: '零售' },
    { key: 'tourism', name: '旅游' },
    { key: 'civil_aviation', name: '民航' },
    { key: 'road_water_rail_transport', name: '公路水路铁路运输' },
  ],
  cites: [
    {
      doc: '聊人社字〔2022〕32号',
      clause: '一（一）',
      file: '003_90999c2aabad5de6.txt',
      line: 21,
      issued: '2022-09-01',
    },
    {
      doc: '聊人社字〔2022〕32号',
      clause: '二（一）1',
      file: '003_90999c2aabad5de6.txt',
      line: 35,
      issued: '2022-09-01',
    },
    {
      doc: '聊人社字〔2022〕32号',
      clause: '五（一）',
      file: '003_90999c2aabad5de6.txt',
      line: 53,
      issued: '2022-09-01',
    },
  ],
};

/** GB/T 4754-2017 《国民经济行业分类》 门类. */
// prettier-ignore
export type IndustrySection =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J'
  | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T';

export interface IndustrySectionEntry {
  code: IndustrySection;
  name: string;
  /**
   * Rows of the size standard the section can fall under. One row: decided by the section.
   * Several: the form must ask which. None: the 2011 standard does not apply.
   */
  sizeRows: readonly SizeIndustry[];
}

export const INDUSTRY_SECTIONS: readonly IndustrySectionEntry[] = [
  { code: 'A', name: '农、林、牧、渔业', sizeRows: ['agriculture'] },
  { code: 'B', name: '采矿业', sizeRows: ['industry'] },
  { code: 'C', name: '制造业', sizeRows: ['industry'] },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业', sizeRows: ['industry'] },
  { code: 'E', name: '建筑业', sizeRows: ['construction'] },
  { code: 'F', name: '批发和零售业', sizeRows: ['wholesale', 'retail'] },
  // 交通运输业 excludes 铁路运输, which falls under 其他未列明行业.
  { code: 'G', name: '交通运输、仓储和邮政业', sizeRows: ['transport', 'warehousing', 'postal', 'other'] },
  { code: 'H', name: '住宿和餐饮业', sizeRows: ['accommodation', 'catering'] },
  { code: 'I', name: '信息传输、软件和信息技术服务业', sizeRows: ['information_transmission', 'software_it'] },
  // 金融业 is classified by 《金融业企业划型标准规定》(银发〔2015〕309号), a separate standard.
  { code: 'J', name: '金融业', sizeRows: [] },
  // 房地产中介、租赁经营 etc. are not listed rows, hence 其他未列明行业.
  { code: 'K', name: '房地产业', sizeRows: ['real_estate_development', 'property_management', 'other'] },
  { code: 'L', name: '租赁和商务服务业', sizeRows: ['leasing_business_services'] },
  { code: 'M', name: '科学研究和技术服务业', sizeRows: ['other'] },
  { code: 'N', name: '水利、环境和公共设施管理业', sizeRows: ['other'] },
  { code: 'O', name: '居民服务、修理和其他服务业', sizeRows: ['other'] },
  { code: 'P', name: '教育', sizeRows: ['other'] },
  { code: 'Q', name: '卫生和社会工作', sizeRows: ['other'] },
  { code: 'R', name: '文化、体育和娱乐业', sizeRows: ['other'] },
  // 社会团体 etc. that insure staff are sized 参照 the standard, as an unlisted industry.
  { code: 'S', name: '公共管理、社会保障和社会组织', sizeRows: ['other'] },
  { code: 'T', name: '国际组织', sizeRows: [] },
];

const SECTIONS = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s]));

export function isIndustrySection(value: unknown): value is IndustrySection {
  return typeof value === 'string' && SECTIONS.has(value as IndustrySection);
}

export function getIndustrySection(code: string): IndustrySectionEntry | undefined {
  return SECTIONS.get(code as IndustrySection);
}

/** The size-standard row for a section when the section alone decides it, else undefined. */
export function sizeIndustryForSection(code: IndustrySection): SizeIndustry | undefined {
  const rows = SECTIONS.get(code)?.sizeRows;
  return rows && rows.length === 1 ? rows[0] : undefined;
}
