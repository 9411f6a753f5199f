/**
 * 同一名高校毕业生的就业参保信息和身份只能由一户企业用于享受一次性扩岗补助，不能重复使用；
 * 一次性扩岗补助与一次性吸纳就业补贴政策不重复享受（五(二) line 57）.
 */
export type UsedBy = 'none' | 'another_enterprise' | 'this_enterprise';

export function isUnused(usedBy: UsedBy): boolean {
  return usedBy === 'none';
}

export const usedByWords: Record<UsedBy, string> = {
  none: '该毕业生未被任何企业用于享受一次性扩岗补助',
  another_enterprise: '该毕业生的就业参保信息和身份已被其他企业用于享受一次性扩岗补助，不能重复使用',
  this_enterprise: '本企业已就该毕业生享受过一次性扩岗补助，不能重复享受',
};
