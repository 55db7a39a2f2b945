import { describe, expect, it } from 'vitest';
import { tagOn, testDocument } from '../../../tests/support/review-builder';
import type { Tag } from '../review/types';
import { agreeingOrigins, gradeItem } from './grades';

const doc = testDocument(
  1,
  'a',
  'Troops will leave. Reuters confirmed it. Reuters repeated it. The Post confirmed it. Milley denied it.',
);
const claim = tagOn('claim', doc, 'Troops', 'claim');
const link = { claimIds: ['claim'] };
const reuters = tagOn('reuters', doc, 'confirmed it', 'confirmation', { ...link, sourceId: 'r' });
const again = tagOn('again', doc, 'repeated', 'confirmation', { ...link, sourceId: 'r' });
const post = tagOn('post', doc, 'Post', 'confirmation', { ...link, sourceId: 'p' });
const milley = tagOn('milley', doc, 'Milley', 'contradiction', { ...link, sourceId: 'm' });
const now = { now: '2024-06-01T00:00:00.000Z' };

describe('gradeItem', () => {
  it('refuses grade 1 when no other independent origin says the same', () => {
    const tags: Tag[] = [claim, reuters, again, milley];
    expect(agreeingOrigins(tags, 'reuters')).toBe(1);
    expect(gradeItem(tags, 'reuters', 1, now)).toEqual({
      ok: false,
      error: {
        code: 'not-confirmed',
        message:
          'Grade 1 (confirmed by other sources) needs another independent origin saying the same; link one, or choose grade 2 to 6.',
      },
    });
    expect(gradeItem(tags, 'milley', 1, now).ok).toBe(false);
  });

  it('allows grade 1 when a second independent origin agrees on the same claim and facet', () => {
    const tags: Tag[] = [claim, reuters, again, post, milley];
    expect(agreeingOrigins(tags, 'again')).toBe(2);
    expect(gradeItem(tags, 'again', 1, now)).toEqual({
      ok: true,
      value: {
        label: 'grade credibility 1',
        patches: [
          { id: 'again', before: again, after: { ...again, credibility: 1, modified: now.now } },
        ],
      },
    });
  });

  it('does not count agreement on the other facet', () => {
    const onSource = { ...post, facets: { claim: 'source' as const } };
    expect(agreeingOrigins([claim, reuters, onSource], 'reuters')).toBe(1);
  });

  it('grades 2 to 6 freely and clears a grade', () => {
    const graded = { ...reuters, credibility: 3 as const };
    expect(gradeItem([claim, reuters], 'reuters', 6, now).ok).toBe(true);
    expect(gradeItem([claim, graded], 'reuters', undefined, now)).toEqual({
      ok: true,
      value: {
        label: 'clear credibility',
        patches: [{ id: 'reuters', before: graded, after: { ...reuters, modified: now.now } }],
      },
    });
  });

  it('refuses claims and numbers off the scale', () => {
    expect(gradeItem([claim], 'claim', 2, now).ok).toBe(false);
    const off = gradeItem([claim, reuters], 'reuters', 7 as never, now);
    expect(off.ok ? '' : off.error.message).toBe(
      '7 is not a credibility grade; use a number from 1 to 6.',
    );
  });
});
