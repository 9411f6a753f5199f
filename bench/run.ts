/**
 * `npm run bench -- <name> [options]`: runs bench/<name>.ts. Each benchmark prints one JSON
 * object per figure: {"bench":…,"metric":…,"value":…,"unit":…}.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [name, ...args] = process.argv.slice(2);
const dir = import.meta.dirname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'report.ts'].includes(f) && !f.startsWith('support'))
  .map((f) => f.slice(0, -3));

if (!name || !existsSync(join(dir, `${name}.ts`))) {
  console.error(`用法：npm run bench -- <${available.join('|')}> [参数]`);
  process.exit(2);
}
const bench = (await import(join(dir, `${name}.ts`))) as { run(args: string[]): Promise<void> };
await bench.run(args);
