/** The document passages the workflows are built from (files under shared/policy-documents). */
import type { Citation } from '@wengang/engine';

const lu63 = { doc: '鲁人社字〔2020〕63号', issued: '2020-06-08' } as const;
const lu55 = { doc: '鲁人社字〔2020〕55号', issued: '2020-05-21', file: '001_39fb5720dee477f9.txt' } as const;
const lu26 = { doc: '鲁人社字〔2020〕26号', issued: '2020-03-13', file: '001_39fb5720dee477f9.txt' } as const;
const cj15 = { doc: '昌州人社发〔2020〕15号', issued: '2020-07-14', file: '002_f784725f4eb4f98f.txt' } as const;
const lc32 = { doc: '聊人社字〔2022〕32号', issued: '2022-09-01', file: '003_90999c2aabad5de6.txt' } as const;

export const cites = {
  sdYigongProcedure: {
    ...lu63,
    clause:
      '政策细则 二(一)：经当地人力资源社会保障部门审核通过并公示无异议后，将补贴资金支付到企业在银行开立的基本账户',
    file: '000_fcb7bf8bcb97a69c.txt',
    line: 370,
  },
  sdRefundProcedure: {
    ...lu63,
    clause: '政策细则 一(一)：筛查符合条件的企业名单…企业进行确认；经办机构审核公示无异议后拨付资金',
    file: '000_fcb7bf8bcb97a69c.txt',
    line: 318,
  },
  uiCapacity: {
    ...lu63,
    clause:
      '实施方案 二(一)4：失业保险基金备付能力不足24个月的次月起，停止执行困难企业稳岗返还政策；不足12个月的次月起，停止执行一般企业稳岗返还政策',
    file: '001_39fb5720dee477f9.txt',
    line: 3131,
  },
  skillsAccount30: {
    ...lu63,
    clause: '三(四)：各市专账资金低于建账资金规模30%时，停止执行以工代训政策',
    file: '001_39fb5720dee477f9.txt',
    line: 3149,
  },
  publicityFiveDays: {
    ...lu55,
    clause:
      '第十四条：公示时间不少于5个工作日，内容包括领取补贴的单位或人员名单（含隐藏部分字段的身份证号）、补贴金额等',
    line: 2889,
  },
  refundDeduction: {
    ...lu26,
    clause: '四(二)：对以往年度违规领取且拒不退回稳岗返还资金的企业，在其再次符合条件时扣减应退回的稳岗返还资金',
    line: 5263,
  },
  refundPrepay: {
    ...lu26,
    clause: '四(三)：“先预拨、后承诺、再清算”…企业收到资金后补充承诺…检查后多退少补',
    line: 5265,
  },
  refundConfirm: {
    ...lu26,
    clause: '四(三)：由企业进行确认、承诺资料的真实性、准确性；按规定向社会公示，及时拨付资金',
    line: 5265,
  },
  cjPlanReview: {
    ...cj15,
    clause:
      '四(二)：当地人社部门对受理材料进行审核，要将审核通过的享受政策的企业名称、补贴人数、资金额度在同级人民政府网站公示',
    line: 51,
  },
  cjMonthlyReview: {
    ...cj15,
    clause: '四(三)：按月提交…当地人社部门审核无问题后通过系统提交州人社局复审',
    line: 53,
  },
  cjPayment: {
    ...cj15,
    clause: '四(四)：州人社局审核通过后，函告州财政局，按规定每月将补贴资金拨付到企业在银行设立的基本账户',
    line: 55,
  },
  cjCountyTwoDays: {
    ...cj15,
    clause: '五(四)：当地人社部门要在收到申请后2个工作日内完成审核',
    line: 67,
  },
  cjPrefectureThreeDays: {
    ...cj15,
    clause: '五(四)：州人社局在3个工作日内向州财政局提交资金拨付材料',
    line: 67,
  },
  lcRealtime: {
    ...lc32,
    clause: '二(二)：实时审核、市级汇总、高频发放，每月不少于1次；市失业保险基金支出户→县（市、区）失业保险支出户→企业',
    line: 41,
  },
  lcThirtyDays: {
    ...lc32,
    clause: '二(一)2：在数据下发30日内（自主申请：收到企业申请后30日内）向符合条件的企业发放',
    line: 39,
  },
  lcRecovery: {
    ...lc32,
    clause: '六(三)：对疑点数据要立即组织核实，及时追回企业所享受的不符合条件的补助资金',
    line: 67,
  },
} satisfies Record<string, Citation>;
