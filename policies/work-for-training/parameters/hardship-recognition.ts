/** 困难企业（受疫情影响）如何认定。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, SD63, SHANDONG, cite } from '../sources';

/**
 * `indicator_drop`: by the month's revenue / electricity / other energy against 2019 (see distress_thresholds);
 * `local_shutdown_list`: the enterprise is on the 停产停工 list drawn up locally.
 */
export type HardshipRecognition = 'indicator_drop' | 'local_shutdown_list';

export const hardshipRecognition = defineParameter<HardshipRecognition>({
  id: 'work-for-training.hardship_recognition',
  label: '困难企业认定方式',
  unit: 'enum',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 'indicator_drop',
      cite: cite(
        SD63,
        '实施方案 二(二)6「企业当月电费、与生产经营直接相关的其他能源消耗量、营业收入三项指标之一较2019年相应指标月平均值下降……」',
        270,
      ),
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: 'local_shutdown_list',
      cite: cite(
        CJ15,
        '五(七)「会同工信、国资、商务、交通运输、市场监管等行业主管部门，结合本地实际明确停产停工企业」',
        73,
      ),
      note: '昌吉州对「停产停工」没有数量标准（二(二)2，L39），由县市人社、财政会同行业主管部门明确。',
    },
  ],
});
