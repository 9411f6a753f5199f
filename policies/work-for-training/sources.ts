/**
 * The documents this programme is written from (shared/policy-documents), and a helper that turns
 * "document + clause + line" into a Citation. Line numbers are `cat -n` / `grep -n` lines of the file.
 */
import type { Citation } from '@wengang/engine';

interface SourceDocument {
  doc: string;
  file: string;
  issued: string;
}

/** 鲁人社字〔2020〕63号 《企业稳岗扩岗专项支持计划实施方案》, as forwarded in Liaocheng's file (L218–398). */
export const SD63: SourceDocument = {
  doc: '鲁人社字〔2020〕63号',
  file: '000_fcb7bf8bcb97a69c.txt',
  issued: '2020-06-08', // L232「2020年6月8日」
};

/** 鲁人社函〔2020〕78号 《关于进一步加大以工代训力度支持企业稳岗扩岗的通知》 (L3873–3907). */
export const SD78: SourceDocument = {
  doc: '鲁人社函〔2020〕78号',
  file: '001_39fb5720dee477f9.txt',
  issued: '2020-10-28', // L3877「（鲁人社函〔2020〕78号 2020年10月28日）」
};

/** 聊人社字〔2020〕58号, Liaocheng's forwarding notice, with 附件2 the online-system guide (L1–206). */
export const LC58: SourceDocument = {
  doc: '聊人社字〔2020〕58号',
  file: '000_fcb7bf8bcb97a69c.txt',
  issued: '2020-06-16', // L45「2020年6月16日」
};

/** 昌州人社发〔2020〕15号 《昌吉州企业稳岗扩岗专项支持计划工作实施方案》. */
export const CJ15: SourceDocument = {
  doc: '昌州人社发〔2020〕15号',
  file: '002_f784725f4eb4f98f.txt',
  issued: '2020-07-14', // L97「2020年7月14日」
};

/** A citation of `clause` at `line` (or an inclusive line range) of `source`. */
export function cite(source: SourceDocument, clause: string, line: number | readonly [number, number]): Citation {
  return { doc: source.doc, clause, file: source.file, line, issued: source.issued };
}

/** Region codes (GB/T 2260) the values are set for. */
export const SHANDONG = '370000';
export const LIAOCHENG = '371500';
export const CHANGJI = '652300';
