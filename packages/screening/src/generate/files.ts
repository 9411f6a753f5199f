/**
 * Writing a generated population as import files (one CSV per source, in the layouts' headers),
 * or keeping it in memory for tests; and loading it through the same import path operators use.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Database, Queryable } from '@wengang/db';
import { listRegions } from '@wengang/kernel';
import { importFile, type ImportReport } from '../import/import';
import { getLayout, LAYOUTS, type SourceId } from '../import/layouts';
import type { FundPosition } from '../programmes/common';
import {
  generatePopulation,
  type Cell,
  type PopulationOptions,
  type PopulationSummary,
  type RowSink,
} from './population';

/** The order sources must be imported in (units before the rows that name them). */
export const IMPORT_ORDER: readonly SourceId[] = [
  'units',
  'spells',
  'contributions',
  'registrations',
  'graduates',
  'epidemic-events',
  'tax-monthly',
  'annual-accounts',
  'person-registers',
  'benefit-standards',
  'benefit-records',
  'suspicious',
];

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (/[",\n\r]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

function headerLine(source: SourceId): string {
  return `${getLayout(source)!
    .fields.map((f) => f.header)
    .join(',')}\n`;
}

/** Buffered CSV files in a folder, one per source, each with its header row. */
export class CsvFolderSink implements RowSink {
  private readonly fds = new Map<SourceId, number>();
  private readonly buffers = new Map<SourceId, string[]>();
  private readonly sizes = new Map<SourceId, number>();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  write(source: SourceId, cells: readonly Cell[]): void {
    let buffer = this.buffers.get(source);
    if (!buffer) {
      this.fds.set(source, openSync(join(this.dir, `${source}.csv`), 'w'));
      buffer = [headerLine(source)];
      this.buffers.set(source, buffer);
      this.sizes.set(source, 0);
    }
    let line = csvCell(cells[0] ?? null);
    for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i] ?? null)}`;
    buffer.push(`${line}\n`);
    const size = this.sizes.get(source)! + 1;
    if (size >= 20_000) {
      this.flush(source);
      this.sizes.set(source, 0);
    } else {
      this.sizes.set(source, size);
    }
  }

  private flush(source: SourceId): void {
    const buffer = this.buffers.get(source)!;
    if (buffer.length === 0) return;
    writeSync(this.fds.get(source)!, buffer.join(''));
    buffer.length = 0;
  }

  close(): string[] {
    const files: string[] = [];
    for (const source of this.buffers.keys()) {
      this.flush(source);
      closeSync(this.fds.get(source)!);
      files.push(join(this.dir, `${source}.csv`));
    }
    return files;
  }
}

/** The whole population as CSV text per source (small populations, tests). */
export class MemorySink implements RowSink {
  readonly files = new Map<SourceId, string[]>();

  write(source: SourceId, cells: readonly Cell[]): void {
    let lines = this.files.get(source);
    if (!lines) {
      lines = [headerLine(source)];
      this.files.set(source, lines);
    }
    lines.push(`${cells.map(csvCell).join(',')}\n`);
  }

  text(source: SourceId): string | undefined {
    return this.files.get(source)?.join('');
  }
}

/** Generates into a folder of CSV files; returns the summary and the files written. */
export function generateFiles(options: PopulationOptions, dir: string): PopulationSummary & { files: string[] } {
  const sink = new CsvFolderSink(dir);
  const summary = generatePopulation(options, sink);
  return { ...summary, files: sink.close() };
}

/** The regions the kernel knows, inserted where missing (foreign keys of cases and the ledger). */
export async function ensureRegions(q: Queryable): Promise<void> {
  for (const r of listRegions()) {
    await q.query(
      `INSERT INTO regions (code, name, full_name, level, parent_code, official) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO NOTHING`,
      [r.code, r.name, r.fullName, r.level, r.parent, r.official],
    );
  }
}

/** Records the pooling areas' monthly fund positions in the ledger's monitoring table. */
export async function recordFundPositions(
  q: Queryable,
  positions: readonly FundPosition[],
  now = new Date(),
): Promise<void> {
  for (const p of positions) {
    await q.query(
      `INSERT INTO fund_monitoring (region_code, fund, month, balance_fen, avg_monthly_expenditure_fen, capacity_months, recorded_at)
       VALUES ($1, 'unemployment_insurance', $2, $3::bigint, $4::bigint, round($3::bigint::numeric / $4::bigint, 2), $5)
       ON CONFLICT (region_code, fund, month) DO UPDATE
         SET balance_fen = excluded.balance_fen, avg_monthly_expenditure_fen = excluded.avg_monthly_expenditure_fen,
             capacity_months = excluded.capacity_months`,
      [p.regionCode, p.month, p.balanceFen, p.avgMonthlyExpenditureFen, now],
    );
  }
}

export interface LoadOptions {
  databaseUrl?: string;
  actor?: string;
  /** Called after each file. */
  onFile?: (report: ImportReport) => void;
}

/**
 * Generates a population in memory and loads it through the import path (the same validation
 * and merge as operators' files), plus regions and fund positions. For small populations.
 */
export async function loadPopulation(
  db: Database,
  options: PopulationOptions,
  load: LoadOptions = {},
): Promise<{ summary: PopulationSummary; reports: ImportReport[] }> {
  const sink = new MemorySink();
  const summary = generatePopulation(options, sink);
  await ensureRegions(db);
  await recordFundPositions(db, summary.fund);
  const reports: ImportReport[] = [];
  for (const source of IMPORT_ORDER) {
    const text = sink.text(source);
    if (text === undefined) continue;
    const report = await importFile(db, {
      source,
      stream: Readable.from([Buffer.from(text)]),
      fileName: `${source}.csv`,
      ...(load.databaseUrl ? { databaseUrl: load.databaseUrl } : {}),
      actor: load.actor ?? 'generator',
      today: '2023-06-30',
    });
    if (report.status !== 'loaded') {
      const first = report.errors.slice(0, 5).map((e) => `第 ${e.line} 行 ${e.field}：${e.message}`);
      throw new Error(`generated ${source} did not load cleanly: ${first.join('; ')}`);
    }
    reports.push(report);
    load.onFile?.(report);
  }
  return { summary, reports };
}

export { LAYOUTS };
