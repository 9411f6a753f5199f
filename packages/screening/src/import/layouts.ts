/**
 * The import layouts: for each data source the documents name, its columns (Chinese header, the
 * usual 人社 data-element code where one exists, type, whether required), the table it loads and
 * its natural key. docs/data-import.md is generated from the same definitions (`layoutsMarkdown`).
 */
import {
  classifyEnterpriseSize,
  isSizeIndustry,
  SIZE_TABLE,
  type EnterpriseSize,
  type SizeIndustry,
  type SizeMetric,
} from '@wengang/kernel';
import type { EnumCode, FieldType } from './fields';

export type SourceId =
  | 'units'
  | 'spells'
  | 'contributions'
  | 'registrations'
  | 'graduates'
  | 'epidemic-events'
  | 'tax-monthly'
  | 'annual-accounts'
  | 'person-registers'
  | 'benefit-standards'
  | 'benefit-records'
  | 'suspicious';

export interface FieldSpec {
  /** Column in the target table (or an input-only name when `stored` is false). */
  column: string;
  /** Header as written in files. */
  header: string;
  /** 人社 data-element code, accepted as header too. */
  code?: string;
  type: FieldType;
  required: boolean;
  /** Stored when the cell is empty. */
  fallback?: string;
  /** false: read only to derive other columns. */
  stored?: boolean;
  /** PostgreSQL type of the column (for the staging table and unnest). */
  pg: string;
  note?: string;
}

export interface DerivedColumn {
  column: string;
  pg: string;
  note: string;
  compute(row: RowValues): string | null;
}

/** A validated row: column → stored text (null when empty). */
export type RowValues = Record<string, string | null>;

export interface SourceLayout {
  id: SourceId;
  title: string;
  table: string;
  description: string;
  fields: readonly FieldSpec[];
  derived?: readonly DerivedColumn[];
  /** Natural key: re-importing a row with the same key updates it, never duplicates it. */
  key: readonly string[];
  /** Rows name a unit (region_code, credit_code) that must already be in insured_units. */
  unitRef?: boolean;
  /**
   * Pairs of columns filled both or neither (an account's bank and its number), checked before
   * rowCheck on whether the cells are empty, without decoding them; a row that fails is reported
   * under the pair's second column.
   */
  together?: readonly { columns: readonly [string, string]; message: string }[];
  /** Cross-field checks: the first problem, or undefined. */
  rowCheck?(row: RowValues): { field: string; message: string } | undefined;
  /**
   * The columns rowCheck and the derived columns read: the import's hot path makes strings of
   * these cells only (a test checks the list against the functions' source).
   */
  reads?: readonly string[];
}

const codes = (...list: [value: string, label: string, ...spellings: string[]][]): EnumCode[] =>
  list.map(([value, label, ...spellings]) => ({ value, label, spellings: [...spellings, label, value] }));

// Screening findings store a unit's type as its position here: add new types at the end only.
export const UNIT_TYPES = codes(
  ['enterprise', '企业', '10'],
  ['social_organization', '社会团体', '21'],
  ['foundation', '基金会', '22'],
  ['social_service_agency', '社会服务机构', '23', '民办非企业单位'],
  ['law_firm', '律师事务所', '31'],
  ['accounting_firm', '会计师事务所', '32'],
  ['individual_business', '以单位形式参保的个体工商户', '40', '个体工商户'],
  ['government_or_public_institution', '机关事业单位', '50'],
  ['other', '其他', '90'],
);

export const UNIT_STATUSES = codes(
  ['active', '正常', '1'],
  ['suspended', '停业', '2', '暂停'],
  ['deregistered', '注销', '3'],
  ['revoked', '吊销', '4'],
);

export const SIZE_CLASSES = codes(
  ['large', '大型', '1'],
  ['medium', '中型', '2'],
  ['small', '小型', '3'],
  ['micro', '微型', '4'],
);

export const UI_STATUSES = codes(['1', '正常缴费', '参保缴费'], ['2', '暂停缴费', '中断缴费'], ['3', '终止缴费']);

/** 减员原因. 01–09 are not layoffs (鲁人社字〔2020〕26号 二(二)3); 10, 11 and 99 count as layoffs. */
export const END_REASONS = codes(
  ['01', '退休'],
  ['02', '死亡'],
  ['03', '调出'],
  ['04', '上学'],
  ['05', '入伍'],
  ['06', '劳动合同期满终止'],
  ['07', '本人提出解除劳动合同'],
  ['08', '依劳动合同法第三十九条解除劳动合同'],
  ['09', '同一集团公司下属子公司之间换岗'],
  ['10', '用人单位解除劳动合同'],
  ['11', '经济性裁员'],
  ['99', '其他减员'],
);
/** End reasons that do not count as layoffs. */
export const NOT_LAYOFF_REASONS: readonly string[] = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];

export const DIPLOMA_TYPES = codes(
  ['1', '普通高等学校毕业证书'],
  ['2', '成人高等教育毕业证书'],
  ['3', '高等教育自学考试毕业证书'],
  ['4', '网络教育毕业证书'],
  ['9', '其他'],
);
export const REGULAR_DIPLOMA = '1';

export const EDUCATION_LEVELS = codes(
  ['11', '博士研究生'],
  ['14', '硕士研究生'],
  ['21', '大学本科'],
  ['31', '大学专科'],
);

export const EVENT_KINDS = codes(
  ['medium_high_risk_area', '中高风险区域', '中高风险疫情区域', '中风险区域', '高风险区域', '1'],
  ['static_management', '静态管理', '实施静态管理区域', '2'],
);

export const PERSON_CATEGORIES = codes(
  ['hard_to_employ', '就业困难人员', '1'],
  ['zero_employment_household', '零就业家庭成员', '2'],
  ['registered_unemployed', '登记失业人员', '3'],
  ['poverty_labour', '建档立卡贫困劳动力', '4', '脱贫人口'],
  ['disabled', '残疾人', '5'],
  ['veteran', '退役军人', '6'],
);

/** Programmes named in benefit records and suspicious-data lists (policies/<id>). */
export const PROGRAMMES = codes(
  ['stable-post-refund', '稳岗返还', '失业保险稳岗返还'],
  ['retention-training', '一次性留工培训补助'],
  ['job-expansion', '一次性扩岗补助'],
  ['hiring-subsidy', '一次性吸纳就业补贴'],
  ['work-for-training', '以工代训补贴', '以工代训职业培训补贴'],
);

export const BENEFIT_KINDS = codes(['paid', '已享受', '1'], ['owed', '应退未退', '2', '违规领取未退回']);

export const REFUND_VARIANTS = codes(
  ['general', '一般企业稳岗返还', '一般'],
  ['sme', '中小微企业稳岗返还', '中小微'],
  ['difficult', '困难企业稳岗返还', '困难'],
);

export const SUSPICION_KINDS = codes(
  ['identity_false', '身份不实', '1'],
  ['cross_province_duplicate', '跨省重复享受', '跨省（区、市）重复享受', '2'],
  ['other', '其他', '9'],
);

const text = (maxLength?: number): FieldType => ({ kind: 'text', ...(maxLength ? { maxLength } : {}) });
const fen: FieldType = { kind: 'fen' };
const bool: FieldType = { kind: 'bool' };

/** 参保地 and 统一社会信用代码 of a unit, first in every unit-level source. */
const unitColumns = (): FieldSpec[] => [
  {
    column: 'credit_code',
    header: '统一社会信用代码',
    code: 'AAB998',
    type: { kind: 'creditCode' },
    required: true,
    pg: 'text',
  },
  {
    column: 'region_code',
    header: '参保地行政区划代码',
    code: 'AAB301',
    type: { kind: 'region' },
    required: true,
    pg: 'text',
    note: '单位参加失业保险的县（市、区）；市本级独立开户单位填市级代码',
  },
];

/** GB/T 4754-2017 division → the row of the size standard (工信部联企业〔2011〕300号 第四条). */
export function sizeIndustryOf(industryCode: string): SizeIndustry {
  const section = industryCode[0]!;
  const division = Number(industryCode.slice(1, 3));
  const group = industryCode.slice(1, 4);
  switch (section) {
    case 'A':
      return 'agriculture';
    case 'B':
    case 'C':
    case 'D':
      return 'industry';
    case 'E':
      return 'construction';
    case 'F':
      return division === 51 ? 'wholesale' : 'retail';
    case 'G':
      if (division === 53) return 'other'; // 铁路运输 is not 交通运输业 in the standard
      if (division === 59) return 'warehousing';
      if (division === 60) return 'postal';
      return 'transport';
    case 'H':
      return division === 61 ? 'accommodation' : 'catering';
    case 'I':
      return division === 65 ? 'software_it' : 'information_transmission';
    case 'K':
      if (group === '701') return 'real_estate_development';
      if (group === '702') return 'property_management';
      return 'other';
    case 'L':
      return 'leasing_business_services';
    default:
      return 'other';
  }
}

/**
 * The 2022 特困行业 (聊人社字〔2022〕32号 一(一)) a GB/T 4754-2017 code falls in, or `other`:
 * 餐饮 H62, 零售 F52, 旅游 L7291 旅行社及相关服务 and N786 游览景区管理, 民航 G56, 公路水路铁路运输 G53–G55.
 */
export function hardshipIndustryOf(
  industryCode: string,
): 'catering' | 'retail' | 'tourism' | 'civil_aviation' | 'road_water_rail_transport' | 'other' {
  const division = industryCode.slice(0, 3);
  if (division === 'H62') return 'catering';
  if (division === 'F52') return 'retail';
  if (division === 'G56') return 'civil_aviation';
  if (division === 'G53' || division === 'G54' || division === 'G55') return 'road_water_rail_transport';
  if (industryCode.startsWith('L7291') || industryCode.startsWith('N786')) return 'tourism';
  return 'other';
}

const SIZE_ROWS = new Map(SIZE_TABLE.map((r, i) => [r.industry, { row: r, index: i }]));
/** Size classes decided so far, by industry and which thresholds of its row the figures reach. */
const sizeDecisions = new Map<number, EnterpriseSize | null>();

/** A figure of a row as a number (undefined when empty); money from fen to yuan as the kernel takes it. */
const figureOf = (row: RowValues, metric: SizeMetric): number | undefined => {
  const v = metric === 'employees' ? row.employees : metric === 'revenueYuan' ? row.revenue_fen : row.assets_fen;
  if (v === null || v === undefined) return undefined;
  return metric === 'employees' ? Number(v) : Number(v) / 100;
};

/**
 * The size class from the figures (kernel), else the declared class, else null. The kernel decides
 * by exact comparisons of each figure with the thresholds of the industry's row, so its decision is
 * remembered per industry and comparison outcomes: a million units take a few hundred decisions.
 */
export function deriveSize(row: RowValues): string | null {
  const industry = sizeIndustryOf(row.industry_code!);
  const entry = SIZE_ROWS.get(industry);
  if (entry) {
    const sizeRow = entry.row;
    // each threshold of the industry's row as 0 (below), 1 (reached) or 2 (figure missing), in base 3,
    // then the industry (its row has a fixed number of thresholds)
    let key = 0;
    for (const floors of [sizeRow.smeCeilings, sizeRow.mediumFloors, sizeRow.smallFloors]) {
      for (const f of floors) {
        const v = figureOf(row, f.metric);
        key = key * 3 + (v === undefined ? 2 : v >= (f.metric === 'employees' ? f.value : f.value * 10_000) ? 1 : 0);
      }
    }
    key = key * SIZE_TABLE.length + entry.index;
    let size = sizeDecisions.get(key);
    if (size === undefined) {
      const employees = figureOf(row, 'employees');
      const revenueYuan = figureOf(row, 'revenueYuan');
      const assetsYuan = figureOf(row, 'assetsYuan');
      const result = classifyEnterpriseSize({
        industry,
        ...(employees !== undefined ? { employees } : {}),
        ...(revenueYuan !== undefined ? { revenueYuan } : {}),
        ...(assetsYuan !== undefined ? { assetsYuan } : {}),
      });
      size = 'size' in result ? result.size : null;
      sizeDecisions.set(key, size);
    }
    if (size !== null) return size;
  }
  return row.declared_size ?? null;
}

/** The size class exactly as the kernel gives it for one row's figures (no memory; tests compare). */
export function deriveSizeDirectly(row: RowValues): string | null {
  const industry = sizeIndustryOf(row.industry_code!);
  if (isSizeIndustry(industry)) {
    const num = (v: string | null | undefined) => (v === null || v === undefined ? undefined : Number(v));
    const revenue = num(row.revenue_fen);
    const assets = num(row.assets_fen);
    const result = classifyEnterpriseSize({
      industry,
      ...(row.employees !== null && row.employees !== undefined ? { employees: Number(row.employees) } : {}),
      ...(revenue !== undefined ? { revenueYuan: revenue / 100 } : {}),
      ...(assets !== undefined ? { assetsYuan: assets / 100 } : {}),
    });
    if ('size' in result) return result.size;
  }
  return row.declared_size ?? null;
}

export const LAYOUTS: readonly SourceLayout[] = [
  {
    id: 'units',
    title: '参保单位',
    table: 'insured_units',
    description:
      '社会保险登记的参保单位，附税务部门提供的对公账户和信用、破产等名单标记。企业规模由从业人员、营业收入、资产总额按《中小企业划型标准规定》测算；数据不足以划型时采用申报的企业规模。',
    key: ['region_code', 'credit_code'],
    fields: [
      ...unitColumns(),
      { column: 'name', header: '单位名称', code: 'AAB004', type: text(200), required: true, pg: 'text' },
      {
        column: 'industry_code',
        header: '行业代码',
        code: 'AAB022',
        type: { kind: 'industry' },
        required: true,
        pg: 'text',
        note: 'GB/T 4754-2017，门类字母加2至4位数字（H62 餐饮业、F52 零售业、G54 道路运输业…）',
      },
      {
        column: 'unit_type',
        header: '单位类型',
        code: 'AAB019',
        type: { kind: 'enum', codes: UNIT_TYPES },
        required: true,
        pg: 'text',
      },
      { column: 'labour_dispatch', header: '劳务派遣企业', type: bool, required: false, fallback: 'f', pg: 'boolean' },
      {
        column: 'operating_region_code',
        header: '经营地行政区划代码',
        type: { kind: 'region' },
        required: false,
        pg: 'text',
        note: '与参保地不同时填写（市本级独立开户单位、劳务派遣企业按经营地疫情防控形势确定）',
      },
      {
        column: 'employees',
        header: '从业人员',
        type: { kind: 'int', min: 0 },
        required: false,
        pg: 'integer',
        note: '上年末从业人员数',
      },
      { column: 'revenue_fen', header: '营业收入（元）', type: fen, required: false, pg: 'bigint', note: '上年度' },
      { column: 'assets_fen', header: '资产总额（元）', type: fen, required: false, pg: 'bigint', note: '上年末' },
      {
        column: 'declared_size',
        header: '企业规模',
        type: { kind: 'enum', codes: SIZE_CLASSES },
        required: false,
        stored: false,
        pg: 'text',
        note: '申报的规模，仅在上列数据不足以划型时采用',
      },
      {
        column: 'basic_account_bank',
        header: '基本账户开户银行',
        code: 'AAE008',
        type: text(100),
        required: false,
        pg: 'text',
      },
      {
        column: 'basic_account_no',
        header: '基本账户账号',
        code: 'AAE010',
        type: { kind: 'bankAccount' },
        required: false,
        pg: 'text',
      },
      { column: 'tax_account_bank', header: '税务提供对公账户开户银行', type: text(100), required: false, pg: 'text' },
      {
        column: 'tax_account_no',
        header: '税务提供对公账户账号',
        type: { kind: 'bankAccount' },
        required: false,
        pg: 'text',
        note: '税务部门提供的对公银行账户（社会保险费缴费账户）',
      },
      {
        column: 'status',
        header: '单位状态',
        code: 'AAB021',
        type: { kind: 'enum', codes: UNIT_STATUSES },
        required: true,
        pg: 'text',
      },
      {
        column: 'bankruptcy',
        header: '进入破产程序且解除劳动关系',
        type: bool,
        required: false,
        fallback: 'f',
        pg: 'boolean',
      },
      { column: 'dishonest', header: '严重违法失信企业', type: bool, required: false, fallback: 'f', pg: 'boolean' },
      { column: 'zombie', header: '僵尸企业', type: bool, required: false, fallback: 'f', pg: 'boolean' },
      {
        column: 'policy_violation',
        header: '不符合产业结构调整和环保政策',
        type: bool,
        required: false,
        fallback: 'f',
        pg: 'boolean',
        note: '发展改革、工业和信息化部门提出的名单',
      },
    ],
    derived: [{ column: 'size_class', pg: 'text', note: '企业规模（large/medium/small/micro）', compute: deriveSize }],
    reads: ['industry_code', 'employees', 'revenue_fen', 'assets_fen', 'declared_size'],
    together: [
      { columns: ['basic_account_bank', 'basic_account_no'], message: '基本账户的开户银行与账号应同时填写' },
      { columns: ['tax_account_bank', 'tax_account_no'], message: '税务提供对公账户的开户银行与账号应同时填写' },
    ],
  },
  {
    id: 'spells',
    title: '参保缴费记录（失业保险）',
    table: 'ui_spells',
    description:
      '个人在某单位参加失业保险并缴费的起止年月。一人在同一单位多段参保的，每段一行。终止年月为空表示仍在参保缴费。',
    key: ['region_code', 'credit_code', 'person_id', 'from_month'],
    unitRef: true,
    fields: [
      {
        column: 'person_id',
        header: '公民身份号码',
        code: 'AAC002',
        type: { kind: 'personId' },
        required: true,
        pg: 'text',
      },
      { column: 'name', header: '姓名', code: 'AAC003', type: text(50), required: true, pg: 'text' },
      ...unitColumns(),
      { column: 'from_month', header: '开始年月', code: 'AAE041', type: { kind: 'month' }, required: true, pg: 'date' },
      {
        column: 'to_month',
        header: '终止年月',
        code: 'AAE042',
        type: { kind: 'month' },
        required: false,
        pg: 'date',
        note: '最后一个缴费月；空 = 仍在参保',
      },
      {
        column: 'ui_status',
        header: '个人缴费状态',
        code: 'AAC031',
        type: { kind: 'enum', codes: UI_STATUSES },
        required: true,
        pg: 'text',
      },
      {
        column: 'end_reason',
        header: '减员原因',
        type: { kind: 'enum', codes: END_REASONS },
        required: false,
        pg: 'text',
        note: '终止年月已填时必填；01–09 不视为裁员（鲁人社字〔2020〕26号 二(二)3）',
      },
    ],
    reads: ['from_month', 'to_month', 'end_reason', 'ui_status'],
    rowCheck(row) {
      if (row.to_month !== null && row.to_month! < row.from_month!)
        return { field: '终止年月', message: '终止年月早于开始年月' };
      if (row.to_month !== null && row.end_reason === null)
        return { field: '减员原因', message: '已填写终止年月，减员原因必填' };
      if (row.to_month === null && row.end_reason !== null)
        return { field: '减员原因', message: '仍在参保的记录不应填写减员原因' };
      if (row.to_month === null && row.ui_status === '3')
        return { field: '个人缴费状态', message: '终止缴费的记录应填写终止年月' };
      return undefined;
    },
  },
  {
    id: 'contributions',
    title: '单位失业保险缴费（年度）',
    table: 'ui_unit_contributions',
    description:
      '征缴机构提供的单位及其职工按年度实际缴纳的失业保险费，以及足额缴费月数（享受减免、批准缓缴的月份视同按时缴纳）。',
    key: ['region_code', 'credit_code', 'year'],
    unitRef: true,
    fields: [
      ...unitColumns(),
      { column: 'year', header: '年度', code: 'AAE001', type: { kind: 'year' }, required: true, pg: 'integer' },
      { column: 'unit_paid_fen', header: '单位实缴金额（元）', type: fen, required: true, pg: 'bigint' },
      { column: 'employees_paid_fen', header: '个人实缴金额（元）', type: fen, required: true, pg: 'bigint' },
      {
        column: 'months_paid',
        header: '足额缴费月数',
        type: { kind: 'int', min: 0, max: 12 },
        required: true,
        pg: 'integer',
      },
      { column: 'arrears_fen', header: '欠费金额（元）', type: fen, required: false, fallback: '0', pg: 'bigint' },
    ],
  },
  {
    id: 'registrations',
    title: '就业登记',
    table: 'employment_registrations',
    description: '单位为劳动者办理的就业登记及备案的劳动合同期限。参保地为单位的参保地。',
    key: ['region_code', 'credit_code', 'person_id', 'registered_on'],
    unitRef: true,
    fields: [
      {
        column: 'person_id',
        header: '公民身份号码',
        code: 'AAC002',
        type: { kind: 'personId' },
        required: true,
        pg: 'text',
      },
      ...unitColumns(),
      {
        column: 'registered_on',
        header: '登记日期',
        code: 'AAE036',
        type: { kind: 'date' },
        required: true,
        pg: 'date',
      },
      {
        column: 'contract_start',
        header: '劳动合同开始日期',
        type: { kind: 'date' },
        required: false,
        pg: 'date',
        note: '空 = 未签订劳动合同',
      },
      {
        column: 'contract_end',
        header: '劳动合同终止日期',
        type: { kind: 'date' },
        required: false,
        pg: 'date',
        note: '空 = 无固定期限',
      },
    ],
    reads: ['contract_start', 'contract_end'],
    rowCheck(row) {
      if (row.contract_end !== null && row.contract_start === null) {
        return { field: '劳动合同开始日期', message: '填写了劳动合同终止日期，开始日期必填' };
      }
      if (row.contract_end !== null && row.contract_end! < row.contract_start!) {
        return { field: '劳动合同终止日期', message: '劳动合同终止日期早于开始日期' };
      }
      return undefined;
    },
  },
  {
    id: 'graduates',
    title: '普通高校毕业生',
    table: 'graduates',
    description: '教育部门（学信网）提供的高校毕业生名单，用于与新参保人员比对。毕业时间只有年月的，按该月1日记录。',
    key: ['person_id', 'graduation_date', 'diploma_type'],
    fields: [
      {
        column: 'person_id',
        header: '公民身份号码',
        code: 'AAC002',
        type: { kind: 'personId' },
        required: true,
        pg: 'text',
      },
      { column: 'name', header: '姓名', code: 'AAC003', type: text(50), required: true, pg: 'text' },
      {
        column: 'graduation_date',
        header: '毕业时间',
        code: 'AAC181',
        type: { kind: 'date', monthAllowed: true },
        required: true,
        pg: 'date',
        note: 'YYYY-MM-DD；只有年月（YYYY-MM）的按该月1日记录',
      },
      {
        column: 'diploma_type',
        header: '证书类型',
        type: { kind: 'enum', codes: DIPLOMA_TYPES },
        required: true,
        pg: 'text',
      },
      {
        column: 'education_level',
        header: '学历',
        code: 'AAC011',
        type: { kind: 'enum', codes: EDUCATION_LEVELS },
        required: false,
        pg: 'text',
      },
      { column: 'school', header: '毕业学校', code: 'AAC180', type: text(100), required: false, pg: 'text' },
    ],
  },
  {
    id: 'epidemic-events',
    title: '中高风险区域、静态管理区域',
    table: 'epidemic_events',
    description:
      '各县（市、区）列入中高风险疫情区域或实施静态管理的区域、起始日期和天数（静态管理必填天数，含首尾两日）。',
    key: ['region_code', 'kind', 'area_name', 'start_date'],
    fields: [
      {
        column: 'region_code',
        header: '县（市、区）行政区划代码',
        code: 'AAB301',
        type: { kind: 'region' },
        required: true,
        pg: 'text',
      },
      { column: 'kind', header: '类型', type: { kind: 'enum', codes: EVENT_KINDS }, required: true, pg: 'text' },
      { column: 'area_name', header: '区域名称', type: text(200), required: true, pg: 'text' },
      {
        column: 'start_date',
        header: '开始日期',
        type: { kind: 'date' },
        required: true,
        pg: 'date',
        note: '首次列入中高风险区域或开始实施静态管理的日期',
      },
      { column: 'days', header: '天数', type: { kind: 'int', min: 1, max: 366 }, required: false, pg: 'integer' },
    ],
    reads: ['kind', 'days'],
    rowCheck(row) {
      if (row.kind === 'static_management' && row.days === null)
        return { field: '天数', message: '静态管理区域必须填写天数' };
      return undefined;
    },
  },
  {
    id: 'tax-monthly',
    title: '税务月度指标',
    table: 'tax_monthly_indicators',
    description: '税务部门提供的单位月度营业收入、电费和与生产经营直接相关的其他能源消耗量。',
    key: ['region_code', 'credit_code', 'month'],
    unitRef: true,
    fields: [
      ...unitColumns(),
      { column: 'month', header: '所属月份', code: 'AAE002', type: { kind: 'month' }, required: true, pg: 'date' },
      { column: 'revenue_fen', header: '营业收入（元）', type: fen, required: true, pg: 'bigint' },
      { column: 'electricity_fen', header: '电费（元）', type: fen, required: true, pg: 'bigint' },
      {
        column: 'other_energy_kgce',
        header: '其他能源消耗量（千克标准煤）',
        type: { kind: 'int', min: 0 },
        required: true,
        pg: 'bigint',
      },
    ],
  },
  {
    id: 'annual-accounts',
    title: '年度财务数据',
    table: 'unit_annual_accounts',
    description:
      '税务部门提供的单位年度营业收入、净利润（亏损为负数）、年末资产总额和负债总额（鲁人社字〔2020〕26号 四(一)）。',
    key: ['region_code', 'credit_code', 'year'],
    unitRef: true,
    fields: [
      ...unitColumns(),
      { column: 'year', header: '年度', code: 'AAE001', type: { kind: 'year' }, required: true, pg: 'integer' },
      { column: 'revenue_fen', header: '营业收入（元）', type: fen, required: true, pg: 'bigint' },
      {
        column: 'net_profit_fen',
        header: '净利润（元）',
        type: { kind: 'fen', signed: true },
        required: true,
        pg: 'bigint',
      },
      { column: 'total_assets_fen', header: '资产总额（元）', type: fen, required: true, pg: 'bigint' },
      { column: 'total_liabilities_fen', header: '负债总额（元）', type: fen, required: true, pg: 'bigint' },
    ],
  },
  {
    id: 'person-registers',
    title: '人员类别名册',
    table: 'person_registers',
    description: '就业困难人员、零就业家庭成员、登记失业人员、建档立卡贫困劳动力、残疾人、退役军人等认定名册。',
    key: ['region_code', 'category', 'person_id', 'from_date'],
    fields: [
      {
        column: 'category',
        header: '人员类别',
        type: { kind: 'enum', codes: PERSON_CATEGORIES },
        required: true,
        pg: 'text',
      },
      {
        column: 'person_id',
        header: '公民身份号码',
        code: 'AAC002',
        type: { kind: 'personId' },
        required: true,
        pg: 'text',
      },
      { column: 'name', header: '姓名', code: 'AAC003', type: text(50), required: true, pg: 'text' },
      {
        column: 'region_code',
        header: '认定地行政区划代码',
        code: 'AAB301',
        type: { kind: 'region' },
        required: true,
        pg: 'text',
      },
      { column: 'from_date', header: '认定日期', type: { kind: 'date' }, required: true, pg: 'date' },
      {
        column: 'until_date',
        header: '截止日期',
        type: { kind: 'date' },
        required: false,
        pg: 'date',
        note: '空 = 仍有效',
      },
    ],
    reads: ['from_date', 'until_date'],
    rowCheck(row) {
      if (row.until_date !== null && row.until_date! < row.from_date!)
        return { field: '截止日期', message: '截止日期早于认定日期' };
      return undefined;
    },
  },
  {
    id: 'benefit-standards',
    title: '月失业保险金标准',
    table: 'ui_benefit_standards',
    description: '各县（市、区）各年度末的月失业保险金标准（困难企业稳岗返还按上年末参保地标准计算）。',
    key: ['region_code', 'year'],
    fields: [
      {
        column: 'region_code',
        header: '行政区划代码',
        code: 'AAB301',
        type: { kind: 'region' },
        required: true,
        pg: 'text',
      },
      { column: 'year', header: '年度', code: 'AAE001', type: { kind: 'year' }, required: true, pg: 'integer' },
      { column: 'monthly_fen', header: '月失业保险金标准（元）', type: fen, required: true, pg: 'bigint' },
    ],
    reads: ['monthly_fen'],
    rowCheck(row) {
      if (row.monthly_fen === '0') return { field: '月失业保险金标准（元）', message: '标准应大于0' };
      return undefined;
    },
  },
  {
    id: 'benefit-records',
    title: '已享受待遇记录',
    table: 'benefit_records',
    description:
      '其他系统中已发放的补贴（自主申请已享受的扩岗补助、一次性吸纳就业补贴、已发放的稳岗返还等）和以往年度违规领取且拒不退回的金额，用于不重复享受和扣减。',
    key: ['region_code', 'credit_code', 'programme', 'kind', 'person_id', 'year', 'variant'],
    unitRef: true,
    fields: [
      ...unitColumns(),
      {
        column: 'programme',
        header: '补贴项目',
        type: { kind: 'enum', codes: PROGRAMMES },
        required: true,
        pg: 'text',
      },
      { column: 'kind', header: '记录类型', type: { kind: 'enum', codes: BENEFIT_KINDS }, required: true, pg: 'text' },
      {
        column: 'person_id',
        header: '公民身份号码',
        code: 'AAC002',
        type: { kind: 'personId' },
        required: false,
        fallback: '',
        pg: 'text',
        note: '按人发放的补贴必填（扩岗补助、吸纳就业补贴）',
      },
      { column: 'year', header: '年度', code: 'AAE001', type: { kind: 'year' }, required: true, pg: 'integer' },
      {
        column: 'variant',
        header: '返还类型',
        type: { kind: 'enum', codes: REFUND_VARIANTS },
        required: false,
        fallback: '',
        pg: 'text',
        note: '稳岗返还必填',
      },
      { column: 'amount_fen', header: '金额（元）', type: fen, required: true, pg: 'bigint' },
      { column: 'paid_on', header: '发放日期', type: { kind: 'date' }, required: false, pg: 'date' },
    ],
    reads: ['programme', 'kind', 'variant', 'person_id'],
    rowCheck(row) {
      if (row.programme === 'stable-post-refund' && row.kind === 'paid' && row.variant === '') {
        return { field: '返还类型', message: '稳岗返还记录须填写返还类型（一般、中小微、困难）' };
      }
      if ((row.programme === 'job-expansion' || row.programme === 'hiring-subsidy') && row.person_id === '') {
        return { field: '公民身份号码', message: '按人发放的补贴须填写公民身份号码' };
      }
      return undefined;
    },
  },
  {
    id: 'suspicious',
    title: '疑点数据',
    table: 'suspicious_records',
    description:
      '部、省下发的身份不实、跨省（区、市）重复享受等疑点数据（聊人社字〔2022〕32号 六(三)）。每条疑点在其所指案件上开立一项核实任务，核实后确认无误或下达追回。身份号码只核对格式（身份不实的号码可能校验不通过）。',
    key: ['issue_no', 'seq'],
    fields: [
      { column: 'issue_no', header: '下发批次号', type: text(50), required: true, pg: 'text' },
      { column: 'seq', header: '序号', type: { kind: 'int', min: 1 }, required: true, pg: 'integer' },
      {
        column: 'kind',
        header: '疑点类型',
        type: { kind: 'enum', codes: SUSPICION_KINDS },
        required: true,
        pg: 'text',
      },
      {
        column: 'programme',
        header: '补贴项目',
        type: { kind: 'enum', codes: PROGRAMMES },
        required: true,
        pg: 'text',
      },
      {
        column: 'person_id',
        header: '公民身份号码',
        code: 'AAC002',
        type: { kind: 'personId', lenient: true },
        required: true,
        pg: 'text',
      },
      { column: 'person_name', header: '姓名', code: 'AAC003', type: text(50), required: true, pg: 'text' },
      ...unitColumns(),
      {
        column: 'case_ref',
        header: '案件编号',
        type: text(64),
        required: false,
        pg: 'text',
        note: '本平台审核案件的编号；空则按项目、单位和人员查找',
      },
      { column: 'detail', header: '疑点说明', type: text(500), required: true, pg: 'text' },
      { column: 'issued_on', header: '下发日期', type: { kind: 'date' }, required: true, pg: 'date' },
    ],
  },
];

const BY_ID = new Map(LAYOUTS.map((l) => [l.id, l]));

export function getLayout(id: string): SourceLayout | undefined {
  return BY_ID.get(id as SourceId);
}

/** Columns written to the table, in order: stored fields, then derived columns. */
export function storedColumns(layout: SourceLayout): { column: string; pg: string }[] {
  return [
    ...layout.fields.filter((f) => f.stored !== false).map((f) => ({ column: f.column, pg: f.pg })),
    ...(layout.derived ?? []).map((d) => ({ column: d.column, pg: d.pg })),
  ];
}
