/** 适用企业范围: is this enterprise (size, industry, 个体工商户) covered by the subsidy type? */
import type { Enterprise, Industry } from '../facts';
import { INDUSTRY_LABELS, SIZE_LABELS } from '../facts';
import type { TypeScope } from '../parameters/enterprise-scope';

export interface ScopeOutcome {
  result: 'pass' | 'fail' | 'missing';
  /** Chinese explanation with the facts used. */
  detail: string;
  /** Fact paths (under `facts.enterprise.`) that were needed but absent. */
  missing: string[];
  /** The enterprise qualifies only because of its industry (so the industry-recognition rule applies). */
  reliesOnIndustry: boolean;
}

type ScopeFacts = Pick<Enterprise, 'kind' | 'hasEmployeesInsuredAsUnit' | 'size' | 'industry'>;

export function enterpriseInScope(
  enterprise: ScopeFacts,
  scope: TypeScope,
  hardHitIndustries: readonly Industry[],
): ScopeOutcome {
  const hardHit = hardHitIndustries.includes(enterprise.industry);
  const industry = INDUSTRY_LABELS[enterprise.industry];
  const size = SIZE_LABELS[enterprise.size];

  if (enterprise.kind === 'individual_business') {
    if (!scope.individualBusiness) {
      return { result: 'fail', detail: '个体工商户不在本类补贴范围内', missing: [], reliesOnIndustry: false };
    }
    if (scope.requiresHardHitIndustry && !hardHit) {
      return {
        result: 'fail',
        detail: `个体工商户所属行业为${industry}，不属受疫情影响较大行业`,
        missing: [],
        reliesOnIndustry: false,
      };
    }
    if (enterprise.hasEmployeesInsuredAsUnit === undefined) {
      return {
        result: 'missing',
        detail: '须确认个体工商户是否有雇工且以单位形式参加社会保险',
        missing: ['hasEmployeesInsuredAsUnit'],
        reliesOnIndustry: true,
      };
    }
    return enterprise.hasEmployeesInsuredAsUnit
      ? {
          result: 'pass',
          detail: `个体工商户，${industry}，有雇工且以单位形式参保`,
          missing: [],
          reliesOnIndustry: true,
        }
      : { result: 'fail', detail: '个体工商户没有以单位形式参保的雇工', missing: [], reliesOnIndustry: false };
  }

  if (scope.requiresHardHitIndustry) {
    if (!hardHit)
      return {
        result: 'fail',
        detail: `所属行业为${industry}，不属受疫情影响较大行业`,
        missing: [],
        reliesOnIndustry: false,
      };
    if (!scope.sizes.includes(enterprise.size)) {
      return { result: 'fail', detail: `${size}企业不在本类补贴范围内`, missing: [], reliesOnIndustry: false };
    }
    return { result: 'pass', detail: `${size}企业，所属行业为${industry}`, missing: [], reliesOnIndustry: true };
  }
  if (scope.sizes.includes(enterprise.size)) {
    return { result: 'pass', detail: `${size}企业（中小微企业）`, missing: [], reliesOnIndustry: false };
  }
  if (enterprise.size === 'large' && scope.largeIfHardHitIndustry) {
    return hardHit
      ? {
          result: 'pass',
          detail: `大型企业，所属行业为${industry}（补贴范围扩大到该行业大型企业）`,
          missing: [],
          reliesOnIndustry: true,
        }
      : {
          result: 'fail',
          detail: `大型企业，所属行业为${industry}，只有五类受疫情影响较大行业的大型企业可享受`,
          missing: [],
          reliesOnIndustry: false,
        };
  }
  return {
    result: 'fail',
    detail: `${size}企业不在本类补贴范围内（限中小微企业）`,
    missing: [],
    reliesOnIndustry: false,
  };
}
