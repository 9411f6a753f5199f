/**
 * Facts for 一次性扩岗补助 (聊人社字〔2022〕32号). Every field is optional in the schema so that an
 * incomplete request is answered with `needs_input` naming what is missing, never guessed.
 */
import { z, isIsoDate } from '@wengang/engine';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, '应为有效日期 YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为月份 YYYY-MM');

export const graduate = z
  .object({
    id: z.string().min(1).describe('人员编号（在本申请内唯一）'),
    name: z.string().optional().describe('姓名'),
    graduationMonth: isoMonth.optional().describe('毕业时间（年月）'),
    holdsRegularHigherEducationDiploma: z.boolean().optional().describe('取得普通高等学校毕业证书'),
    hireDate: isoDate.optional().describe('招用日期（劳动合同起始日）'),
    labourContractSigned: z.boolean().optional().describe('已签订劳动合同'),
    employmentRegistered: z.boolean().optional().describe('已办理就业登记'),
    uiPaidMonths: z.number().int().min(0).optional().describe('企业为其缴纳失业保险费的月数'),
    uiPaymentNormal: z.boolean().optional().describe('失业保险处于正常缴费状态'),
    expansionSubsidyUsedBy: z
      .enum(['none', 'another_enterprise', 'this_enterprise'])
      .optional()
      .describe(
        '该毕业生就业参保信息和身份是否已用于享受一次性扩岗补助：none=未用，another_enterprise=已被其他企业使用，this_enterprise=本企业已享受',
      ),
    receivedAbsorptionSubsidy: z.boolean().optional().describe('已享受一次性吸纳就业补贴'),
    dispatchedToOtherEnterprise: z
      .boolean()
      .optional()
      .describe('劳务派遣企业派遣至其他企业的职工（劳务派遣企业必填）'),
    allocationAgreement: z
      .boolean()
      .optional()
      .describe('已提供派遣协议及派遣企业与用工企业就一次性扩岗补助分配达成的协议（派遣至其他企业的职工必填）'),
  })
  .describe('招用的高校毕业生');

export const facts = z
  .object({
    unitType: z
      .enum(['enterprise', 'individual_business', 'social_organization', 'government_or_public_institution', 'other'])
      .optional()
      .describe(
        '用人单位类型：enterprise=企业，individual_business=个体工商户，social_organization=社会组织，government_or_public_institution=机关事业单位，other=其他',
      ),
    isLabourDispatchAgency: z.boolean().optional().describe('是否劳务派遣企业'),
    claimRoute: z
      .enum(['automatic', 'application'])
      .optional()
      .describe('经办模式：automatic=免申即享，application=自主申请'),
    claimDate: isoDate.optional().describe('免申即享为比对数据下发日期，自主申请为经办机构收到申请日期'),
    persons: z.array(graduate).optional().describe('招用的高校毕业生名单'),
  })
  .describe('一次性扩岗补助的申领事实');

export type Facts = z.infer<typeof facts>;
export type Graduate = z.infer<typeof graduate>;
