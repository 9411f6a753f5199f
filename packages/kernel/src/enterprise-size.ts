/**
 * Enterprise size (大型/中型/小型/微型) under 《中小企业划型标准规定》(工信部联企业〔2011〕300号) 第四条.
 *
 * Inputs: `employees` is 从业人员 (a head count); `revenueYuan` (营业收入) and `assetsYuan` (资产总额)
 * are in yuan, as they appear on financial statements. The table keeps the standard's 万元 so each
 * row can be read against the text; comparisons are exact (threshold × 10,000 yuan).
 */
import type { IsoDate } from './types';

export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro';
export type EnterpriseSizeLabel = '大型' | '中型' | '小型' | '微型';

export const ENTERPRISE_SIZE_LABELS: Readonly<Record<EnterpriseSize, EnterpriseSizeLabel>> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** 中小微企业: the class most programmes are limited to. */
export function isSme(size: EnterpriseSize): boolean {
  return size !== 'large';
}

export type SizeIndustry =
  | 'agriculture'
  | 'industry'
  | 'construction'
  | 'wholesale'
  | 'retail'
  | 'transport'
  | 'warehousing'
  | 'postal'
  | 'accommodation'
  | 'catering'
  | 'information_transmission'
  | 'software_it'
  | 'real_estate_development'
  | 'property_management'
  | 'leasing_business_services'
  | 'other';

/** E = 从业人员, R = 营业收入, A = 资产总额. */
export type SizeMetric = 'employees' | 'revenueYuan' | 'assetsYuan';

/** `metric ≥ value` (及以上); amounts in 万元, employees in persons. */
export interface Floor {
  metric: SizeMetric;
  value: number;
}

export interface SizeRow {
  industry: SizeIndustry;
  /** Chinese name as the standard writes it. */
  name: string;
  /** Clause of 第四条, e.g. `第四条（二）`. */
  clause: string;
  /** 中小微 if below ANY of these ceilings; otherwise 大型. */
  smeCeilings: readonly Floor[];
  /** 中型 if at or above ALL of these floors. */
  mediumFloors: readonly Floor[];
  /** 小型 if at or above ALL of these floors (and not 中型); otherwise 微型. */
  smallFloors: readonly Floor[];
}

const E = (value: number): Floor => ({ metric: 'employees', value });
const R = (value: number): Floor => ({ metric: 'revenueYuan', value });
const A = (value: number): Floor => ({ metric: 'assetsYuan', value });

/** One row per industry of 第四条 (see shared/spec/sme-classification.md). Amounts in 万元. */
// prettier-ignore
export const SIZE_TABLE: readonly SizeRow[] = [
  { industry: 'agriculture', name: '农、林、牧、渔业', clause: '第四条（一）', smeCeilings: [R(20000)], mediumFloors: [R(500)], smallFloors: [R(50)] },
  { industry: 'industry', name: '工业', clause: '第四条（二）', smeCeilings: [E(1000), R(40000)], mediumFloors: [E(300), R(2000)], smallFloors: [E(20), R(300)] },
  { industry: 'construction', name: '建筑业', clause: '第四条（三）', smeCeilings: [R(80000), A(80000)], mediumFloors: [R(6000), A(5000)], smallFloors: [R(300), A(300)] },
  { industry: 'wholesale', name: '批发业', clause: '第四条（四）', smeCeilings: [E(200), R(40000)], mediumFloors: [E(20), R(5000)], smallFloors: [E(5), R(1000)] },
  { industry: 'retail', name: '零售业', clause: '第四条（五）', smeCeilings: [E(300), R(20000)], mediumFloors: [E(50), R(500)], smallFloors: [E(10), R(100)] },
  { industry: 'transport', name: '交通运输业', clause: '第四条（六）', smeCeilings: [E(1000), R(30000)], mediumFloors: [E(300), R(3000)], smallFloors: [E(20), R(200)] },
  { industry: 'warehousing', name: '仓储业', clause: '第四条（七）', smeCeilings: [E(200), R(30000)], mediumFloors: [E(100), R(1000)], smallFloors: [E(20), R(100)] },
  { industry: 'postal', name: '邮政业', clause: '第四条（八）', smeCeilings: [E(1000), R(30000)], mediumFloors: [E(300), R(2000)], smallFloors: [E(20), R(100)] },
  { industry: 'accommodation', name: '住宿业', clause: '第四条（九）', smeCeilings: [E(300), R(10000)], mediumFloors: [E(100), R(2000)], smallFloors: [E(10), R(100)] },
  { industry: 'catering', name: '餐饮业', clause: '第四条（十）', smeCeilings: [E(300), R(10000)], mediumFloors: [E(100), R(2000)], smallFloors: [E(10), R(100)] },
  { industry: 'information_transmission', name: '信息传输业', clause: '第四条（十一）', smeCeilings: [E(2000), R(100000)], mediumFloors: [E(100), R(1000)], smallFloors: [E(10), R(100)] },
  { industry: 'software_it', name: '软件和信息技术服务业', clause: '第四条（十二）', smeCeilings: [E(300), R(10000)], mediumFloors: [E(100), R(1000)], smallFloors: [E(10), R(50)] },
  { industry: 'real_estate_development', name: '房地产开发经营', clause: '第四条（十三）', smeCeilings: [R(200000), A(10000)], mediumFloors: [R(1000), A(5000)], smallFloors: [R(100), A(2000)] },
  { industry: 'property_management', name: '物业管理', clause: '第四条（十四）', smeCeilings: [E(1000), R(5000)], mediumFloors: [E(300), R(1000)], smallFloors: [E(100), R(500)] },
  { industry: 'leasing_business_services', name: '租赁和商务服务业', clause: '第四条（十五）', smeCeilings: [E(300), A(120000)], mediumFloors: [E(100), A(8000)], smallFloors: [E(10), A(100)] },
  { industry: 'other', name: '其他未列明行业', clause: '第四条（十六）', smeCeilings: [E(300)], mediumFloors: [E(100)], smallFloors: [E(10)] },
];

const ROWS = new Map(SIZE_TABLE.map((row) => [row.industry, row]));

/** Industry keys with Chinese names, in the standard's order (for forms). */
export const SIZE_INDUSTRIES: readonly { key: SizeIndustry; name: string }[] = SIZE_TABLE.map((r) => ({
  key: r.industry,
  name: r.name,
}));

export function isSizeIndustry(value: unknown): value is SizeIndustry {
  return typeof value === 'string' && ROWS.has(value as SizeIndustry);
}

/** The standard itself is not among the source documents; `citedBy` is where they invoke it. */
export const SIZE_STANDARD_CITATION = {
  doc: '工信部联企业〔2011〕300号',
  title: '《中小企业划型标准规定》',
  clause: '第四条',
  issued: '2011-06-18' as IsoDate,
  citedBy: {
    doc: '鲁人社字〔2020〕63号',
    clause: '政策细则 二（一）1',
    file: '001_39fb5720dee477f9.txt',
    line: 3208,
    issued: '2020-06-08' as IsoDate,
  },
  /** 第六条: 个体工商户 and industries the standard does not list are classified 参照 this table. */
  note: '个体工商户和本规定以外的行业，参照本规定进行划型（第六条）',
} as const;

export interface SizeInput {
  industry: SizeIndustry;
  /** 从业人员 (persons). */
  employees?: number;
  /** 营业收入 in yuan. */
  revenueYuan?: number;
  /** 资产总额 in yuan. */
  assetsYuan?: number;
}

export type SizeClassification =
  { size: EnterpriseSize; label: EnterpriseSizeLabel; basis: string } | { missing: SizeMetric[]; message: string };

const METRIC_NAMES: Readonly<Record<SizeMetric, string>> = {
  employees: '从业人员',
  revenueYuan: '营业收入',
  assetsYuan: '资产总额',
};

/** true / false, or undefined when the metric is not given. */
type Tri = boolean | undefined;

/**
 * Classifies by the row for `industry`. A class is decided as soon as the given figures settle
 * it (e.g. 工业 with 15 employees is 微型 whatever the revenue), so screening on insured head
 * counts alone works for the clear cases; otherwise the missing figures are listed.
 */
export function classifyEnterpriseSize(input: SizeInput): SizeClassification {
  const row = ROWS.get(input.industry);
  if (!row)
    throw new RangeError(`未知的划型行业“${String(input.industry)}”，请从《中小企业划型标准规定》所列行业中选择`);
  validate(input);

  const atOrAbove = (f: Floor): Tri => {
    const v = input[f.metric];
    if (v === undefined) return undefined;
    return f.metric === 'employees' ? v >= f.value : v >= f.value * 10_000;
  };
  const below = (f: Floor): Tri => not(atOrAbove(f));
  const any = (floors: readonly Floor[], test: (f: Floor) => Tri): Tri => or(floors.map(test));
  const all = (floors: readonly Floor[], test: (f: Floor) => Tri): Tri => and(floors.map(test));

  const figures = describeFigures(row, input);
  const conclude = (size: EnterpriseSize, reason: string): SizeClassification => ({
    size,
    label: ENTERPRISE_SIZE_LABELS[size],
    basis: `按《中小企业划型标准规定》（工信部联企业〔2011〕300号）${row.clause}${row.name}标准：${figures}，${reason}，为${ENTERPRISE_SIZE_LABELS[size]}企业`,
  });

  const sme = any(row.smeCeilings, below);
  if (sme === false) return conclude('large', `不低于中小微企业上限（${describe(row.smeCeilings, '以下', '或')}）`);
  if (sme === undefined) return missing(row, input);

  const medium = all(row.mediumFloors, atOrAbove);
  if (medium === true) return conclude('medium', `达到中型企业标准（${describe(row.mediumFloors, '及以上', '且')}）`);
  if (medium === undefined) return missing(row, input);

  const small = all(row.smallFloors, atOrAbove);
  if (small === true)
    return conclude('small', `达到小型企业标准（${describe(row.smallFloors, '及以上', '且')}）、未达到中型企业标准`);
  if (small === false) return conclude('micro', `低于小型企业标准（${describe(row.smallFloors, '以下', '或')}）`);
  return missing(row, input);
}

function validate(input: SizeInput): void {
  const { employees, revenueYuan, assetsYuan } = input;
  if (employees !== undefined && !(Number.isSafeInteger(employees) && employees >= 0)) {
    throw new RangeError(`从业人员应为不小于0的整数（人），收到 ${employees}`);
  }
  for (const [name, v] of [
    ['营业收入', revenueYuan],
    ['资产总额', assetsYuan],
  ] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
      throw new RangeError(`${name}应为不小于0的金额（元），收到 ${v}`);
    }
  }
}

function missing(row: SizeRow, input: SizeInput): SizeClassification {
  const used = new Set([...row.smeCeilings, ...row.mediumFloors, ...row.smallFloors].map((f) => f.metric));
  const absent = (['employees', 'revenueYuan', 'assetsYuan'] as const).filter(
    (m) => used.has(m) && input[m] === undefined,
  );
  return {
    missing: absent,
    message: `按${row.name}标准划型需要${absent.map((m) => METRIC_NAMES[m]).join('、')}，请补充填报`,
  };
}

function describeFigures(row: SizeRow, input: SizeInput): string {
  const used = new Set([...row.smeCeilings, ...row.mediumFloors, ...row.smallFloors].map((f) => f.metric));
  const parts: string[] = [];
  for (const m of ['employees', 'revenueYuan', 'assetsYuan'] as const) {
    const v = input[m];
    if (!used.has(m) || v === undefined) continue;
    parts.push(`${METRIC_NAMES[m]}${m === 'employees' ? `${v}人` : `${formatWan(v)}万元`}`);
  }
  return parts.join('、');
}

function describe(floors: readonly Floor[], suffix: string, joiner: '或' | '且'): string {
  return floors
    .map((f) => `${METRIC_NAMES[f.metric]}${f.value}${f.metric === 'employees' ? '人' : '万元'}${suffix}`)
    .join(joiner === '或' ? '或' : '，且');
}

/** Yuan as 万元 with up to 4 decimals (exact: 1 yuan = 0.0001 万元). */
function formatWan(yuan: number): string {
  return (yuan / 10_000).toFixed(4).replace(/\.?0+$/, '');
}

function not(v: Tri): Tri {
  return v === undefined ? undefined : !v;
}
function or(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}
function and(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

export type SizeCheck = { ok: true } | { ok: false; code: 'size_mismatch' | 'size_incomplete'; message: string };

/** Compares the size an enterprise declared with the one its figures give. */
export function checkDeclaredSize(declared: EnterpriseSize, computed: SizeClassification): SizeCheck {
  const declaredLabel = ENTERPRISE_SIZE_LABELS[declared];
  if ('missing' in computed) {
    return {
      ok: false,
      code: 'size_incomplete',
      message: `无法核对申报的企业规模“${declaredLabel}”：${computed.message}`,
    };
  }
  if (computed.size === declared) return { ok: true };
  return {
    ok: false,
    code: 'size_mismatch',
    message: `申报的企业规模为“${declaredLabel}”，但${computed.basis}。请核对申报的企业规模，或核对填报的从业人员、营业收入、资产总额`,
  };
}
