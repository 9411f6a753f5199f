/** 各补贴类型适用的企业范围（规模、行业、个体工商户）。 */
import { defineParameter } from '@wengang/engine';
import type { EnterpriseSize, SubsidyType } from '../facts';
import { CHANGJI, CJ15, SD63, SHANDONG, cite } from '../sources';

export interface TypeScope {
  /** Sizes eligible whatever their industry. */
  sizes: readonly EnterpriseSize[];
  /** Large enterprises are eligible too when their industry is one of the hard-hit industries. */
  largeIfHardHitIndustry: boolean;
  /** Every claimant must be in a hard-hit industry (昌吉州 第3类). */
  requiresHardHitIndustry: boolean;
  /** 个体工商户 with employees insured as a unit are eligible (昌吉州 第3类). */
  individualBusiness: boolean;
}

/** The subsidy types a region offers, each with its enterprise scope. A type absent here is not offered. */
export type EnterpriseScope = Partial<Record<SubsidyType, TypeScope>>;

const SME = ['medium', 'small', 'micro'] as const;

export const enterpriseScope = defineParameter<EnterpriseScope>({
  id: 'work-for-training.enterprise_scope',
  label: '以工代训补贴类型及适用企业范围',
  unit: 'table',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: {
        absorption: {
          sizes: SME,
          largeIfHardHitIndustry: true,
          requiresHardHitIndustry: false,
          individualBusiness: false,
        },
        epidemic_hardship: {
          sizes: SME,
          largeIfHardHitIndustry: true,
          requiresHardHitIndustry: false,
          individualBusiness: false,
        },
      },
      cite: cite(
        SD63,
        '政策细则 二(一)1、二(二)1 适用对象「各类中小微企业，外贸、住宿餐饮、文化旅游、交通运输、批发零售行业大型企业」',
        [358, 382],
      ),
      note: '两类补贴（吸纳就业、困难企业）均为中小微企业，另加五类行业的大型企业（实施方案 L264–270 同）。78号一、二重申（L3885、L3889）。',
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: {
        absorption: {
          sizes: SME,
          largeIfHardHitIndustry: false,
          requiresHardHitIndustry: false,
          individualBusiness: false,
        },
        epidemic_hardship: {
          sizes: SME,
          largeIfHardHitIndustry: false,
          requiresHardHitIndustry: false,
          individualBusiness: false,
        },
        hard_hit_industry: {
          sizes: ['large', 'medium', 'small', 'micro'],
          largeIfHardHitIndustry: false,
          requiresHardHitIndustry: true,
          individualBusiness: true,
        },
      },
      cite: cite(CJ15, '二(二)1、2、3 三类人员', [37, 41]),
      note:
        '第1类：中小微企业吸纳四类人员；第2类：停产停工的中小微企业；第3类：外贸、住宿餐饮、文化旅游、交通运输、批发零售等行业的企业' +
        '（不限规模）和有雇工且以单位形式参加社会保险的个体工商户。',
    },
  ],
});
