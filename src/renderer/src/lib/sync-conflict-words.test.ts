import { expect, it } from 'vitest';
import { makeAnchor } from '../../../core/review/anchor';
import type { Tag } from '../../../core/review/types';
import type { SyncConflict } from '../../../core/sync/sync-conflict';
import { conflictFieldName, conflictKey, describeVersion } from './sync-conflict-words';

const TEXT = 'The mayor denied it. Two witnesses saw smoke.';
const claim: Tag = {
  id: 'c1',
  documentId: 'd1',
  kind: 'claim',
  anchor: makeAnchor(TEXT, 0, 20),
  author: 'Ana',
  created: 't0',
  modified: 't0',
};
const review = { tags: [claim], sources: [{ id: 's1', name: 'Reuters', aliases: [] }] };
const on = (field: string): SyncConflict =>
  ({ target: 'tag', tagId: 'e1', field, values: [] }) as unknown as SyncConflict;

it('says each version of a tag field in plain words', () => {
  expect(describeVersion(on('kind'), 'confirmation', review)).toBe('Confirmation');
  expect(describeVersion(on('kind'), 'nonsense', review)).toBe('an unknown kind');
  expect(describeVersion(on('note'), 'check the date', review)).toBe('note “check the date”');
  expect(describeVersion(on('note'), null, review)).toBe('no note');
  expect(describeVersion(on('claimIds'), ['c1'], review)).toBe('linked to “The mayor denied it.”');
  expect(describeVersion(on('claimIds'), ['gone'], review)).toBe(
    'linked to a claim not in this review',
  );
  expect(describeVersion(on('claimIds'), null, review)).toBe('not linked to a claim');
  expect(describeVersion(on('facets'), { c1: 'source' }, review)).toBe(
    'source of “The mayor denied it.”',
  );
  expect(describeVersion(on('sourceId'), 's1', review)).toBe('said by Reuters');
  expect(describeVersion(on('sourceId'), null, review)).toBe('no one named');
  expect(describeVersion(on('removed'), true, review)).toBe('removed');
  expect(conflictFieldName(on('claimIds'))).toBe('links to claims');
  expect(conflictKey(on('kind'))).toBe('sync:e1:kind');
});

it('shows bidi controls of a teammate’s note instead of obeying them', () => {
  const words = describeVersion(on('note'), 'a\u202Eevil', review);
  expect(words).not.toContain('\u202E');
});
