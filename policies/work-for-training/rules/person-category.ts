/** 人员范围: is the newly absorbed person of a category the document lists? */
import type { PersonCategory } from '../facts';

export function personCategoryAllowed(category: PersonCategory, allowed: readonly PersonCategory[]): boolean {
  return allowed.includes(category);
}
