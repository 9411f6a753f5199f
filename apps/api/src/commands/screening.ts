/**
 * `wengang screen | import | generate`: 免申即享 screening from the command line — run a screening
 * job with a progress bar and time estimate (Ctrl-C cancels after the current county; running the
 * same command again continues), import a data file with its line-by-line report, and generate a
 * synthetic population as import files or straight into the database.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '@wengang/db';
import { fenToYuanString } from '@wengang/kernel';
import {
  cancelRun,
  createRun,
  ensureRegions,
  generateFiles,
  IMPORT_ORDER,
  importFile,
  importFiles,
  ImportError,
  LAYOUTS,
  layoutsMarkdown,
  listRuns,
  recordFundPositions,
  RunBusyError,
  runSummary,
  ScreeningError,
  screeningProgrammes,
  workOnRun,
  type ImportReport,
  type Progress,
} from '@wengang/screening';
import type { CommandIO } from './check';

export interface ScreeningIO extends CommandIO {
  /** Rewrites the current status line (a terminal); absent: progress is printed as lines. */
  status?: (line: string) => void;
}

const screenUsage = `用法：npx wengang screen --programme <项目> --region <区划> --period <期间> [--decision-date YYYY-MM-DD] [--no-handover]
       npx wengang screen --list | --cancel <任务编号>
项目：${screeningProgrammes.map((p) => `${p.id}（${p.name}）`).join('、')}
期间：2022 | 2022-01..2022-06 | 2022-01-01..2022-12-31（决定日期默认为期间最后一天，亦作数据下发日期）`;

/** `2022`, `2022-03`, `2022-01..2022-06`, `2022-01-01..2022-12-31` → an inclusive date range. */
export function parsePeriod(text: string): { from: string; until: string } | undefined {
  const parts = text.split('..');
  const a = parts[0]!;
  const b = parts[1] ?? a;
  const start = (s: string) => (/^\d{4}$/.test(s) ? `${s}-01-01` : /^\d{4}-\d{2}$/.test(s) ? `${s}-01` : s);
  const end = (s: string) => {
    if (/^\d{4}$/.test(s)) return `${s}-12-31`;
    if (/^\d{4}-\d{2}$/.test(s)) {
      const last = new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)), 0)).getUTCDate();
      return `${s}-${String(last).padStart(2, '0')}`;
    }
    return s;
  };
  const from = start(a);
  const until = end(b);
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  return iso.test(from) && iso.test(until) && from <= until ? { from, until } : undefined;
}

const yuan = (fen: number) => `${fenToYuanString(fen)} 元`;

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} 秒`;
  const m = Math.floor(seconds / 60);
  return `${m} 分 ${Math.round(seconds - m * 60)} 秒`;
}

/** One progress line: a bar, the counts, the time used and the estimate. */
export function progressLine(p: Progress): string {
  const phase = { prepare: '跨区域比对', screen: '逐县筛查', handover: '移交审核', done: '完成', cancelled: '已取消' }[
    p.phase
  ];
  const ratio =
    p.phase === 'handover'
      ? p.handedOver / Math.max(1, p.handedOver + p.payable)
      : p.unitsTotal === 0
        ? 1
        : p.unitsDone / p.unitsTotal;
  const width = 24;
  const filled = Math.round(ratio * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const counts =
    p.phase === 'handover'
      ? `已移交 ${p.handedOver} 件，待移交 ${p.payable} 件`
      : `${p.chunksDone}/${p.chunksTotal} 县（市、区） · 已发现 ${p.found} 户 ${yuan(p.foundFen)}`;
  const eta = p.eta === null ? '' : ` · 预计剩余 ${duration(p.eta)}`;
  return `${phase} [${bar}] ${Math.round(ratio * 100)}% ${counts} · 已用 ${duration(p.elapsed)}${eta}`;
}

export async function screenCommand(args: string[], io: ScreeningIO, db: Database): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        programme: { type: 'string' },
        region: { type: 'string' },
        period: { type: 'string' },
        'decision-date': { type: 'string' },
        'no-handover': { type: 'boolean' },
        list: { type: 'boolean' },
        cancel: { type: 'string' },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${screenUsage}`);
    return 2;
  }
  if (values.list) {
    for (const r of await listRuns(db)) {
      io.out(
        `${r.id}  ${r.programme}  ${r.regionCode}  ${r.periodFrom}..${r.periodUntil}  ${r.status}  ${r.chunksDone}/${r.chunksTotal}  发现 ${r.found} 户 ${yuan(r.foundFen)}  移交 ${r.handedOver}`,
      );
    }
    return 0;
  }
  if (values.cancel) {
    const run = await cancelRun(db, values.cancel);
    if (!run) return fail(io, `筛查任务 ${values.cancel} 不存在`);
    io.out(run.status === 'cancelled' ? '已取消' : '已请求取消：正在执行的进程完成当前县（市、区）后停止');
    return 0;
  }
  const period = values.period ? parsePeriod(values.period) : undefined;
  if (!values.programme || !values.region || !period) {
    io.err(screenUsage);
    return 2;
  }
  try {
    const { run, created } = await createRun(db, {
      programme: values.programme,
      region: values.region,
      period,
      ...(values['decision-date'] ? { decisionDate: values['decision-date'] } : {}),
      actor: 'cli',
    });
    io.out(
      `${created ? '新建' : run.status === 'completed' ? '已完成的' : '继续'}筛查任务 ${run.id}：${run.programme} ${run.regionCode} ${run.periodFrom} 至 ${run.periodUntil}（决定日期 ${run.decisionDate}，${run.chunksTotal} 个县（市、区），${run.unitsTotal} 个参保单位）`,
    );
    for (const note of run.parameters.notes) io.out(`注意：${note}`);
    let last = 0;
    const onProgress = (p: Progress) => {
      const line = progressLine(p);
      if (io.status) io.status(line);
      else if (p.phase !== 'screen' && p.phase !== 'handover') io.out(line);
      else if (performance.now() - last > 1000) {
        io.out(line);
        last = performance.now();
      }
    };
    const stop = () => void cancelRun(db, run.id);
    process.once('SIGINT', stop);
    let finished;
    try {
      finished = await workOnRun(db, run.id, { handover: !values['no-handover'], onProgress });
    } finally {
      process.removeListener('SIGINT', stop);
      io.status?.('');
    }
    const s = await runSummary(db, finished.id);
    io.out(`状态：${finished.status}${finished.status === 'cancelled' ? '（再次执行同一命令可继续）' : ''}`);
    io.out(`发现符合条件 ${s.found.count} 户，金额 ${yuan(s.found.fen)}`);
    io.out(`  已移交审核 ${s.handedOver.count} 户 ${yuan(s.handedOver.fen)}；待移交 ${s.payable.count} 户`);
    for (const q of s.queued) io.out(`  暂不能发放（${q.label}）${q.count} 户 ${yuan(q.fen)}`);
    for (const c of s.cases) io.out(`  案件${c.label} ${c.count} 件 ${yuan(c.fen)}`);
    io.out(`  已拨付 ${s.paid.count} 户 ${yuan(s.paid.fen)}`);
    return finished.status === 'completed' || finished.status === 'handover' ? 0 : 1;
  } catch (error) {
    if (error instanceof RunBusyError || error instanceof ScreeningError) return fail(io, error.message);
    throw error;
  }
}

const importUsage = `用法：npx wengang import <数据来源> <文件.csv|文件.xlsx> [--load-valid] [--encoding utf-8|gb18030]
       npx wengang import --layouts   （各数据来源的列说明，Markdown，即 docs/data-import.md 的列参考）
数据来源：${LAYOUTS.map((l) => `${l.id}（${l.title}）`).join('、')}
一个文件中有错误行时默认不导入任何行，只列出错误；--load-valid 导入其中的正确行。`;

export async function importCommand(
  args: string[],
  io: CommandIO,
  db: Database,
  databaseUrl: string | undefined,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'load-valid': { type: 'boolean' }, encoding: { type: 'string' }, layouts: { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${importUsage}`);
    return 2;
  }
  if (parsed.values.layouts) {
    io.out(layoutsMarkdown());
    return 0;
  }
  const [source, file] = parsed.positionals;
  const encoding = parsed.values.encoding ?? 'utf-8';
  if (!source || !file || (encoding !== 'utf-8' && encoding !== 'gb18030')) {
    io.err(importUsage);
    return 2;
  }
  try {
    const report = await importFile(db, {
      source,
      path: resolve(file),
      encoding,
      loadValid: parsed.values['load-valid'] === true,
      actor: 'cli',
      ...(databaseUrl ? { databaseUrl } : {}),
    });
    printImportReport(io, report);
    return report.status === 'rejected' ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportError) return fail(io, error.message);
    throw error;
  }
}

/** One file's outcome, its first 50 bad rows and its unknown columns, in Chinese. */
function printImportReport(io: CommandIO, report: ImportReport): void {
  const verdict = { loaded: '已全部导入', partial: '已导入正确行', rejected: '有错误行，未导入任何行' }[report.status];
  io.out(
    `${report.title} ${report.fileName}：${verdict}。共 ${report.rowsTotal} 行，错误 ${report.rowsInvalid} 行；新增 ${report.inserted}，更新 ${report.updated}，未变 ${report.unchanged}（${report.seconds.toFixed(1)} 秒，${Math.round(report.rowsTotal / Math.max(report.seconds, 0.001))} 行/秒）`,
  );
  if (report.tasksOpened !== undefined) io.out(`开立疑点核实任务 ${report.tasksOpened} 项`);
  for (const e of report.errors.slice(0, 50))
    io.out(`  第 ${e.line} 行 ${e.field}${e.value ? `“${e.value}”` : ''}：${e.message}`);
  if (report.errors.length > 50)
    io.out(`  ……其余错误见导入批次 ${report.batchId}（共 ${report.rowsInvalid} 行有错误）`);
  if (report.ignoredColumns.length) io.out(`未识别的列（已忽略）：${report.ignoredColumns.join('、')}`);
}

const generateUsage = `用法：npx wengang generate --enterprises N --persons M [--seed S] [--region 371500] [--out 目录 | --load]
按可复现的随机数生成合成数据：--out 写出各数据来源的 CSV 导入文件（默认 data/generated），--load 经导入流程直接装入数据库。`;

export async function generateCommand(
  args: string[],
  io: CommandIO,
  open: () => Promise<{ db: Database; databaseUrl: string | undefined }>,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        enterprises: { type: 'string' },
        persons: { type: 'string' },
        seed: { type: 'string' },
        region: { type: 'string' },
        out: { type: 'string' },
        load: { type: 'boolean' },
        profile: { type: 'string' },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${generateUsage}`);
    return 2;
  }
  const enterprises = Number(values.enterprises);
  const persons = Number(values.persons);
  if (!Number.isSafeInteger(enterprises) || !Number.isSafeInteger(persons) || enterprises < 1 || persons < 0) {
    io.err(generateUsage);
    return 2;
  }
  const dir = resolve(values.out ?? join('data', 'generated'));
  const t = performance.now();
  const summary = generateFiles(
    {
      enterprises,
      persons,
      ...(values.seed ? { seed: Number(values.seed) } : {}),
      ...(values.region ? { region: values.region } : {}),
      ...(values.profile === 'edge' ? { profile: 'edge' as const } : {}),
    },
    dir,
  );
  io.out(
    `已生成 ${summary.units} 个参保单位、${summary.persons} 名参保人员（${summary.spells} 段参保记录、${summary.graduates} 名高校毕业生），用时 ${((performance.now() - t) / 1000).toFixed(1)} 秒：${dir}`,
  );
  for (const [source, n] of Object.entries(summary.rows)) io.out(`  ${source}.csv  ${n} 行`);
  if (!values.load) return 0;
  const { db, databaseUrl } = await open();
  try {
    await ensureRegions(db);
    await recordFundPositions(db, summary.fund);
    const present = new Set(readdirSync(dir));
    const files = IMPORT_ORDER.filter((source) => present.has(`${source}.csv`)).map((source) => ({
      source,
      path: join(dir, `${source}.csv`),
    }));
    try {
      // on a server two files load at once (the units first): see importFiles
      const reports = await importFiles(db, files, {
        actor: 'cli',
        ...(databaseUrl ? { databaseUrl } : {}),
        onReport: (report) => printImportReport(io, report),
      });
      return reports.length === files.length && reports.every((r) => r.status !== 'rejected') ? 0 : 1;
    } catch (error) {
      if (error instanceof ImportError) return fail(io, error.message);
      throw error;
    }
  } finally {
    await db.close();
  }
}

function fail(io: CommandIO, message: string): number {
  io.err(message);
  return 1;
}
