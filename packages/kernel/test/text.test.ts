import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charLength, compactIdentifier, toHalfWidth } from '../src/text';

describe('text clean-up', () => {
  it('turns full-width ASCII and the ideographic space half-width', () => {
    assert.equal(toHalfWidth('０１２３ＡＢＣｘ－（）\u3000'), '0123ABCx-() ');
    assert.equal(toHalfWidth('聊城市'), '聊城市');
  });
  it('removes all whitespace from identifiers', () => {
    assert.equal(compactIdentifier(' 9135 0100\tM000\u3000100Y43\n'), '91350100M000100Y43');
  });
  it('counts code points', () => {
    assert.equal(charLength('聊城'), 2);
    assert.equal(charLength('𠀀a'), 2);
  });
});
