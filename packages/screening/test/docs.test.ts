/** docs/data-import.md lists exactly the columns the importer reads. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { layoutsMarkdown } from '../src/import/docs';

it('docs/data-import.md has the column reference generated from the layouts', () => {
  const text = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'data-import.md'), 'utf8');
  const start = '<!-- generated: layouts (packages/screening/src/import/docs.ts) -->';
  const section = text.slice(text.indexOf(start) + start.length, text.indexOf('<!-- /generated -->')).trim();
  assert.equal(
    section,
    layoutsMarkdown().trim(),
    'regenerate the section: put the output of `npx wengang import --layouts` between the markers',
  );
});
