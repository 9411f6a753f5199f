/**
 * Bank payment files: one row per payment line with the enterprise's account, as CSV (UTF-8 with
 * BOM, which Excel and the banks' import tools read) — the .xlsx version is written from the same
 * rows by the API — and the bank's result file (paid / failed with reason) read back.
 */
import { fenToYuanString } from '@wengang/kernel';

export const bankFileColumns = [
  '序号',
  '付款参考号',
  '收款单位名称',
  '统一社会信用代码',
  '开户银行',
  '银行账号',
  '账户性质',
  '金额（元）',
  '用途',
] as const;

export const resultFileColumns = ['付款参考号', '结果', '失败原因', '到账日期', '银行流水号'] as const;

export interface BankFileRow {
  lineNo: number;
  lineId: string;
  payeeName: string;
  creditCode: string;
  bankName: string;
  accountNo: string;
  accountKind: string;
  amountFen: number;
  purpose: string;
}

export function bankFileCells(row: BankFileRow): string[] {
  return [
    String(row.lineNo),
    row.lineId,
    row.payeeName,
    row.creditCode,
    row.bankName,
    row.accountNo,
    row.accountKind,
    fenToYuanString(row.amountFen),
    row.purpose,
  ];
}

function csvField(value: string): string {
  // a leading = + - @ would be a formula in a spreadsheet: never from our data, but quote anyway
  const guarded = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== value ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function bankFileCsv(rows: readonly BankFileRow[]): string {
  return toCsv(bankFileColumns, rows.map(bankFileCells));
}

/** The result file the bank fills in, pre-filled with every reference of the batch. */
export function resultTemplateCsv(rows: readonly BankFileRow[]): string {
  return toCsv(
    resultFileColumns,
    rows.map((r) => [r.lineId, '', '', '', '']),
  );
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), BOM tolerated. */
export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

export interface PaymentResult {
  lineId: string;
  outcome: 'paid' | 'failed';
  reason: string | null;
  paidOn: string | null;
  bankRef: string | null;
}

export interface ResultIssue {
  row: number;
  message: string;
}

const PAID = ['成功', '已到账', '支付成功', '已支付', 'paid', 'success'];
const FAILED = ['失败', '支付失败', '退票', 'failed', 'failure'];

/**
 * Reads result rows (the header names the columns, in any order). Rows with an empty result are
 * skipped (not yet known); anything unreadable is reported with its row number.
 */
export function readResultRows(table: readonly (readonly string[])[]): {
  results: PaymentResult[];
  issues: ResultIssue[];
} {
  const [header, ...body] = table;
  const issues: ResultIssue[] = [];
  if (!header) return { results: [], issues: [{ row: 1, message: '文件为空' }] };
  const col = (name: string) => header.findIndex((h) => h.trim() === name);
  const ref = col('付款参考号');
  const result = col('结果');
  if (ref < 0 || result < 0) {
    return { results: [], issues: [{ row: 1, message: '表头应包含“付款参考号”“结果”列（可先下载回盘模板）' }] };
  }
  const reason = col('失败原因');
  const date = col('到账日期');
  const bankRef = col('银行流水号');
  const results: PaymentResult[] = [];
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    const lineId = (cells[ref] ?? '').trim();
    const outcomeText = (cells[result] ?? '').trim();
    if (!outcomeText) return;
    const outcome = PAID.includes(outcomeText.toLowerCase())
      ? 'paid'
      : FAILED.includes(outcomeText.toLowerCase())
        ? 'failed'
        : null;
    if (!/^[0-9a-f-]{36}$/i.test(lineId)) {
      issues.push({ row: rowNo, message: `第${rowNo}行：付款参考号“${lineId}”无效` });
      return;
    }
    if (!outcome) {
      issues.push({ row: rowNo, message: `第${rowNo}行：结果“${outcomeText}”应为“成功”或“失败”` });
      return;
    }
    const paidOn = date >= 0 ? (cells[date] ?? '').trim().replaceAll('/', '-') : '';
    if (outcome === 'paid' && paidOn && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(paidOn)) {
      issues.push({ row: rowNo, message: `第${rowNo}行：到账日期“${paidOn}”应为 YYYY-MM-DD` });
      return;
    }
    const why = reason >= 0 ? (cells[reason] ?? '').trim() : '';
    if (outcome === 'failed' && !why) {
      issues.push({ row: rowNo, message: `第${rowNo}行：支付失败须填写失败原因` });
      return;
    }
    results.push({
      lineId: lineId.toLowerCase(),
      outcome,
      reason: outcome === 'failed' ? why : null,
      paidOn: outcome === 'paid' ? paidOn || null : null,
      bankRef: bankRef >= 0 ? (cells[bankRef] ?? '').trim() || null : null,
    });
  });
  return { results, issues };
}
