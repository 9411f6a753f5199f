/**
 * Facts for 一次性用工补贴 (疫情防控重点物资生产企业, 鲁政发〔2020〕5号, 鲁人社字〔2020〕22号,
 * 聊城市人民政府 2020-03-11 通知). Every field is optional in the schema so that an incomplete
 * request is answered with `needs_input` naming what is missing, never guessed.
 */
import { z, isIsoDate } from '@wengang/engine';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, '应为有效日期 YYYY-MM-DD');

export const facts = z
  .object({
    onKeySupplyList: z.boolean().optional().describe('列入疫情防控重点物资生产企业名单'),
    listSource: z.string().optional().describe('名单来源（如：省疫情防控重点物资生产企业名单第一批）'),
    productionStartDate: isoDate.optional().describe('开工生产日期'),
    jointReviewConfirmed: z
      .boolean()
      .optional()
      .describe('开工时间、在岗人数已由发展改革、工业和信息化、人力资源社会保障部门共同审核确定'),
    dailyOnDutyHeadcount: z
      .record(isoDate, z.number().int().min(0))
      .optional()
      .describe('每日在岗人数（日期 → 人数），自开工日起至 2020-02-09 每天一项'),
    alreadyPaidFen: z.number().int().min(0).optional().describe('已发放的一次性用工补贴（分）；不填即未发放过'),
  })
  .describe('一次性用工补贴的申领事实');

export type Facts = z.infer<typeof facts>;
