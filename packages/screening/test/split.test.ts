/**
 * Cutting a CSV file into ranges for a parallel reading: every range starts at a record, together
 * they hold every record after the header, and a file quoted before a cut is never cut.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CsvSplitter } from '../src/import/readers';
import { planSplit } from '../src/import/split';

const dir = mkdtempSync(join(tmpdir(), 'wengang-split-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The records of bytes, each as its cells joined by '|'. */
function records(bytes: Buffer, fromStart: boolean): string[] {
  const out: string[] = [];
  const splitter = new CsvSplitter(
    (_line, buf, starts, ends, cells) => {
      const c: string[] = [];
      for (let i = 0; i < cells; i++) c.push(buf.toString('utf8', starts[i], ends[i]));
      out.push(c.join('|'));
    },
    { fromStart },
  );
  splitter.push(bytes);
  splitter.end();
  return out;
}

const rows = Array.from({ length: 5000 }, (_, i) => `${i},单位${i},${i % 7 === 0 ? '' : 'x'.repeat(i % 13)}`);

describe('cutting a file for a parallel reading', () => {
  it('cuts after newlines into ranges that hold every record after the header, BOM and CRLF included', async () => {
    const text = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(['编号,名称,备注', ...rows].join('\r\n')),
    ]);
    const path = file('plain.csv', text);
    for (const parts of [2, 3, 7]) {
      const plan = (await planSplit(path, parts, 0))!;
      assert.ok(plan, `cut into ${parts}`);
      assert.deepEqual(plan.header, ['编号', '名称', '备注']);
      assert.equal(plan.ranges.length, parts);
      assert.equal(plan.ranges.at(-1)![1], text.length);
      for (let i = 1; i < plan.ranges.length; i++) {
        assert.equal(plan.ranges[i]![0], plan.ranges[i - 1]![1], 'ranges follow one another');
        assert.equal(text[plan.ranges[i]![0] - 1], 10, 'a range starts after a newline');
      }
      const read = plan.ranges.flatMap(([s, e]) => records(text.subarray(s, e), false));
      assert.deepEqual(read, records(text, true).slice(1));
    }
  });

  it('does not cut a file with a quote before the last cut, nor a small one', async () => {
    const quotedEarly = file('quoted.csv', ['编号,名称,备注', '1,"单位,甲",', ...rows].join('\n'));
    assert.equal(await planSplit(quotedEarly, 2, 0), undefined);
    const quotedHeader = file('quoted-header.csv', ['"编号",名称,备注', ...rows].join('\n'));
    assert.equal(await planSplit(quotedHeader, 2, 0), undefined);
    // a quote after the last cut is read by that range's own splitter
    const quotedLate = file('quoted-late.csv', ['编号,名称,备注', ...rows, '9999,"单位\n乙",'].join('\n'));
    const plan = (await planSplit(quotedLate, 2, 0))!;
    assert.ok(plan);
    const text = readFileSync(quotedLate);
    const read = plan.ranges.flatMap(([s, e]) => records(text.subarray(s, e), false));
    assert.deepEqual(read.at(-1), '9999|单位\n乙|');
    assert.equal(read.length, rows.length + 1);

    const plain = file('small.csv', ['编号,名称,备注', ...rows].join('\n'));
    assert.equal(await planSplit(plain, 2), undefined, 'under the threshold');
    assert.equal(await planSplit(plain, 1, 0), undefined, 'one thread');
    assert.equal(await planSplit(file('header-only.csv', '编号,名称,备注\n'), 2, 0), undefined);
  });
});
