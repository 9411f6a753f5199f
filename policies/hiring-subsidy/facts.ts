/**
 * Facts for 一次性吸纳就业补贴 (鲁政发〔2020〕5号, 鲁人社字〔2020〕22号, 聊城市人民政府 2020-03-11 通知,
 * 鲁人社字〔2020〕43号). Every field is optional in the schema so that an incomplete request is
 * answered with `needs_input` naming what is missing, never guessed.
 */
import { z, isIsoDate } from '@wengang/engine';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, '应为有效日期 YYYY-MM-DD');

export const newHire = z
  .object({
    id: z.string().min(1).describe('人员编号（在本申请内唯一）'),
    name: z.string().optional().describe('姓名'),
    hireDate: isoDate.optional().describe('新吸纳就业日期（签订劳动合同、劳动合同起始日）'),
    contractEndDate: isoDate.optional().describe('劳动合同终止日期（固定期限合同）'),
    contractOpenEnded: z.boolean().optional().describe('无固定期限劳动合同'),
    socialInsurance: z
      .enum(['paid', 'withheld_during_exemption', 'not_paid'])
      .optional()
      .describe(
        '缴纳职工社会保险费情况：paid=已缴纳，withheld_during_exemption=社会保险免征期间由单位代扣代缴职工应缴部分，not_paid=未缴纳',
      ),
    employmentRegistered: z.boolean().optional().describe('已办理就业登记'),
    socialInsuranceRegistered: z.boolean().optional().describe('已办理社会保险登记（免征期间适用）'),
    lastRecordAtEnterpriseBeforeContract: z
      .union([z.literal('none'), isoDate])
      .optional()
      .describe('签订劳动合同之前在本企业最近一次办理就业登记（备案）或缴纳社会保险的日期；没有填 none'),
    isHigherEducationGraduate: z.boolean().optional().describe('高校毕业生（招用毕业年度高校毕业生一项适用）'),
    graduationYear: z.number().int().min(1950).max(2100).optional().describe('毕业年度'),
    graduateSubsidyAlreadyPaid: z
      .boolean()
      .optional()
      .describe('该高校毕业生已因被招用享受过一次性吸纳就业补贴（任一企业）'),
    internshipRemainingSubsidyClaimed: z.boolean().optional().describe('已就该毕业生申领剩余期限见习补贴'),
  })
  .describe('新吸纳就业人员');

export const facts = z
  .object({
    unitType: z
      .enum(['enterprise', 'individual_business', 'other'])
      .optional()
      .describe('用人单位类型：enterprise=企业，individual_business=个体工商户，other=其他'),
    enterpriseSize: z
      .enum(['large', 'medium', 'small', 'micro'])
      .optional()
      .describe('企业规模（工信部联企业〔2011〕300号）：large=大型，medium=中型，small=小型，micro=微型'),
    resumptionDate: isoDate.optional().describe('企业复工日期'),
    persons: z.array(newHire).optional().describe('新吸纳就业人员名单'),
  })
  .describe('一次性吸纳就业补贴的申领事实');

export type Facts = z.infer<typeof facts>;
export type NewHire = z.infer<typeof newHire>;
