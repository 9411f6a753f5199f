/** The one-way architecture is enforced by lint: a wrong-direction import must fail. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImportErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('import direction', () => {
  const wrong: [string, string][] = [
    ['packages/engine/src/wrong.ts', "import { openDatabase } from '@wengang/db';\nexport const x = openDatabase;\n"],
    [
      'packages/engine/src/wrong.ts',
      "import { openDatabase } from '../../db/src/database';\nexport const x = openDatabase;\n",
    ],
    ['packages/engine/src/wrong.ts', "import Fastify from 'fastify';\nexport const x = Fastify;\n"],
    ['packages/engine/src/wrong.ts', "import pg from 'pg';\nexport const x = pg;\n"],
    ['packages/kernel/src/wrong.ts', "import { evaluate } from '@wengang/engine';\nexport const x = evaluate;\n"],
    ['policies/some-programme/wrong.ts', "import { migrate } from '@wengang/db';\nexport const x = migrate;\n"],
    [
      'policies/some-programme/wrong.ts',
      "import { listRegions } from '@wengang/kernel';\nexport const x = listRegions;\n",
    ],
    ['policies/some-programme/wrong.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['packages/workflow/src/wrong.ts', "import { buildServer } from '@wengang/api';\nexport const x = buildServer;\n"],
    ['apps/web/src/wrong.ts', "import { openDatabase } from '@wengang/db';\nexport const x = openDatabase;\n"],
  ];
  for (const [file, code] of wrong) {
    it(`rejects in ${file}: ${code.split('\n')[0]}`, async () => {
      assert.ok((await restrictedImportErrors(file, code)) > 0);
    });
  }

  const right: [string, string][] = [
    ['packages/engine/src/right.ts', "import { ancestorsOf } from '@wengang/kernel';\nexport const x = ancestorsOf;\n"],
    [
      'policies/some-programme/right.ts',
      "import { defineParameter } from '@wengang/engine';\nexport const x = defineParameter;\n",
    ],
    ['packages/workflow/src/right.ts', "import { evaluate } from '@wengang/engine';\nexport const x = evaluate;\n"],
  ];
  for (const [file, code] of right) {
    it(`allows in ${file}: ${code.split('\n')[0]}`, async () => {
      assert.equal(await restrictedImportErrors(file, code), 0);
    });
  }
});
