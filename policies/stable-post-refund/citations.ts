/**
 * The source documents of 稳岗返还 and the places in them that conditions cite.
 * Line numbers are `grep -n` / `cat -n` lines of the files under shared/policy-documents.
 */
import type { Citation } from '@wengang/engine';

/** 鲁人社字〔2020〕26号 关于进一步落实失业保险稳岗返还政策的通知 (reprinted in the 001 compilation). */
export const LU26 = {
  doc: '鲁人社字〔2020〕26号',
  file: '001_39fb5720dee477f9.txt',
  issued: '2020-03-13',
} as const;

/** 鲁人社字〔2020〕63号 企业稳岗扩岗专项支持计划实施方案 (as forwarded by 聊人社字〔2020〕58号). */
export const LU63 = {
  doc: '鲁人社字〔2020〕63号',
  file: '000_fcb7bf8bcb97a69c.txt',
  issued: '2020-06-08',
} as const;

/** 昌州人社发〔2020〕15号 昌吉州企业稳岗扩岗专项支持计划工作实施方案. */
export const CJ15 = {
  doc: '昌州人社发〔2020〕15号',
  file: '002_f784725f4eb4f98f.txt',
  issued: '2020-07-14',
} as const;

type Doc = { readonly doc: string; readonly file: string; readonly issued: string };

export function cite(doc: Doc, clause: string, line: number | readonly [number, number]): Citation {
  return { doc: doc.doc, clause, file: doc.file, line, issued: doc.issued };
}

/** Citations of rules that are code rather than parameters (the rule itself, not a number). */
export const CITE = {
  generalPurpose: cite(LU26, '二(一) 返还标准', 5229),
  contributionBase: cite(LU26, '二(一) 返还标准', 5229),
  smeAmount: cite(LU63, '实施方案 二(一)1', 252),
  smeTopUp: cite(LU63, '政策细则 一(一)4', 320),
  smeEligible: cite(LU63, '政策细则 一(一)1', 306),
  cjSme: cite(CJ15, '二(一)1', 23),
  cjDifficult: cite(CJ15, '二(一)2', 25),
  cjBase: cite(CJ15, '二(一)', [21, 25]),
  difficultAmount: cite(LU26, '三(一) 返还标准', 5245),
  difficultConditions: cite(LU26, '三(二) 申请条件', [5249, 5253]),
  refundAlreadyPaid: cite(LU63, '实施方案 二(一)1', 252),
  deduction: cite(LU26, '四(二)', 5263),
} as const;
