/**
 * The bank payment file as .xlsx (same rows as the CSV; account numbers as text so that Excel
 * keeps every digit), and the bank's result file read back from .xlsx into the CSV's table shape.
 */
import ExcelJS from 'exceljs';
import { bankFileCells, bankFileColumns, resultFileColumns, type BankFileRow } from '@wengang/ledger';

export async function bankFileXlsx(title: string, rows: readonly BankFileRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '稳岗扩岗服务平台';
  const ws = wb.addWorksheet('支付明细');
  const header = ws.addRow([...bankFileColumns]);
  header.font = { bold: true };
  for (const r of rows) {
    const cells: (string | number)[] = bankFileCells(r);
    cells[0] = r.lineNo;
    cells[7] = r.amountFen / 100;
    ws.addRow(cells);
  }
  ws.getColumn(6).numFmt = '@';
  ws.getColumn(8).numFmt = '0.00';
  ws.columns.forEach((c, i) => (c.width = [6, 38, 30, 22, 24, 24, 12, 14, 40][i] ?? 12));
  const results = wb.addWorksheet('回盘模板');
  results.addRow([...resultFileColumns]).font = { bold: true };
  for (const r of rows) results.addRow([r.lineId, '', '', '', '']);
  wb.title = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
  }
  return String(value);
}

/** The first sheet whose first row names 付款参考号, as rows of text cells. */
export async function readResultXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((s) =>
    (s.getRow(1).values as ExcelJS.CellValue[]).some((v) => text(v).trim() === '付款参考号'),
  );
  if (!ws) return [];
  const table: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    table.push(values.slice(1).map((v) => text(v)));
  });
  return table;
}
