// Child process of durability.test.ts: makes DURABILITY_EDITS edits one after another on a fresh
// review in the data folder given as its argument, and writes `ack <n> <what>` to stdout as soon
// as edit n is acknowledged. The test kills it at a random moment and inspects the folder.
import { createBackend } from '../../src/main/compose';
import type { Problem, Result } from '../../src/core/result';
import {
  DURABILITY_EDITS,
  DURABILITY_SENTENCE_TEXTS,
  DURABILITY_TEXT,
  applyPlanned,
  describeEdit,
  planEdit,
  type PlanState,
} from './durability-plan';

function unwrap<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: durability-worker.ts DATA_DIR');

const backend = await createBackend({ dataDir, author: 'durability-worker' });
const service = backend.service;
const reviewId = unwrap(await service.createReview({ name: 'Durability' })).id;
const added = unwrap(
  await service.addDocument({
    reviewId,
    fileName: 'durability-log.txt',
    bytes: new TextEncoder().encode(DURABILITY_TEXT),
  }),
);
const documentId = added.document.id;
const { text, sentences } = unwrap(await service.getDocumentText({ documentId }));
const spans: { start: number; end: number }[] = [];
for (let i = 0; i < sentences.length; i += 2) {
  spans.push({ start: sentences[i] as number, end: sentences[i + 1] as number });
}
const quotes = spans.map((s) => text.slice(s.start, s.end));
if (JSON.stringify(quotes) !== JSON.stringify(DURABILITY_SENTENCE_TEXTS)) {
  throw new Error(`unexpected segmentation: ${JSON.stringify(quotes.slice(0, 3))}…`);
}
process.stdout.write(`ready ${reviewId}\n`);

const state: PlanState = new Map();
const tagIds = new Map<number, string>();
for (let n = 1; n <= DURABILITY_EDITS; n++) {
  const edit = planEdit(state, n);
  const span = spans[edit.sentence] as { start: number; end: number };
  const tagId = tagIds.get(edit.sentence) ?? '';
  if (edit.op === 'tag') {
    const tagged = unwrap(
      await service.tagSentence({ reviewId, documentId, ...span, kind: edit.kind }),
    );
    tagIds.set(edit.sentence, tagged.tagId);
  } else if (edit.op === 'remove') {
    unwrap(await service.removeTag({ reviewId, tagId }));
    tagIds.delete(edit.sentence);
  } else {
    unwrap(await service.setNote({ reviewId, tagId, note: edit.note }));
  }
  applyPlanned(state, edit);
  process.stdout.write(`ack ${n} ${describeEdit(edit)}\n`);
}
await backend.close();
process.stdout.write('done\n');
