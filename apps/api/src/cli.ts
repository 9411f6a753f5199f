/**
 * `npx wengang <command>`: serve, db migrate, and the rules-as-code commands.
 */
import { migrate } from '@wengang/db';
import { ConfigError, loadConfig } from './config';
import { openConfiguredDatabase, start } from './start';

const usage = `用法：npx wengang <命令>
  serve                 启动平台（API 与网页，端口 PORT，默认 3000）
  db migrate            执行数据库迁移
`;

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
