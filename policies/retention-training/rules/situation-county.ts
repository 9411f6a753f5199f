/**
 * Whose epidemic situation decides: the county the unit is insured in (免申即享 “以县（市、区）为单位…
 * 辖区内参保企业”), but the operating location (经营地) for 劳务派遣企业 (own staff) and for 市本级
 * 独立开户 units (insured at the prefecture, 五(一) lines 53–55).
 */
export interface SituationCounty {
  /** County code whose events are looked at; undefined while a needed fact is absent. */
  county?: string;
  /** Which fact gave it. */
  basis: 'insured_county' | 'operating_county';
  /** Fact names (relative to facts) that are needed and absent. */
  missing: string[];
}

/** Prefecture-level codes end in `00` (371500 聊城市): an account there is 市本级. */
export function isPrefectureLevel(code: string): boolean {
  return code.endsWith('00');
}

export function situationCounty(input: {
  insuredCounty?: string;
  operatingCounty?: string;
  isLabourDispatchAgency: boolean;
}): SituationCounty {
  if (input.insuredCounty === undefined && !input.isLabourDispatchAgency) {
    return { basis: 'insured_county', missing: ['insuredCounty'] };
  }
  const byOperatingLocation =
    input.isLabourDispatchAgency || (input.insuredCounty !== undefined && isPrefectureLevel(input.insuredCounty));
  if (!byOperatingLocation) return { county: input.insuredCounty, basis: 'insured_county', missing: [] };
  if (input.operatingCounty === undefined) return { basis: 'operating_county', missing: ['operatingCounty'] };
  return { county: input.operatingCounty, basis: 'operating_county', missing: [] };
}
