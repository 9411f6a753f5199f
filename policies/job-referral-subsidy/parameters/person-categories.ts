import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22 } from '../sources';

/** 被介绍人员类别：技能型人才、职业院校（技工院校）毕业生、高校毕业生。 */
export const personCategories = defineParameter<readonly string[]>({
  id: 'job-referral-subsidy.person_categories',
  label: '被介绍人员类别',
  unit: 'list',
  values: [
    {
      region: '370000',
      from: '2020-02-04',
      until: '2020-05-04',
      value: ['skilled_talent', 'vocational_college_graduate', 'technical_school_graduate', 'university_graduate'],
      cite: lrs22('政策细则 三.2', 447),
      note: 'skilled_talent=技能型人才（取得国家职业资格证书或职业技能等级证书），vocational_college_graduate=职业院校毕业生，technical_school_graduate=技工院校毕业生，university_graduate=高校毕业生。',
    },
    {
      region: '371500',
      from: '2020-02-04',
      until: '2020-05-04',
      value: ['skilled_talent', 'vocational_college_graduate', 'technical_school_graduate', 'university_graduate'],
      cite: lcgov('一.2', 5),
      note: '“介绍技能型人才、职业院校（技工院校）和高校毕业生到我市企业稳定就业”。',
    },
  ],
});
