/** The documents this programme rests on, so every citation names the same doc/file/issue date. */
import type { Citation } from '@wengang/engine';

const SD = '001_39fb5720dee477f9.txt';

/** 鲁政发〔2020〕5号《关于积极应对新冠肺炎疫情做好稳就业工作的若干措施》, 2020-02-17 (001 第64行). */
export function lzf5(clause: string, line: Citation['line']): Citation {
  return { doc: '鲁政发〔2020〕5号', clause, file: SD, line, issued: '2020-02-17' };
}

/** 鲁人社字〔2020〕22号《应对疫情稳就业政策细则》, 2020-03-06 (001 第391行). */
export function lrs22(clause: string, line: Citation['line']): Citation {
  return { doc: '鲁人社字〔2020〕22号', clause, file: SD, line, issued: '2020-03-06' };
}

/** 聊城市人民政府 2020-03-11 稳就业通知（文号未载于原文）(004 第37行落款). */
export function lcgov(clause: string, line: Citation['line']): Citation {
  return {
    doc: '聊城市人民政府关于积极应对新冠肺炎疫情做好稳就业工作的通知（2020年3月11日，文号原文未载）',
    clause,
    file: '004_d4245d0197f1b756.txt',
    line,
    issued: '2020-03-11',
  };
}

/** 鲁人社字〔2020〕43号《关于做好2020年高校毕业生就业工作的通知》, 2020-04-30 (001 第4166行). */
export function lrs43(clause: string, line: Citation['line']): Citation {
  return { doc: '鲁人社字〔2020〕43号', clause, file: SD, line, issued: '2020-04-30' };
}

/** 省委经济运行应急保障指挥部〔2020〕20号《“六保三促”工作方案（修订版）》保居民就业工作方案, 2020-07-02 (001 第182行). */
export function zhb20(clause: string, line: Citation['line']): Citation {
  return { doc: '省委经济运行应急保障指挥部〔2020〕20号', clause, file: SD, line, issued: '2020-07-02' };
}
