import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { programmes } from '@wengang/policies';
import { currentDoc, docPath, exampleCases } from '../../../scripts/evaluation-api-examples';

it('docs/evaluation-api.md has a current worked example for every programme', () => {
  assert.deepEqual(Object.keys(exampleCases).sort(), programmes.map((p) => p.id).sort());
  assert.equal(
    readFileSync(docPath, 'utf8'),
    currentDoc(),
    'run `npx tsx scripts/evaluation-api-examples.ts` and commit',
  );
});
