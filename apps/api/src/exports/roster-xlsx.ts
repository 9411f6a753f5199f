/**
 * Spreadsheets of the portal: the roster as .xlsx (same rows as the PDF), the import template,
 * and reading an imported roster back row by row.
 */
import ExcelJS from 'exceljs';
import { subsidyTypeLabels, yuan, type ImportRow, type RosterExport } from '@wengang/workflow';
import { commitmentText } from './roster-pdf';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxMediaType = XLSX;

export async function rosterXlsx(data: RosterExport): Promise<Buffer> {
  const a = data.application;
  const wb = new ExcelJS.Workbook();
  wb.creator = '稳岗扩岗服务平台';
  const ws = wb.addWorksheet('以工代训人员花名册');
  ws.addRow(['以工代训人员花名册']).font = { bold: true, size: 14 };
  ws.addRow([`单位名称：${a.unit.unitName}`, '', `统一社会信用代码：${a.unit.creditCode}`]);
  ws.addRow([
    `补贴年月：${a.subsidyMonth}`,
    '',
    `补贴类型：${subsidyTypeLabels[a.subsidyType]}`,
    '',
    `企业所属区划：${a.regionName}`,
  ]);
  ws.addRow([]);
  const header = ws.addRow(['序号', '身份证号', '姓名', '人员类别', '补贴金额（元）', '说明']);
  header.font = { bold: true };
  for (const p of data.persons) {
    ws.addRow([
      p.seq,
      p.idNumberMasked,
      p.name,
      p.category,
      Number(yuan(p.amountFen)),
      p.amountFen > 0 ? '' : (p.refusal ?? '不予补贴'),
    ]);
  }
  const total = ws.addRow([
    '合计',
    '',
    '',
    `${data.persons.filter((p) => p.amountFen > 0).length} 人`,
    Number(yuan(data.totalFen)),
  ]);
  total.font = { bold: true };
  ws.getColumn(5).numFmt = '0.00';
  ws.columns.forEach((c, i) => (c.width = [8, 22, 12, 26, 16, 40][i] ?? 12));
  ws.addRow([]);
  ws.addRow(['承诺书']).font = { bold: true };
  for (const line of commitmentText(a.regionCode)) ws.addRow([line]);
  ws.addRow([]);
  ws.addRow(['法定代表人（签字）：', '', '经办人（签字）：', '', '单位（盖章）：']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const IMPORT_COLUMNS = ['序号', '身份证号', '姓名', '人员类别', '是否劳务派遣'] as const;

/** The template: the columns above, the ID column as text, and a sheet of instructions. */
export async function importTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('以工代训人员');
  ws.addRow([...IMPORT_COLUMNS]).font = { bold: true };
  ws.getColumn(2).numFmt = '@';
  ws.columns.forEach((c, i) => (c.width = [8, 24, 12, 20, 14][i] ?? 12));
  ws.addRow([1, '（示例，导入前请删除本行）', '张三', '企业在职职工', '否']);
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    '1. 每行一人，从第 2 行起填写；第 1 行为列名，请勿修改。',
    '2. 身份证号：18 位公民身份号码，末位 X 大写；该列已设为文本格式，请勿改为数字格式（否则后几位会丢失）。',
    '3. 人员类别：受疫情影响的企业填“企业在职职工”或“劳务派遣人员”；新吸纳劳动者就业的人员类别以就业部门认定为准，可不填。',
    '4. 是否劳务派遣：填“是”或“否”，不填视为“否”。劳务派遣人员须另上传派遣协议（附派遣人员名单）。',
    '5. 文件中任何一行有误时整个文件都不会导入，系统会逐行列出需要修改的内容。',
  ]) {
    help.addRow([line]);
  }
  help.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export class SpreadsheetError extends Error {}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    return '';
  }
  return String(value);
}

/** Reads the first sheet of an uploaded roster: one ImportRow per filled line (sheet row numbers). */
export async function readImportRows(
  bytes: Buffer,
): Promise<{ rows: ImportRow[]; problems: { row: number; column: string; message: string }[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetError('无法读取该文件：请上传由模板填写的 .xlsx 文件（Excel 2007 及以上格式）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SpreadsheetError('文件中没有工作表');
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => text(v).trim());
  const col = (name: string) => header.indexOf(name);
  const idCol = col('身份证号');
  const nameCol = col('姓名');
  if (idCol < 0 || nameCol < 0) {
    throw new SpreadsheetError(
      '第 1 行应为模板的列名（序号、身份证号、姓名、人员类别、是否劳务派遣），请下载模板后填写',
    );
  }
  const categoryCol = col('人员类别');
  const dispatchedCol = col('是否劳务派遣');
  const rows: ImportRow[] = [];
  const problems: { row: number; column: string; message: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cell = (i: number) => (i >= 0 ? row.getCell(i).value : null);
    const rawId = cell(idCol);
    const values = [rawId, cell(nameCol), cell(categoryCol), cell(dispatchedCol)].map(text).map((v) => v.trim());
    if (values.every((v) => v === '')) return;
    if (typeof rawId === 'number') {
      problems.push({
        row: number,
        column: '身份证号',
        message: '身份证号被 Excel 存成了数字（后几位已丢失），请将该列设为文本格式后重新填写',
      });
      return;
    }
    rows.push({ row: number, idNumber: values[0]!, name: values[1]!, category: values[2]!, dispatched: values[3]! });
  });
  return { rows, problems };
}

export const spreadsheetMediaType = XLSX;
