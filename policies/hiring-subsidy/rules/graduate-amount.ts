/** 每招用1人，给予最高1000元: the local standard, never above the cap. */
export function graduateAmountFen(standardFen: number, capFen: number): number {
  return Math.min(standardFen, capFen);
}

/** 毕业年度高校毕业生: a higher-education graduate whose graduation year is the year of hiring. */
export function isGraduatingYearGraduate(isGraduate: boolean, graduationYear: number, hireDate: string): boolean {
  return isGraduate && graduationYear === Number(hireDate.slice(0, 4));
}
