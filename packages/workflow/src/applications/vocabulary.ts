/**
 * The words of the 以工代训补贴申报 system (操作指南 附件2) and of the documents, shared by the
 * API, the exports and the web pages: subsidy types, statuses, person categories, materials.
 */
export const WORK_FOR_TRAINING = 'work-for-training';

/** Keys as in policies/work-for-training/facts.ts; labels as the system shows them. */
export type SubsidyType = 'absorption' | 'epidemic_hardship' | 'hard_hit_industry';
export const subsidyTypeLabels: Record<SubsidyType, string> = {
  absorption: '新吸纳劳动者就业',
  epidemic_hardship: '受疫情影响的企业',
  hard_hit_industry: '受疫情影响较大行业的企业、个体工商户',
};
export const subsidyTypes = Object.keys(subsidyTypeLabels) as SubsidyType[];

/** 所属行业: the five industries 鲁人社字〔2020〕63号 names (large enterprises eligible) or other. */
export const industryLabels = {
  foreign_trade: '外贸',
  accommodation_catering: '住宿餐饮',
  culture_tourism: '文化旅游',
  transport: '交通运输',
  wholesale_retail: '批发零售',
  other: '其他行业',
} as const;
export type Industry = keyof typeof industryLabels;

export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'county_review'
  | 'prefecture_review'
  | 'returned'
  | 'approved'
  | 'publicity'
  | 'payment'
  | 'paid'
  | 'rejected'
  | 'withdrawn';

export const statusLabels: Record<ApplicationStatus, string> = {
  draft: '填报中',
  submitted: '已提交',
  county_review: '县级审核中',
  prefecture_review: '市（州）级复审中',
  returned: '退回修改',
  approved: '审核通过',
  publicity: '公示中',
  payment: '拨付中',
  paid: '已拨付',
  rejected: '审核不通过',
  withdrawn: '已撤销',
};

/** Statuses in which the enterprise may change the application. */
export const editableStatuses: readonly ApplicationStatus[] = ['draft', 'returned'];

export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro';
export const sizeLabels: Record<EnterpriseSize, string> = {
  large: '大型企业',
  medium: '中型企业',
  small: '小型企业',
  micro: '微型企业',
};

/**
 * 人员类别 exactly as the documents name them (policies/work-for-training/facts.ts): the first four
 * are 鲁人社字〔2020〕63号's, the next two 鲁人社函〔2020〕78号's, the last two the trainees of the
 * hardship and hard-hit-industry types.
 */
export const personCategories = [
  '就业困难人员',
  '零就业家庭成员',
  '离校两年内高校毕业生',
  '登记失业人员',
  '建档立卡贫困劳动力',
  '离校2年内技工院校及特殊教育院校职业教育类毕业生',
  '企业在职职工',
  '劳务派遣人员',
] as const;
/** Categories of the trainees of the hardship and hard-hit-industry types. */
export const employeeCategories: readonly PersonCategory[] = ['企业在职职工', '劳务派遣人员'];
export type PersonCategory = (typeof personCategories)[number];

export type MaterialKind =
  | 'signed_roster'
  | 'business_licence'
  | 'wage_statement'
  | 'wage_statement_quarter'
  | 'wage_commitment'
  | 'dispatch_agreement'
  | 'other';

export const materialLabels: Record<MaterialKind, string> = {
  signed_roster: '以工代训人员花名册（含承诺书，签字盖章扫描件）',
  business_licence: '营业执照（初次申领）',
  wage_statement: '当月银行工资发放对账单',
  wage_statement_quarter: '上一季度工资发放银行对账单',
  wage_commitment: '书面承诺及实际发放工资证明材料',
  dispatch_agreement: '劳务派遣协议（附派遣人员名单）及工资发放证明',
  other: '其他材料',
};

export const materialKinds = Object.keys(materialLabels) as MaterialKind[];
