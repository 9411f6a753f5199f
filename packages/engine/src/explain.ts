/** Plain-text Chinese rendering of a decision, for the CLI, officers and tests. */
import { fenToYuanString as formatYuan } from '@wengang/kernel';
import type { Citation, ConditionResult, Decision, Eligibility, ResolvedParameter } from './types';

const CONCLUSION: Record<Eligibility, string> = {
  yes: '符合条件',
  no: '不符合条件',
  needs_input: '信息不全，补充后才能判断',
};

const MARK: Record<ConditionResult, string> = {
  pass: '✓',
  fail: '✗',
  not_applicable: '—',
  missing: '?',
};

const UNIT_WORDS: Record<string, string> = {
  fen: '元',
  yuan: '元',
  person: '人',
  month: '月',
  year: '年',
  day: '天',
  enterprise: '户',
};

/** `鲁人社字〔2020〕63号 政策细则 二(一)（000_….txt 第123行）` */
export function formatCitation(cite: Citation): string {
  const line = typeof cite.line === 'number' ? `第${cite.line}行` : `第${cite.line[0]}–${cite.line[1]}行`;
  return `${cite.doc} ${cite.clause}（${cite.file} ${line}）`;
}

/** A parameter value in words, using its unit: fen as 元, ratios as percentages, lists joined. */
export function formatParameterValue(value: unknown, unit: string): string {
  if (typeof value === 'number') {
    if (unit.startsWith('fen')) return `${formatYuan(value)} ${unitWords(unit)}`;
    if (unit === 'ratio') return `${value}（${+(value * 100).toFixed(6)}%）`;
    if (unit === 'months') return `${value} 个月`;
    if (unit === 'days') return `${value} 天`;
    return `${value} ${unitWords(unit)}`;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.join('、');
  }
  if (isRange(value)) return value.until === undefined ? `${value.from} 起` : `${value.from} 至 ${value.until}`;
  return JSON.stringify(value);
}

function isRange(value: unknown): value is { from: string; until?: string } {
  if (value === null || typeof value !== 'object') return false;
  const { from, until } = value as { from?: unknown; until?: unknown };
  return (
    typeof from === 'string' && (until === undefined || typeof until === 'string') && Object.keys(value).length <= 2
  );
}

function unitWords(unit: string): string {
  return unit
    .split('/')
    .map((word) => UNIT_WORDS[word] ?? word)
    .join('/');
}

function scope(personId: string | undefined, month: string | undefined): string {
  const parts: string[] = [];
  if (personId !== undefined) parts.push(`人员 ${personId}`);
  if (month !== undefined) parts.push(month);
  return parts.length > 0 ? `［${parts.join(' · ')}］` : '';
}

function validity(p: ResolvedParameter<unknown>): string {
  return p.until === undefined ? `${p.from} 起` : `${p.from} 至 ${p.until}`;
}

/** The decision as plain Chinese text: conclusion, amount, conditions, lines, parameters, gaps. */
export function explainZh(decision: Decision): string {
  const out: string[] = [];
  out.push(`${decision.programmeName}（${decision.programme}）`);
  out.push(
    `地区：${decision.region}\u3000期间：${decision.period.from} 至 ${decision.period.until}\u3000` +
      `决定日期：${decision.decisionDate}\u3000规则版本：${decision.rulesetVersion}`,
  );
  out.push(`结论：${CONCLUSION[decision.eligible]}`);
  out.push(`金额：${formatYuan(decision.amountFen)} 元`);

  if (decision.conditions.length > 0) {
    out.push('', '条件：');
    for (const c of decision.conditions) {
      const detail = c.detail ? ` —— ${c.detail}` : '';
      out.push(`${MARK[c.result]} ${scope(c.personId, c.month)}${c.label}${detail}`);
      if (c.result === 'missing' && c.missing && c.missing.length > 0) out.push(`    缺少：${c.missing.join('、')}`);
      out.push(`    依据：${formatCitation(c.cite)}`);
    }
  }

  if (decision.lines.length > 0) {
    out.push('', '金额明细：');
    decision.lines.forEach((l, i) => {
      const formula = l.formula ? `（${l.formula}）` : '';
      out.push(`${i + 1}. ${l.label}：${formatYuan(l.amountFen)} 元${formula}`);
      out.push(`    依据：${formatCitation(l.cite)}`);
    });
    out.push(`合计：${formatYuan(decision.amountFen)} 元`);
  }

  if (decision.parameters.length > 0) {
    out.push('', '适用参数：');
    for (const p of decision.parameters) {
      out.push(`· ${p.label}：${formatParameterValue(p.value, p.unit)}（地区 ${p.region}，${validity(p)}）`);
      out.push(`    依据：${formatCitation(p.cite)}，${p.cite.issued} 发布`);
      if (p.note) out.push(`    注：${p.note}`);
    }
  }

  if (decision.missing.length > 0) {
    out.push('', '需补充的信息：');
    for (const field of decision.missing) out.push(`- ${field}`);
  }

  if (decision.notes.length > 0) {
    out.push('', '说明：');
    for (const note of decision.notes) out.push(`- ${note}`);
  }
  return `${out.join('\n')}\n`;
}
