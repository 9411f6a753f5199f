import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU26 } from '../citations';

/**
 * Which document family defines 稳岗返还 in the region. Shandong (鲁人社字〔2020〕26号 as raised by
 * 63号) lists numeric conditions — contribution months, layoff rate, exclusions, the difficulty
 * tests, one refund type a year, the deduction of unreturned refunds; Changji (昌州人社发〔2020〕15号)
 * sets rates, periods and fund gates and leaves the basic conditions to documents outside the
 * library (新人社发〔2019〕36号, 昌州人社发〔2019〕34号). Cities and counties inherit their province's or
 * prefecture's value.
 */
export type RuleSet = 'shandong' | 'changji';

export const ruleSet = defineParameter<RuleSet>({
  id: 'stable-post-refund.rule_set',
  label: '稳岗返还适用的文件体系',
  unit: 'enum',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: 'shandong',
      cite: cite(LU26, '关于进一步落实失业保险稳岗返还政策的通知', [5207, 5215]),
      note: '山东全省（含聊城市及其县市区）：一般企业与困难企业稳岗返还的完整申请条件见26号；中小微企业提高标准见63号。',
    },
    {
      region: '652300',
      from: '2020-01-01',
      value: 'changji',
      cite: cite(CJ15, '昌吉州企业稳岗扩岗专项支持计划工作实施方案', [5, 7]),
      note: '昌吉州：15号二(一)规定中小微企业提高标准、困难企业返还标准与基金备付能力条件，基本条件另依文件库外的新疆文件。',
    },
  ],
});
