/** Runs every programme's cases (policies/<id>/cases/*.json) through the engine. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCase, type PolicyCase } from '@wengang/engine';
import { programmes, registry } from './index';

const root = import.meta.dirname;

for (const programme of programmes) {
  describe(`cases of ${programme.id} ${programme.name}`, () => {
    const dir = join(root, programme.id, 'cases');
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
    it('has at least one case', () => assert.ok(files.length > 0, `${dir} has no cases`));
    for (const file of files) {
      const policyCase = JSON.parse(readFileSync(join(dir, file), 'utf8')) as PolicyCase;
      it(`${file}: ${policyCase.name}`, () => {
        const result = checkCase(registry, policyCase);
        assert.ok(result.ok, result.failures.join('\n'));
      });
    }
  });
}
