/**
 * `wengang check uscc|idcard|size …`: the domain checks, with the same Chinese messages the UI
 * shows (they come from @wengang/kernel in both places).
 */
import { parseArgs } from 'node:util';
import {
  checkCreditCode,
  checkDeclaredSize,
  checkResidentId,
  classifyEnterpriseSize,
  ENTERPRISE_SIZE_LABELS,
  isSizeIndustry,
  SIZE_INDUSTRIES,
  type EnterpriseSize,
} from '@wengang/kernel';

export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
}

const sizeUsage = `用法：npx wengang check size --industry <行业> [--employees 人数] [--revenue 营业收入（元）] [--assets 资产总额（元）] [--declared large|medium|small|micro]
行业：${SIZE_INDUSTRIES.map((i) => `${i.key}（${i.name}）`).join('、')}`;

export function checkCommand(args: string[], io: CommandIO): number {
  const [kind, ...rest] = args;
  switch (kind) {
    case 'uscc': {
      if (!rest[0]) return usage(io, '用法：npx wengang check uscc <统一社会信用代码>');
      const result = checkCreditCode(rest[0]);
      if (!result.ok) return fail(io, result.message);
      io.out(
        `✓ 统一社会信用代码 ${result.value} 校验通过（${result.registrationDepartment.name}，${result.organizationType.name}，登记管理机关行政区划码 ${result.regionCode}）`,
      );
      return 0;
    }
    case 'idcard': {
      if (!rest[0]) return usage(io, '用法：npx wengang check idcard <公民身份号码>');
      const result = checkResidentId(rest[0]);
      if (!result.ok) return fail(io, result.message);
      io.out(`✓ 公民身份号码校验通过（出生日期 ${result.birthDate}，性别 ${result.sex === 'male' ? '男' : '女'}）`);
      return 0;
    }
    case 'size':
      return checkSize(rest, io);
    default:
      return usage(io, '用法：npx wengang check uscc|idcard|size …');
  }
}

function checkSize(args: string[], io: CommandIO): number {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        industry: { type: 'string' },
        employees: { type: 'string' },
        revenue: { type: 'string' },
        assets: { type: 'string' },
        declared: { type: 'string' },
      },
    }));
  } catch (error) {
    return usage(io, `${(error as Error).message}\n${sizeUsage}`);
  }
  if (!values.industry || !isSizeIndustry(values.industry)) return usage(io, sizeUsage);
  const numbers: Record<string, number | undefined> = {};
  for (const [name, label] of [
    ['employees', '从业人员'],
    ['revenue', '营业收入'],
    ['assets', '资产总额'],
  ] as const) {
    const raw = values[name];
    if (raw === undefined) continue;
    if (!/^\d+$/.test(raw)) return fail(io, `${label}应为非负整数（--${name} ${raw}）`);
    numbers[name] = Number(raw);
  }
  const computed = classifyEnterpriseSize({
    industry: values.industry,
    employees: numbers.employees,
    revenueYuan: numbers.revenue,
    assetsYuan: numbers.assets,
  });
  if ('missing' in computed) return fail(io, computed.message);
  io.out(`企业规模：${computed.label}（${computed.basis}）`);
  if (values.declared !== undefined) {
    if (!(values.declared in ENTERPRISE_SIZE_LABELS)) return usage(io, sizeUsage);
    const check = checkDeclaredSize(values.declared as EnterpriseSize, computed);
    if (!check.ok) return fail(io, check.message);
    io.out(`✓ 申报规模与测算规模一致`);
  }
  return 0;
}

function fail(io: CommandIO, message: string): number {
  io.err(`✗ ${message}`);
  return 1;
}

function usage(io: CommandIO, text: string): number {
  io.err(text);
  return 2;
}
