/**
 * `wengang programmes [--json]` and `wengang evaluate [--input FILE] [--explain]`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { explainZh } from '@wengang/engine';
import { evaluateRequest, listProgrammes } from '../evaluation';
import type { CommandIO } from './check';

export function programmesCommand(args: string[], io: CommandIO): number {
  const listing = listProgrammes();
  if (args.includes('--json')) {
    io.out(JSON.stringify(listing, null, 2));
    return 0;
  }
  for (const p of listing) {
    io.out(`${p.id}\t${p.name}\t适用地区 ${p.regions.join('、')}`);
    for (const period of p.periods) io.out(`\t${period.from} 至 ${period.until}（${period.region}，${period.source}）`);
  }
  io.out(`共 ${listing.length} 个补贴项目；--json 输出含输入字段 JSON Schema 的完整清单`);
  return 0;
}

export function evaluateCommand(args: string[], io: CommandIO, readStdin: () => string): number {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { input: { type: 'string' }, explain: { type: 'boolean' } } }));
  } catch (error) {
    io.err(
      `${(error as Error).message}\n用法：npx wengang evaluate [--input 文件.json] [--explain]（不指定文件时从标准输入读取）`,
    );
    return 2;
  }
  let text: string;
  try {
    text = values.input && values.input !== '-' ? readFileSync(values.input, 'utf8') : readStdin();
  } catch (error) {
    io.err(`无法读取输入文件 ${values.input}：${(error as Error).message}`);
    return 2;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    io.err(`输入不是有效的 JSON：${(error as Error).message}`);
    return 2;
  }
  const outcome = evaluateRequest(body);
  if (!outcome.ok) {
    for (const e of outcome.errors) io.err(`输入有误 ${e.path || '（请求）'}：${e.message}`);
    if (isCaseFile(body)) {
      io.err(
        '这是规则用例文件（policies/<项目>/cases/*.json）：请传入其中的 request 部分，例如 jq .request 用例.json | npx wengang evaluate',
      );
    }
    return 1;
  }
  io.out(values.explain ? explainZh(outcome.decision) : JSON.stringify(outcome.decision, null, 2));
  return 0;
}

/** A rules case ({ request, expected … }) given where its request was meant. */
function isCaseFile(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'request' in body && !('programme' in body);
}
