/**
 * `npx wengang audit verify`: seals the entries of finished transactions (as the server does),
 * then recomputes the audit log's hash chain from the first entry and prints one Chinese line;
 * exit code 0 when the chain is intact, 1 when an entry was altered, deleted or inserted directly
 * in the database (or the log cannot be read).
 */
import type { Database } from '@wengang/db';
import { sealAuditLog, verifyAuditChain } from '@wengang/workflow';
import type { CommandIO } from './check';

export async function auditVerifyCommand(db: Database, io: CommandIO): Promise<number> {
  const { rows } = await db.query<{ exists: boolean }>(`SELECT to_regclass('audit_log') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) {
    io.err('审计日志校验失败：数据库中没有审计日志表（请先执行 npx wengang db migrate）');
    return 1;
  }
  await sealAuditLog(db);
  const result = await verifyAuditChain(db);
  const pending = result.pending ? `（另有 ${result.pending} 条属于尚未结束的事务，结束后封存）` : '';
  if (result.ok) {
    io.out(`审计日志校验通过：共 ${result.checked} 条记录，哈希链完整${pending}`);
    return 0;
  }
  io.err(
    `审计日志校验失败：哈希链在第 ${result.brokenAt} 号记录处断开，${result.reason ?? '与哈希链不符'}；此前 ${result.checked} 条记录完好`,
  );
  return 1;
}
