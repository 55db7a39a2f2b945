import { describe, expect, it } from 'vitest';
import { reviewDocument, testDocument } from '../../../tests/support/review-builder';
import { metadataOf, setDocumentMetadata } from './document-metadata';

const document = reviewDocument(testDocument(1, 'iraq-letter', 'Text.'));

describe('setDocumentMetadata', () => {
  it('sets title, outlet, author, date and reference, trimmed', () => {
    const result = setDocumentMetadata([document], document.id, {
      title: '  US letter on   Iraq ',
      outlet: 'Reuters',
      author: ' Liz Sly ',
      date: '2020-01-06',
      reference: 'https://example.org/letter',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        before: document,
        after: {
          ...document,
          title: 'US letter on Iraq',
          outlet: 'Reuters',
          author: 'Liz Sly',
          date: '2020-01-06',
          reference: 'https://example.org/letter',
        },
      },
    });
    if (result.ok) {
      expect(metadataOf(result.value.after)).toEqual({
        title: 'US letter on Iraq',
        outlet: 'Reuters',
        author: 'Liz Sly',
        date: '2020-01-06',
        reference: 'https://example.org/letter',
      });
    }
  });

  it('removes an optional field set to empty and leaves fields not mentioned alone', () => {
    const withOutlet = { ...document, outlet: 'AP', date: '2020' };
    const result = setDocumentMetadata([withOutlet], document.id, { outlet: ' ' });
    expect(result.ok && result.value.after).toEqual({ ...document, date: '2020' });
  });

  it('refuses an empty title and an unknown document', () => {
    expect(setDocumentMetadata([document], document.id, { title: '  ' })).toEqual({
      ok: false,
      error: { code: 'empty-title', message: 'A document needs a title; type one in.' },
    });
    expect(setDocumentMetadata([document], 'sha256:x', { outlet: 'AP' }).ok).toBe(false);
  });
});
