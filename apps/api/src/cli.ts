/**
 * `npx wengang <command>`: serve, db migrate, and the rules-as-code commands.
 */
import { readFileSync } from 'node:fs';
import { migrate } from '@wengang/db';
import { auditVerifyCommand } from './commands/audit';
import { checkCommand, type CommandIO } from './commands/check';
import { evaluateCommand, programmesCommand } from './commands/rules';
import { generateCommand, importCommand, screenCommand } from './commands/screening';
import { ConfigError, loadConfig } from './config';
import { openConfiguredDatabase, start } from './start';

const usage = `用法：npx wengang <命令>
  serve                 启动平台（API 与网页，端口 PORT，默认 3000）
  db migrate            执行数据库迁移
  audit verify          校验审计日志哈希链（被篡改时退出码为 1）
  programmes [--json]   列出全部补贴项目（含适用地区、期间、输入字段 JSON Schema）
  evaluate [--input 文件] [--explain]
                        按请求中的地区、期间和决定日期适用的规则作出决定（JSON；默认读标准输入）
  check uscc|idcard|size …
                        校验统一社会信用代码、公民身份号码，测算企业规模
  screen --programme <项目> --region <区划> --period <期间>
                        免申即享数据筛查（进度与预计剩余时间；Ctrl-C 取消，再次执行继续）
  import <数据来源> <文件> [--load-valid]
                        导入社保、就业、毕业生、疫情、税务等数据（逐行报告错误）
  generate --enterprises N --persons M [--out 目录 | --load]
                        生成可复现的合成数据（导入文件或直接装入数据库）
`;

const consoleIO: CommandIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function main(args: string[]): Promise<number> {
  const [command, sub] = args;
  try {
    switch (command) {
      case 'serve': {
        const running = await start();
        const stop = () => void running.app.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return 0;
      }
      case 'db':
        if (sub === 'migrate') {
          const config = loadConfig();
          const db = await openConfiguredDatabase(config);
          const applied = await migrate(db);
          await db.close();
          console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新版本');
          return 0;
        }
        break;
      case 'audit':
        if (sub === 'verify') {
          const db = await openConfiguredDatabase(loadConfig());
          try {
            return await auditVerifyCommand(db, consoleIO);
          } finally {
            await db.close();
          }
        }
        break;
      case 'programmes':
        return programmesCommand(args.slice(1), consoleIO);
      case 'evaluate':
        return evaluateCommand(args.slice(1), consoleIO, () => readFileSync(0, 'utf8'));
      case 'check':
        return checkCommand(args.slice(1), consoleIO);
      case 'screen':
      case 'import': {
        const config = loadConfig();
        const db = await openConfiguredDatabase(config);
        try {
          await migrate(db);
          if (command === 'import') return await importCommand(args.slice(1), consoleIO, db, config.databaseUrl);
          const status = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[2K${line}`) : undefined;
          return await screenCommand(args.slice(1), { ...consoleIO, ...(status ? { status } : {}) }, db);
        } finally {
          await db.close();
        }
      }
      case 'generate':
        return generateCommand(args.slice(1), consoleIO, async () => {
          const config = loadConfig();
          const db = await openConfiguredDatabase(config);
          await migrate(db);
          return { db, databaseUrl: config.databaseUrl };
        });
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(usage);
        return 0;
    }
    process.stderr.write(`未知命令：${args.join(' ')}\n${usage}`);
    return 2;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
