import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { parseIdList } from '../../src/filter/id-list.js';

const SAMPLE = ['106023', '113004', '113039', '302013', '302999', '303000', '716000', '716039', '716999', '717000', '722001'];
const selected = (list: string): string[] => SAMPLE.filter(parseIdList(list));

describe('parseIdList', () => {
  it('matches exact six-digit ids', () => {
    assert.deepEqual(selected('722001'), ['722001']);
    assert.deepEqual(selected(' 722001 '), ['722001']);
  });

  it('matches tags as copied from a log line', () => {
    for (const tag of ['ASA-4-722001', '%ASA-4-722001', '%FTD-6-722001', '%ASA-4-722001:', 'asa-4-722001', '%ASA-svc-4-722001', 'ASA-722001']) {
      assert.deepEqual(selected(tag), ['722001'], tag);
    }
  });

  it('matches ranges, inclusive, in either order', () => {
    assert.deepEqual(selected('716000-716999'), ['716000', '716039', '716999']);
    assert.deepEqual(selected('716999 - 716000'), ['716000', '716039', '716999']);
  });

  it('matches prefix globs and 3-digit classes', () => {
    assert.deepEqual(selected('113*'), ['113004', '113039']);
    assert.deepEqual(selected('7160*'), ['716000', '716039']);
    assert.deepEqual(selected('302'), ['302013', '302999']);
    assert.deepEqual(selected('*'), SAMPLE);
  });

  it('matches any item of a list', () => {
    assert.deepEqual(selected('722001,716000-716999,113*'), ['113004', '113039', '716000', '716039', '716999', '722001']);
    assert.deepEqual(selected('%FTD-6-302013, 106'), ['106023', '302013']);
  });

  it('never matches something that is not a six-digit id', () => {
    const test = parseIdList('*');
    for (const id of ['', '30201', '3020133', 'abcdef']) assert.equal(test(id), false, id);
  });

  it('rejects a bad item, naming the accepted forms', () => {
    const forms = 'use six digits (722001), a 3-digit class (302), a range (716000-716999), ' +
      'a prefix glob (113*), a tag (ASA-4-722001) or a comma list of these';
    assert.throws(() => parseIdList('7220'), new UsageError(`invalid message id "7220": ${forms}`));
    assert.throws(() => parseIdList('722001,x'), new UsageError(`invalid message id "x" in "722001,x": ${forms}`));
    for (const bad of ['', '722001,', '7220011', '1*3', '716000-7169', 'ASA-8-722001', 'IOS-4-722001', '302-303', '**']) {
      assert.throws(() => parseIdList(bad), UsageError, bad);
    }
  });
});
