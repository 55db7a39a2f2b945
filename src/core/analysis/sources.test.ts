import { describe, expect, it } from 'vitest';
import { editContext, NOW, tagOn, testDocument } from '../../../tests/support/review-builder';
import type { Source } from '../review/assessment';
import { attribute, gradeSource, matchSource } from './sources';

const first = testDocument(1, 'a', 'Reuters confirmed it. Milley denied it.');
const second = testDocument(2, 'b', 'Reuters reported it too.');
const reuters1 = tagOn('r1', first, 'Reuters', 'confirmation');
const milley = tagOn('m', first, 'Milley', 'contradiction');
const reuters2 = tagOn('r2', second, 'Reuters', 'confirmation');
const tags = [reuters1, milley, reuters2];

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('attribute', () => {
  it('adds a new source and points the tag at it', () => {
    const result = value(attribute({ tags }, 'r1', '  Reuters ', editContext()));
    expect(result).toEqual({
      edit: {
        label: 'attribute to Reuters',
        patches: [
          { id: 'r1', before: reuters1, after: { ...reuters1, sourceId: 'new-1', modified: NOW } },
        ],
      },
      sources: { before: [], after: [{ id: 'new-1', name: 'Reuters' }] },
      sourceId: 'new-1',
    });
  });

  it('reuses a source across documents, whatever the case or a leading “the”', () => {
    const sources: Source[] = [{ id: 's', name: 'Reuters' }];
    const result = value(attribute({ tags, sources }, 'r2', 'the REUTERS', editContext()));
    expect(result.sourceId).toBe('s');
    expect(result.sources.after).toEqual(sources);
    expect(result.edit.patches[0]?.after?.sourceId).toBe('s');
  });

  it('reuses a source by alias, and by a titled name or surname that fits one source only', () => {
    const sources: Source[] = [
      { id: 'milley', name: 'Gen. Mark Milley' },
      { id: 'esper', name: 'Mark Esper', aliases: ['Defense Secretary Esper'] },
    ];
    expect(matchSource(sources, 'defense secretary esper')).toEqual({
      source: sources[1],
      exact: true,
    });
    expect(matchSource(sources, 'General Milley')).toEqual({ source: sources[0], exact: false });
    expect(matchSource(sources, 'Milley')?.source.id).toBe('milley');
    expect(matchSource(sources, 'Mark')).toBeUndefined();
    const result = value(attribute({ tags, sources }, 'm', 'General Milley', editContext()));
    expect(result.sourceId).toBe('milley');
    expect(result.sources.after[0]).toEqual({
      id: 'milley',
      name: 'Gen. Mark Milley',
      aliases: ['General Milley'],
    });
  });

  it('clears an attribution and drops a source nothing else uses and nobody graded', () => {
    const attributed = { ...milley, sourceId: 'typo' };
    const sources: Source[] = [
      { id: 'typo', name: 'Milly' },
      { id: 'kept', name: 'Graded', reliability: 'B' },
    ];
    const result = value(
      attribute({ tags: [reuters1, attributed], sources }, 'm', '', editContext()),
    );
    expect(result.edit).toEqual({
      label: 'clear attribution',
      patches: [{ id: 'm', before: attributed, after: { ...milley, modified: NOW } }],
    });
    expect(result.sources).toEqual({ before: sources, after: [sources[1]] });
    expect(result.sourceId).toBeUndefined();
  });

  it('keeps a source that another tag still uses', () => {
    const sources: Source[] = [{ id: 's', name: 'Reuters' }];
    const both = [
      { ...reuters1, sourceId: 's' },
      { ...reuters2, sourceId: 's' },
    ];
    const result = value(attribute({ tags: both, sources }, 'r1', 'AP', editContext()));
    expect(result.sources.after).toEqual([sources[0], { id: 'new-1', name: 'AP' }]);
  });

  it('refuses an unknown tag', () => {
    expect(attribute({ tags }, 'gone', 'AP', editContext()).ok).toBe(false);
  });
});

describe('gradeSource', () => {
  const sources: Source[] = [
    { id: 'a', name: 'Reuters' },
    { id: 'b', name: 'Blog', reliability: 'E' },
  ];
  it('grades a source A–F and clears a grade', () => {
    expect(gradeSource(sources, 'a', 'B')).toEqual({
      ok: true,
      value: {
        before: sources,
        after: [{ id: 'a', name: 'Reuters', reliability: 'B' }, sources[1]],
      },
    });
    expect(value(gradeSource(sources, 'b', undefined)).after[1]).toEqual({ id: 'b', name: 'Blog' });
  });

  it('refuses an unknown source or a grade off the scale', () => {
    expect(gradeSource(sources, 'x', 'A').ok).toBe(false);
    const bad = gradeSource(sources, 'a', 'G' as never);
    expect(bad.ok ? '' : bad.error.message).toBe(
      '“G” is not a reliability grade; use a letter from A to F.',
    );
  });
});
