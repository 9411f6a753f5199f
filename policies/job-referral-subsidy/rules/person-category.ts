/**
 * 介绍技能型人才（取得国家职业资格证书或职业技能等级证书）和职业院校、技工院校、高校毕业生
 * (鲁人社字〔2020〕22号 line 447): a listed category, and a certificate for 技能型人才.
 */
export function isEligibleCategory(
  category: string,
  categories: readonly string[],
  hasCertificate: boolean | undefined,
): boolean {
  if (!categories.includes(category)) return false;
  return category !== 'skilled_talent' || hasCertificate === true;
}

export const categoryNames: Record<string, string> = {
  skilled_talent: '技能型人才',
  vocational_college_graduate: '职业院校毕业生',
  technical_school_graduate: '技工院校毕业生',
  university_graduate: '高校毕业生',
  other: '其他人员',
};
