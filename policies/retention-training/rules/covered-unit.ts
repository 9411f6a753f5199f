/** 参保企业，或“参照实施”的社会团体等六类单位（一(一) line 21）；机关事业单位等不在其列。 */
export function isCoveredUnit(unitType: string, coveredUnitTypes: readonly string[]): boolean {
  return coveredUnitTypes.includes(unitType);
}

export const unitTypeNames: Record<string, string> = {
  enterprise: '参保企业',
  social_organization: '社会团体',
  foundation: '基金会',
  social_service_agency: '社会服务机构',
  law_firm: '律师事务所',
  accounting_firm: '会计师事务所',
  individual_business_unit_insured: '以单位形式参保的个体工商户',
  government_or_public_institution: '机关事业单位',
  other: '其他单位',
};
