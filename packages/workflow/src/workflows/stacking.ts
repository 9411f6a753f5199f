/**
 * Duplicate and non-stacking rules the case page checks across all cases (every region): each
 * names the programmes it joins, what must not repeat, and where the documents say so.
 */
import type { Citation } from '@wengang/engine';

export interface StackingRule {
  id: string;
  label: string;
  /** A case of one of `programmes` … */
  programmes: readonly string[];
  /** … must not share its `match` with a live case of one of `against` (may be the same list). */
  against: readonly string[];
  /** person: the same person (身份证号); enterprise: the same enterprise. */
  match: 'person' | 'enterprise';
  /** same_month: the same claim month; same_year: the same calendar year; ever: at all. */
  within: 'same_month' | 'same_year' | 'ever';
  /** Only persons in this role count (e.g. graduates for 扩岗). */
  role?: 'trainee' | 'graduate' | 'employee';
  /** When given, the rule fires only between cases whose variants fall in different groups. */
  variantGroups?: readonly (readonly string[])[];
  cite: Citation;
}

const lc32 = { doc: '聊人社字〔2022〕32号', issued: '2022-09-01', file: '003_90999c2aabad5de6.txt', line: 57 } as const;
const kuogang = ['job-expansion'];
// 一次性吸纳就业补贴 (聊城 2020)
const absorption = ['hiring-subsidy'];
const yigong = ['work-for-training'];
const refund = ['stable-post-refund'];

export const stackingRules: readonly StackingRule[] = [
  {
    id: 'same_person_month',
    label: '同一人员同一月份已在其他申报中享受以工代训补贴',
    programmes: yigong,
    against: yigong,
    match: 'person',
    within: 'same_month',
    cite: {
      doc: '鲁人社函〔2020〕78号',
      clause: '四(二)：不得重复享受以工代训补贴',
      file: '001_39fb5720dee477f9.txt',
      line: 3899,
      issued: '2020-10-28',
    },
  },
  {
    id: 'graduate_reused',
    label: '同一名高校毕业生已被其他申报用于享受一次性扩岗补助',
    programmes: kuogang,
    against: kuogang,
    match: 'person',
    within: 'ever',
    role: 'graduate',
    cite: { ...lc32, clause: '五(二)：同一名高校毕业生的就业参保信息和身份只能由一户企业用于享受一次性扩岗补助' },
  },
  {
    id: 'kuogang_absorption_stacked',
    label: '一次性扩岗补助与一次性吸纳就业补贴不重复享受',
    programmes: kuogang,
    against: absorption,
    match: 'person',
    within: 'ever',
    cite: { ...lc32, clause: '五(二)：一次性扩岗补助与一次性吸纳就业补贴政策不重复享受' },
  },
  {
    id: 'one_refund_per_year',
    label: '同一企业同一年度只能按一种稳岗返还政策享受',
    programmes: refund,
    against: refund,
    match: 'enterprise',
    within: 'same_year',
    // the SME refund is the general refund at a raised standard: one policy (policies/stable-post-refund)
    variantGroups: [['general', 'sme'], ['difficult']],
    cite: {
      doc: '鲁人社字〔2020〕26号',
      clause: '三(三)：同一企业同一年度只能按一种稳岗返还政策享受',
      file: '001_39fb5720dee477f9.txt',
      line: 5257,
      issued: '2020-03-13',
    },
  },
];
