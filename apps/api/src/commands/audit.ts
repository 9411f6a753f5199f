/**
 * `npx wengang audit verify`: recomputes the audit log's hash chain from the first row and prints
 * one Chinese line; exit code 0 when the chain is intact, 1 when a row was altered, deleted or
 * inserted directly in the database (or the log cannot be read).
 */
import type { Queryable } from '@wengang/db';
import { verifyAuditChain } from '@wengang/workflow';
import type { CommandIO } from './check';

export async function auditVerifyCommand(db: Queryable, io: CommandIO): Promise<number> {
  const { rows } = await db.query<{ exists: boolean }>(`SELECT to_regclass('audit_log') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) {
    io.err('审计日志校验失败：数据库中没有审计日志表（请先执行 npx wengang db migrate）');
    return 1;
  }
  const result = await verifyAuditChain(db);
  if (result.ok) {
    io.out(`审计日志校验通过：共 ${result.checked} 条记录，哈希链完整`);
    return 0;
  }
  io.err(
    `审计日志校验失败：哈希链在第 ${result.brokenAt} 号记录处断开，${result.reason ?? '与哈希链不符'}；此前 ${result.checked} 条记录完好`,
  );
  return 1;
}
