/**
 * 五类行业认定 (78号 四(一)): an enterprise that added the industry to its registered business scope
 * after the cutoff day is not recognised. `addedOn` null = never added (held it before), undefined = unknown.
 */
export function industryRecognised(addedOn: string | null | undefined, cutoff: string): 'pass' | 'fail' | 'missing' {
  if (addedOn === undefined) return 'missing';
  if (addedOn === null) return 'pass';
  return addedOn <= cutoff ? 'pass' : 'fail';
}
