/**
 * The source documents of 稳岗返还 and the places in them that conditions cite.
 * Line numbers are `grep -n` / `cat -n` lines of the files under shared/policy-documents.
 */
import type { Citation } from '@wengang/engine';

/** 鲁人社字〔2020〕26号 关于进一步落实失业保险稳岗返还政策的通知 (reprinted in the 001 compilation). */
export const LU26 = {
  doc: '鲁人社字〔2020〕26号',
  file: '001_39fb5720dee477f9.txt',
  issued: '2020-03-13',
} as const;

/** 鲁人社字〔2020〕63号 企业稳岗扩岗专项支持计划实施方案 (as forwarded by 聊人社字〔2020〕58号). */
export const LU63 = {
  doc: '鲁人社字〔2020〕63号',
  file: '000_fcb7bf8bcb97a69c.txt',
  issued: '2020-06-08',
} as const;

/** 昌州人社发〔2020〕15号 昌吉州企业稳岗扩岗专项支持计划工作实施方案. */
export const CJ15 = {
  doc: '昌州人社发〔2020〕15号',
  file: '002_f784725f4eb4f98f.txt',
  issued: '2020-07-14',
} as const;

type Doc = { readonly doc: string; readonly file: string; readonly issued: string };

export function cite(doc: Doc, clause: string, line: number | readonly [number, number]): Citation {
  return { doc: doc.doc, clause, file: doc.file, line, issued: doc.issued };
}

/** Ids of the conditions every decision records, in order. */
export type ConditionId =
  | 'policy_period'
  | 'sme_enterprise'
  | 'fund_capacity'
  | 'industrial_environmental_policy'
  | 'contribution_months'
  | 'layoff_rate'
  | 'not_excluded_enterprise'
  | 'regional_base_conditions'
  | 'losses_in_years'
  | 'debt_ratio'
  | 'revenue_drop'
  | 'difficulty_confirmed'
  | 'one_refund_type_per_year'
  | 'amount_outstanding';

type Variant = 'general' | 'sme' | 'difficult';

/** Where each condition comes from, per document family (and variant where it differs). */
export interface ConditionCitations {
  period: Record<Variant, Citation>;
  capacity: Record<Variant, Citation>;
  conditions: Record<Exclude<ConditionId, 'policy_period' | 'fund_capacity' | 'amount_outstanding'>, Citation>;
  amount: Record<Variant, Citation>;
  outstanding: Record<Variant, Citation>;
  deduction: Citation;
}

const LU26_CONDITIONS = cite(LU26, '二(二) 申请条件', [5231, 5237]);
const CJ15_SILENT = cite(CJ15, '二(一) 加大稳岗返还力度', [21, 31]);

export const SHANDONG: ConditionCitations = {
  period: {
    general: cite(LU26, '四(三) 2020年3月底前全部发放到位、4月份及以后随时发放', 5265),
    sme: cite(LU63, '实施方案 二(一)1', 252),
    difficult: cite(LU26, '三 经营困难且恢复有望企业稳岗返还政策', 5241),
  },
  capacity: {
    general: cite(LU26, '一 稳岗返还政策实施条件', 5223),
    sme: cite(LU63, '实施方案 二(一)4', 260),
    difficult: cite(LU26, '一 稳岗返还政策实施条件', 5223),
  },
  conditions: {
    sme_enterprise: cite(LU63, '实施方案 二(一)1；政策细则 一(一)1', 252),
    industrial_environmental_policy: cite(LU26, '二(二)1 申请条件', 5233),
    contribution_months: cite(LU26, '二(二)2 申请条件', 5235),
    layoff_rate: cite(LU26, '二(二)3 申请条件', 5237),
    not_excluded_enterprise: cite(LU26, '四(二) 加大精准落实力度', 5263),
    regional_base_conditions: LU26_CONDITIONS,
    losses_in_years: cite(LU26, '三(二)1 申请条件', 5251),
    debt_ratio: cite(LU26, '三(二)1 申请条件', 5251),
    revenue_drop: cite(LU26, '三(二)2 申请条件', 5253),
    difficulty_confirmed: cite(LU26, '三(二) 申请条件', [5249, 5253]),
    one_refund_type_per_year: cite(LU26, '三(三) 享受频次', 5257),
  },
  amount: {
    general: cite(LU26, '二(一) 返还标准', 5229),
    sme: cite(LU63, '实施方案 二(一)1', 252),
    difficult: cite(LU26, '三(一) 返还标准', 5245),
  },
  outstanding: {
    general: cite(LU26, '三(三) 享受频次', 5257),
    sme: cite(LU63, '政策细则 一(一)4 已按原标准享受的直接拨付提高标准部分', 320),
    difficult: cite(LU26, '三(三) 享受频次', 5257),
  },
  deduction: cite(LU26, '四(二) 加大精准落实力度', 5263),
};

export const CHANGJI: ConditionCitations = {
  period: {
    general: CJ15_SILENT,
    sme: cite(CJ15, '以上政策从2020年6月1日起执行，受理期限截止到2020年12月31日', 81),
    difficult: cite(CJ15, '以上政策从2020年6月1日起执行，受理期限截止到2020年12月31日', 81),
  },
  capacity: {
    general: cite(CJ15, '二(一)3', 27),
    sme: cite(CJ15, '二(一)3', 27),
    difficult: cite(CJ15, '二(一)3', [27, 29]),
  },
  conditions: {
    sme_enterprise: cite(CJ15, '二(一)1', 23),
    industrial_environmental_policy: CJ15_SILENT,
    contribution_months: CJ15_SILENT,
    layoff_rate: CJ15_SILENT,
    not_excluded_enterprise: CJ15_SILENT,
    regional_base_conditions: cite(
      CJ15,
      '二(一) 支持参保企业不裁员、少裁员；经办程序参照新人社发〔2019〕36号',
      [21, 25],
    ),
    losses_in_years: cite(CJ15, '二(一)2', 25),
    debt_ratio: cite(CJ15, '二(一)2', 25),
    revenue_drop: cite(CJ15, '二(一)2', 25),
    difficulty_confirmed: cite(CJ15, '二(一)2', 25),
    one_refund_type_per_year: CJ15_SILENT,
  },
  amount: {
    general: CJ15_SILENT,
    sme: cite(CJ15, '二(一)1', 23),
    difficult: cite(CJ15, '二(一)2', 25),
  },
  outstanding: {
    general: CJ15_SILENT,
    sme: cite(CJ15, '二(一)1 提高返还标准后尽快补发2020年度返还资金', 23),
    difficult: cite(CJ15, '二(一)2', 25),
  },
  deduction: CJ15_SILENT,
};
