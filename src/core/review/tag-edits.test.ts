import { describe, expect, it } from 'vitest';
import { makeAnchor } from './anchor';
import { claimsWithEvidence } from './claim-status';
import { EditHistory } from './edit-history';
import {
  applyEdit,
  compareTags,
  linkEvidence,
  removeTag,
  setNote,
  tagSentence,
  unlinkEvidence,
  type EditContext,
  type TagEdit,
} from './tag-edits';
import type { Tag, TagKind } from './types';

const TEXT = 'The letter says troops will leave. Reuters confirmed it. The general denied it.';
const SENTENCES: [number, number][] = [
  [0, 34],
  [35, 56],
  [57, 79],
];

function context(): EditContext {
  let n = 0;
  return { author: 'Ana', now: '2026-01-01T00:00:00.000Z', newId: () => `tag-${++n}` };
}

function unwrap(
  result: { ok: true; value: TagEdit } | { ok: false; error: { message: string } },
): TagEdit {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function tag(
  tags: Tag[],
  sentence: number,
  kind: TagKind,
  ctx: EditContext,
  documentId = 'doc-a',
): Tag[] {
  const [start, end] = SENTENCES[sentence] ?? [0, 0];
  const edit = tagSentence(tags, { documentId, anchor: makeAnchor(TEXT, start, end), kind }, ctx);
  return applyEdit(tags, edit, 'forward');
}

describe('tagSentence', () => {
  it('creates a tag with the quote and context of the sentence', () => {
    const tags = tag([], 1, 'confirmation', context());
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({
      id: 'tag-1',
      kind: 'confirmation',
      author: 'Ana',
      anchor: {
        start: 35,
        end: 56,
        exact: 'Reuters confirmed it.',
        suffix: ' The general denied it.',
      },
    });
    expect(tags[0]?.anchor.prefix).toBe(' letter says troops will leave. ');
  });

  it('changes the kind of an already tagged sentence instead of adding a second tag', () => {
    const ctx = context();
    const tags = tag(tag([], 0, 'claim', ctx), 0, 'contradiction', ctx);
    expect(tags.map((t) => [t.id, t.kind])).toEqual([['tag-1', 'contradiction']]);
  });

  it('unlinks evidence from a claim that stops being a claim, and undo restores the links', () => {
    const ctx = context();
    let tags = tag(tag([], 0, 'claim', ctx), 1, 'confirmation', ctx);
    tags = applyEdit(tags, unwrap(linkEvidence(tags, 'tag-2', 'tag-1', ctx)), 'forward');
    const [start, end] = SENTENCES[0] ?? [0, 0];
    const demote = tagSentence(
      tags,
      { documentId: 'doc-a', anchor: makeAnchor(TEXT, start, end), kind: 'confirmation' },
      ctx,
    );
    const after = applyEdit(tags, demote, 'forward');
    expect(after.find((t) => t.id === 'tag-2')?.claimIds).toBeUndefined();
    expect(applyEdit(after, demote, 'back')).toEqual(tags);
  });
});

describe('links and claim status', () => {
  it('derives unverified → confirmed → contested as evidence is linked, across documents', () => {
    const ctx = context();
    let tags = tag([], 0, 'claim', ctx, 'doc-a');
    expect(claimsWithEvidence(tags)[0]?.status).toBe('unverified');
    tags = tag(tags, 1, 'confirmation', ctx, 'doc-b');
    tags = applyEdit(tags, unwrap(linkEvidence(tags, 'tag-2', 'tag-1', ctx)), 'forward');
    expect(claimsWithEvidence(tags)[0]?.status).toBe('confirmed');
    tags = tag(tags, 2, 'contradiction', ctx, 'doc-c');
    tags = applyEdit(tags, unwrap(linkEvidence(tags, 'tag-3', 'tag-1', ctx)), 'forward');
    const [claim] = claimsWithEvidence(tags);
    expect(claim?.status).toBe('contested');
    expect(claim?.forCount).toEqual({ tags: 1, documents: 1 });
    expect(claim?.againstCount).toEqual({ tags: 1, documents: 1 });
    tags = applyEdit(tags, unwrap(unlinkEvidence(tags, 'tag-2', 'tag-1', ctx)), 'forward');
    expect(claimsWithEvidence(tags)[0]?.status).toBe('contradicted');
  });

  it('refuses links that make no sense, in plain words', () => {
    const ctx = context();
    const tags = tag(tag([], 0, 'claim', ctx), 1, 'confirmation', ctx);
    const backwards = linkEvidence(tags, 'tag-1', 'tag-2', ctx);
    expect(backwards.ok).toBe(false);
    expect(!backwards.ok && backwards.error.message).toMatch(
      /Only a confirmation or a contradiction/,
    );
    const missing = linkEvidence(tags, 'tag-2', 'nope', ctx);
    expect(!missing.ok && missing.error.code).toBe('no-such-tag');
  });

  it('removing a claim removes the links to it', () => {
    const ctx = context();
    let tags = tag(tag([], 0, 'claim', ctx), 1, 'confirmation', ctx);
    tags = applyEdit(tags, unwrap(linkEvidence(tags, 'tag-2', 'tag-1', ctx)), 'forward');
    const removal = unwrap(removeTag(tags, 'tag-1', ctx));
    const after = applyEdit(tags, removal, 'forward');
    expect(after).toHaveLength(1);
    expect(after[0]?.claimIds).toBeUndefined();
    expect(applyEdit(after, removal, 'back')).toEqual(tags);
  });
});

describe('setNote', () => {
  it('sets, trims and clears a note', () => {
    const ctx = context();
    let tags = tag([], 0, 'claim', ctx);
    tags = applyEdit(tags, unwrap(setNote(tags, 'tag-1', '  Check the date.  ', ctx)), 'forward');
    expect(tags[0]?.note).toBe('Check the date.');
    tags = applyEdit(tags, unwrap(setNote(tags, 'tag-1', '', ctx)), 'forward');
    expect(tags[0]).not.toHaveProperty('note');
  });
});

describe('EditHistory', () => {
  it('undoes and redoes edits in order, and a new edit forgets redo', () => {
    const ctx = context();
    const history = new EditHistory();
    let tags: Tag[] = [];
    for (const [sentence, kind] of [
      [0, 'claim'],
      [1, 'confirmation'],
    ] as const) {
      const [start, end] = SENTENCES[sentence] ?? [0, 0];
      const edit = tagSentence(
        tags,
        { documentId: 'd', anchor: makeAnchor(TEXT, start, end), kind },
        ctx,
      );
      tags = applyEdit(tags, edit, 'forward');
      history.record(edit);
    }
    expect(history.next.undo).toBe('tag confirmation');
    tags = applyEdit(tags, history.takeUndo()!, 'back');
    expect(tags.map((t) => t.kind)).toEqual(['claim']);
    tags = applyEdit(tags, history.takeRedo()!, 'forward');
    expect(tags.map((t) => t.kind)).toEqual(['claim', 'confirmation']);
    tags = applyEdit(tags, history.takeUndo()!, 'back');
    history.record(unwrap(removeTag(tags, 'tag-1', ctx)));
    expect(history.takeRedo()).toBeUndefined();
  });
});

describe('applyEdit keeps the canonical order', () => {
  const DOCS = [`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`];
  const make = (id: string, doc: number, start: number): Tag => ({
    id,
    documentId: DOCS[doc] as string,
    kind: 'claim',
    anchor: { start, end: start + 3, exact: 'abc', prefix: '', suffix: '' },
    author: 'Ana',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  });

  it('gives the same list as sorting everything, for random edits of ordered and unordered lists', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const tags = Array.from({ length: random(40) }, (_, i) =>
        make(`t${i}`, random(2), random(50) * 10),
      );
      const ordered = round % 3 === 0 ? tags : [...tags].sort(compareTags);
      const patches = Array.from({ length: 1 + random(3) }, (_, i) => {
        const existing = ordered[random(ordered.length + 1)];
        const after =
          random(4) === 0
            ? undefined
            : make(existing?.id ?? `n${round}-${i}`, random(2), random(50) * 10);
        return {
          id: after?.id ?? existing?.id ?? `n${round}-${i}`,
          ...(existing ? { before: existing } : {}),
          ...(after ? { after } : {}),
        };
      });
      const edit = { label: 'random', patches };
      const expected = (() => {
        const states = new Map(patches.map((p) => [p.id, p.after]));
        const kept = ordered.filter((t) => !states.has(t.id));
        for (const t of states.values()) if (t) kept.push(t);
        return kept.sort(compareTags);
      })();
      expect(applyEdit(ordered, edit, 'forward')).toEqual(expected);
    }
  });

  it('checks the order again of a list it returned that was then changed in place', () => {
    const first = applyEdit(
      [make('a', 0, 10), make('b', 0, 20)],
      { label: 'x', patches: [{ id: 'c', after: make('c', 0, 30) }] },
      'forward',
    );
    first.push(make('d', 0, 0)); // out of order, behind applyEdit's back
    const next = applyEdit(
      first,
      { label: 'y', patches: [{ id: 'e', after: make('e', 1, 0) }] },
      'forward',
    );
    expect(next.map((t) => t.id)).toEqual(['d', 'a', 'b', 'c', 'e']);
  });
});
