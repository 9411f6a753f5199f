/**
 * Facts for 一次性留工培训补助 (聊人社字〔2022〕32号). Every field is optional in the schema so that
 * an incomplete request is answered with `needs_input` naming what is missing, never guessed.
 */
import { z, isIsoDate } from '@wengang/engine';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, '应为有效日期 YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为月份 YYYY-MM');
const regionCode = z.string().regex(/^\d{6}$/, '应为 6 位行政区划代码');
const headcountByMonth = z.record(isoMonth, z.number().int().min(0));

export const unitTypes = [
  'enterprise',
  'social_organization',
  'foundation',
  'social_service_agency',
  'law_firm',
  'accounting_firm',
  'individual_business_unit_insured',
  'government_or_public_institution',
  'other',
] as const;

export const industries = [
  'catering',
  'retail',
  'tourism',
  'civil_aviation',
  'road_water_rail_transport',
  'other',
] as const;

export const epidemicEvent = z
  .object({
    county: regionCode.describe('事件所在县（市、区）'),
    kind: z
      .enum(['medium_high_risk_area', 'static_management'])
      .describe('事件类型：medium_high_risk_area=中高风险疫情区域，static_management=实施静态管理区域'),
    startDate: isoDate.describe('首次列入中高风险疫情区域日期或开始实施静态管理日期'),
    durationDays: z.number().int().min(1).optional().describe('静态管理持续天数（含首尾两日；静态管理必填）'),
    name: z.string().optional().describe('区域名称'),
  })
  .describe('疫情防控事件');

export const facts = z
  .object({
    unitType: z
      .enum(unitTypes)
      .optional()
      .describe(
        '单位类型：enterprise=参保企业，social_organization=社会团体，foundation=基金会，social_service_agency=社会服务机构，law_firm=律师事务所，accounting_firm=会计师事务所，individual_business_unit_insured=以单位形式参保的个体工商户，government_or_public_institution=机关事业单位，other=其他',
      ),
    isLabourDispatchAgency: z.boolean().optional().describe('是否劳务派遣企业'),
    insuredCounty: regionCode.optional().describe('参保地县（市、区）代码；市本级独立开户的参保企业填 371500'),
    operatingCounty: regionCode
      .optional()
      .describe('经营地县（市、区）代码（劳务派遣企业、市本级独立开户企业按经营地疫情防控形势确定）'),
    industry: z
      .enum(industries)
      .optional()
      .describe(
        '所属行业：catering=餐饮，retail=零售，tourism=旅游，civil_aviation=民航，road_water_rail_transport=公路水路铁路运输，other=其他',
      ),
    epidemicEvents: z
      .array(epidemicEvent)
      .optional()
      .describe('2022 年各县（市、区）中高风险疫情区域、静态管理区域清单（无则填空列表）'),
    applicationDate: isoDate.optional().describe('自主申请提交日期（免申即享无需填写）'),
    insuredHeadcountByMonth: headcountByMonth.optional().describe('参加失业保险并缴费人数（按月，本单位账户下）'),
    dispatchedOutHeadcountByMonth: headcountByMonth
      .optional()
      .describe('劳务派遣企业派遣到其他企业、由用工企业实际出资缴纳失业保险费的职工人数（按月；劳务派遣企业必填）'),
    dispatchedInHeadcountByMonth: headcountByMonth
      .optional()
      .describe(
        '派遣到本企业、由本企业实际出资缴纳失业保险费但登记在派遣企业账户下的职工人数（按月；不填即不申报此类人员）',
      ),
    alreadyReceived: z.boolean().optional().describe('是否已享受过一次性留工培训补助'),
  })
  .describe('一次性留工培训补助的申领事实');

export type Facts = z.infer<typeof facts>;
export type EpidemicEvent = z.infer<typeof epidemicEvent>;
