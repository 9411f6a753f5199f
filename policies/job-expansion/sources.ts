/** The documents this programme rests on, so every citation names the same doc/file/issue date. */
import type { Citation } from '@wengang/engine';

/** 聊人社字〔2022〕32号《关于落实一次性留工培训补助和一次性扩岗补助政策的通知》, 2022-09-01. */
export function lc32(clause: string, line: Citation['line']): Citation {
  return { doc: '聊人社字〔2022〕32号', clause, file: '003_90999c2aabad5de6.txt', line, issued: '2022-09-01' };
}
