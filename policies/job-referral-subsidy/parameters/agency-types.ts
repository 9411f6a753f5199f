import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22 } from '../sources';

/** 补贴对象：公共就业（人才）服务机构、经营性人力资源服务机构。 */
export const agencyTypes = defineParameter<readonly string[]>({
  id: 'job-referral-subsidy.agency_types',
  label: '可享受补贴的服务机构类型',
  unit: 'list',
  values: [
    {
      region: '370000',
      from: '2020-02-04',
      until: '2020-05-04',
      value: ['public_employment_service', 'commercial_hr_service'],
      cite: lrs22('政策细则 三.1', 443),
      note: 'public_employment_service=公共就业服务机构，commercial_hr_service=经营性人力资源服务机构（鲁政办发〔2020〕4号称“民办职业中介机构”）。',
    },
    {
      region: '371500',
      from: '2020-02-04',
      until: '2020-05-04',
      value: ['public_employment_service', 'commercial_hr_service'],
      cite: lcgov('一.2', 5),
      note: '“对各类公共就业人才服务机构、经营性人力资源服务机构”。',
    },
  ],
});
