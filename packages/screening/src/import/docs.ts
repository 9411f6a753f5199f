/**
 * The column reference of docs/data-import.md, written from the layouts themselves so that the
 * documentation and the importer cannot drift apart (a test compares them).
 */
import type { FieldType } from './fields';
import { LAYOUTS, type SourceLayout } from './layouts';

function typeText(t: FieldType): string {
  switch (t.kind) {
    case 'text':
      return t.maxLength ? `文本（≤ ${t.maxLength} 字）` : '文本';
    case 'personId':
      return t.lenient ? '公民身份号码（只核对格式）' : '公民身份号码（18 位，校验出生日期和校验码）';
    case 'creditCode':
      return '统一社会信用代码（18 位，校验码）';
    case 'region':
      return '行政区划代码（6 位，须为本平台区划）';
    case 'industry':
      return 'GB/T 4754-2017 行业代码';
    case 'date':
      return t.monthAllowed ? '日期 YYYY-MM-DD（或 YYYY-MM）' : '日期 YYYY-MM-DD';
    case 'month':
      return '年月 YYYY-MM 或 YYYYMM';
    case 'year':
      return '年度 YYYY';
    case 'int':
      return `整数${t.min !== undefined ? `（${t.min}${t.max !== undefined ? `–${t.max}` : ' 及以上'}）` : ''}`;
    case 'fen':
      return t.signed ? '金额（元，两位小数，可为负）' : '金额（元，两位小数）';
    case 'bool':
      return '是 / 否';
    case 'bankAccount':
      return '银行账号（8–32 位数字）';
    case 'enum':
      return t.codes
        .map((c) => {
          const code = c.spellings.find((s) => /^[0-9]+$/.test(s)) ?? c.value;
          const also = c.spellings.filter((s) => s !== code && s !== c.label && s !== c.value);
          return `${code} ${c.label}${also.length ? `（亦作${also.join('、')}）` : ''}`;
        })
        .join('；');
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function layoutMarkdown(layout: SourceLayout): string {
  const lines = [
    `### \`${layout.id}\` ${layout.title} → \`${layout.table}\``,
    '',
    layout.description,
    '',
    `自然键（重复导入按此更新）：${layout.key.map((k) => `\`${k}\``).join(' + ')}${layout.unitRef ? '；每行的单位须已在参保单位中（同一参保地）' : ''}。`,
    '',
    ...(layout.together?.length
      ? [
          `同时填写或同时留空：${layout.together
            .map(({ columns }) => columns.map((c) => layout.fields.find((f) => f.column === c)!.header).join('与'))
            .join('；')}。`,
          '',
        ]
      : []),
    '| 列名 | 人社代码 | 必填 | 类型与取值 | 字段 | 说明 |',
    '|---|---|---|---|---|---|',
    ...layout.fields.map(
      (f) =>
        `| ${cell(f.header)} | ${f.code ?? ''} | ${f.required ? '是' : ''} | ${cell(typeText(f.type))} | \`${f.column}\`${f.stored === false ? '（不入库）' : ''} | ${cell(f.note ?? '')} |`,
    ),
    ...(layout.derived ?? []).map((d) => `| （导入时计算） |  |  |  | \`${d.column}\` | ${cell(d.note)} |`),
    '',
  ];
  return lines.join('\n');
}

/** The generated part of docs/data-import.md. */
export function layoutsMarkdown(): string {
  return LAYOUTS.map(layoutMarkdown).join('\n');
}
