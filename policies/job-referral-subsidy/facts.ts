/**
 * Facts for 职业介绍补贴 (鲁政办发〔2020〕4号, 鲁人社字〔2020〕22号 三, 聊城市人民政府 2020-03-11 通知
 * 一.2). Every field is optional in the schema so that an incomplete request is answered with
 * `needs_input` naming what is missing, never guessed.
 */
import { z, isIsoDate } from '@wengang/engine';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, '应为有效日期 YYYY-MM-DD');
const regionCode = z.string().regex(/^\d{6}$/, '应为 6 位行政区划代码');

export const placement = z
  .object({
    id: z.string().min(1).describe('人员编号（在本申请内唯一）'),
    name: z.string().optional().describe('姓名'),
    category: z
      .enum([
        'skilled_talent',
        'vocational_college_graduate',
        'technical_school_graduate',
        'university_graduate',
        'other',
      ])
      .optional()
      .describe(
        '人员类别：skilled_talent=技能型人才，vocational_college_graduate=职业院校毕业生，technical_school_graduate=技工院校毕业生，university_graduate=高校毕业生，other=其他',
      ),
    hasQualificationCertificate: z
      .boolean()
      .optional()
      .describe('取得国家职业资格证书或职业技能等级证书（技能型人才必填）'),
    employerType: z
      .enum(['enterprise', 'individual_business', 'other'])
      .optional()
      .describe('用人单位类型：enterprise=企业，individual_business=个体工商户，other=其他（机关事业单位等）'),
    employerRegion: regionCode.optional().describe('用人单位所在地行政区划代码'),
    contractStartDate: isoDate.optional().describe('劳动合同起始日期（就业日期）'),
    contractEndDate: isoDate.optional().describe('劳动合同终止日期（固定期限合同）'),
    contractOpenEnded: z.boolean().optional().describe('无固定期限劳动合同'),
    referralConfirmed: z.boolean().optional().describe('经审核确认由本机构介绍就业'),
  })
  .describe('介绍就业的人员');

export const facts = z
  .object({
    agencyType: z
      .enum(['public_employment_service', 'commercial_hr_service', 'other'])
      .optional()
      .describe(
        '机构类型：public_employment_service=公共就业（人才）服务机构，commercial_hr_service=经营性人力资源服务机构，other=其他',
      ),
    placements: z.array(placement).optional().describe('介绍就业人员名单'),
  })
  .describe('职业介绍补贴的申领事实');

export type Facts = z.infer<typeof facts>;
export type Placement = z.infer<typeof placement>;
