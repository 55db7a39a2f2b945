import { describe, expect, it } from 'vitest';
import type { AnnotationFile, IncomingAnnotation } from './incoming-file';
import { placeIncoming } from './place-incoming';

describe('placeIncoming', () => {
  it('places a file of 130,000 annotations on one document (more than a spread call can pass)', () => {
    const count = 130_000;
    const sentence = 'It rained. ';
    const text = sentence.repeat(count);
    const documentId = `sha256:${'a'.repeat(64)}`;
    const annotations: IncomingAnnotation[] = Array.from({ length: count }, (_, i) => ({
      index: i + 1,
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      source: documentId,
      kind: 'claim',
      quote: { exact: 'It rained.', prefix: '', suffix: '' },
      position: { start: i * sentence.length, end: i * sentence.length + 10 },
      author: 'amal',
      created: '2025-01-01T00:00:00.000Z',
      modified: '2025-01-01T00:00:00.000Z',
    }));
    const file: AnnotationFile = {
      format: 'crosscheck',
      documents: [
        {
          document: {
            id: documentId,
            title: 'Weather',
            fileName: 'weather.txt',
            encoding: 'utf-8',
            bom: false,
            lineEndings: 'none',
            originalSha256: documentId,
            imported: '2025-01-01T00:00:00.000Z',
          },
          text,
        },
      ],
      annotations,
      removed: [],
      skipped: [],
      warnings: [],
    };
    const review = {
      schemaVersion: 1 as const,
      id: '11111111-0000-4000-8000-000000000000',
      name: 'Weather',
      created: '2025-01-01T00:00:00.000Z',
      modified: '2025-01-01T00:00:00.000Z',
      reviewers: [],
      documents: [],
      tags: [],
      panes: [],
    };
    const placed = placeIncoming({ review, texts: new Map() }, file);
    if (!placed.ok) throw new Error(placed.error.message);
    expect(placed.value.placed).toHaveLength(count);
    expect(placed.value.placed.at(-1)?.version).toMatchObject({
      kind: 'claim',
      anchor: { start: (count - 1) * sentence.length, exact: 'It rained.' },
    });
  });
});
