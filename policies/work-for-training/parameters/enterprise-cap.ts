/** 困难企业以工代训：单个企业在政策执行期内最高补贴。 */
import { defineParameter } from '@wengang/engine';
import { SD63, SD78, SHANDONG, cite } from '../sources';

export interface EnterpriseCap {
  /** Cap for 中小微企业, in fen, over the whole policy period. */
  smeFen: number;
  /** Cap for large enterprises of the hard-hit industries, in fen, over the whole policy period. */
  largeFen: number;
}

export const enterpriseCap = defineParameter<EnterpriseCap>({
  id: 'work-for-training.enterprise_cap',
  label: '困难企业以工代训单个企业政策执行期内最高补贴',
  unit: 'fen/enterprise',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: { smeFen: 10_000_000, largeFen: 50_000_000 },
      cite: cite(SD63, '实施方案 二(二)6「单个企业在政策执行期内最高补贴10万元……大型企业……最高补贴50万元」', 270),
      note: '只对困难企业（受疫情影响）以工代训设上限；政策细则 二(二)2（L386）同。吸纳就业以工代训无企业上限。',
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: { smeFen: 30_000_000, largeFen: 200_000_000 },
      cite: cite(
        SD78,
        '二「单个企业在政策执行期内最高补贴30万元……大型企业，单个企业在政策执行期内最高补贴200万元」',
        3889,
      ),
    },
  ],
});
