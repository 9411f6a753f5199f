/** 5 个特困行业之一（餐饮、零售、旅游、民航、公路水路铁路运输），一(一) line 21. */
export function isHardHitIndustry(industry: string, hardHitIndustries: readonly string[]): boolean {
  return hardHitIndustries.includes(industry);
}

export const industryNames: Record<string, string> = {
  catering: '餐饮',
  retail: '零售',
  tourism: '旅游',
  civil_aviation: '民航',
  road_water_rail_transport: '公路水路铁路运输',
  other: '其他行业',
};
