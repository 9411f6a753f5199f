/**
 * Chinese messages for facts validation. Passed per parse (not through the global `z.config`, so
 * the engine changes nothing for other zod users); a message written in the schema still wins.
 * Codes not covered here fall back to zod's own zh-CN locale.
 */
import { z } from 'zod';
import type { FieldIssue } from './errors';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  bigint: '整数',
  date: '日期',
  array: '列表',
  object: '对象',
  tuple: '列表',
  record: '对象',
  map: '对象',
  set: '列表',
  null: '空值',
  undefined: '空',
  nan: '非数字（NaN）',
  function: '函数',
  symbol: '符号',
  file: '文件',
};

const FORMAT_NAMES: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  datetime: '日期时间（ISO 8601）',
  time: '时间（HH:MM:SS）',
  email: '电子邮箱地址',
  url: '网址',
  uuid: 'UUID',
  regex: '格式',
};

const fallback = z.locales.zhCN().localeError;

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : Number.isInteger(input) ? 'int' : 'number';
  return typeof input;
}

function named(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function bound(value: number | bigint | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** zod error map producing Simplified Chinese messages. */
export const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '必填项，未填写';
      const received = typeOf(issue.input);
      if (issue.expected === 'int' && received === 'number') return '应为整数';
      return `应为${named(issue.expected)}，实际是${named(received)}`;
    }
    case 'too_small': {
      const n = bound(issue.minimum as number | bigint | Date);
      switch (issue.origin) {
        case 'string':
          return issue.exact ? `长度应为 ${n} 个字符` : `至少 ${n} 个字符`;
        case 'array':
        case 'set':
          return issue.exact ? `应为 ${n} 项` : `至少 ${n} 项`;
        case 'date':
          return issue.inclusive ? `不得早于 ${n}` : `应晚于 ${n}`;
        default:
          return issue.inclusive ? `不得小于 ${n}` : `应大于 ${n}`;
      }
    }
    case 'too_big': {
      const n = bound(issue.maximum as number | bigint | Date);
      switch (issue.origin) {
        case 'string':
          return issue.exact ? `长度应为 ${n} 个字符` : `最多 ${n} 个字符`;
        case 'array':
        case 'set':
          return issue.exact ? `应为 ${n} 项` : `最多 ${n} 项`;
        case 'date':
          return issue.inclusive ? `不得晚于 ${n}` : `应早于 ${n}`;
        default:
          return issue.inclusive ? `不得大于 ${n}` : `应小于 ${n}`;
      }
    }
    case 'invalid_format': {
      const name = FORMAT_NAMES[issue.format];
      return name === undefined ? fallback(issue) : `不是有效的${name}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `应为 ${JSON.stringify(issue.values[0])}`
        : `应为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的倍数`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '不符合任何一种允许的格式';
    default:
      return fallback(issue);
  }
};

/** zod issues as field issues under `prefix` (e.g. `facts.persons.0.idNumber`). */
export function fieldIssues(issues: readonly z.core.$ZodIssue[], prefix: string): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length === 0 ? prefix : `${prefix}.${issue.path.map(String).join('.')}`,
    message: issue.message,
  }));
}
