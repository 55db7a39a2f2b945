// A realistic pair of annotation files for checking the whole merge pipeline byte for byte: two
// reviewers' copies of an assessed review (facets, attributed and graded sources, credibility,
// judgements, dismissals), a third document in Greek and emoji (surrogate pairs, so positions in
// code points differ from UTF-16 offsets), links across documents, notes, removals on both sides,
// and an annotation in B's file that can no longer be placed (an orphan).
import { exportAnnotationFile } from '../../src/core/annotations/export-annotations';
import { reviewFromFile } from '../../src/core/annotations/import-annotations';
import { mergeReviewFile } from '../../src/core/annotations/merge-review-file';
import { parseAnnotationJson } from '../../src/core/annotations/parse-annotations';
import { assessedReview } from './assessed-review';
import { TEST_GENERATOR } from './test-reviews';

/** Greek prose with emoji: surrogate pairs before, inside and after tagged sentences. */
const EMOJI_TEXT = [
  'Η γέφυρα 🌉 άνοιξε το 1890. Κόστισε τέσσερα εκατομμύρια λίρες 💷.',
  'Οι μηχανικοί 👷‍♀️ λένε ότι είναι ασφαλής σήμερα. «Θα αντέξει έναν αιώνα», είπαν.',
  'Ένα γράμμα του 1931 λέει εννέα εκατομμύρια 😮. Δεν στάλθηκε ποτέ.',
].join('\n');

/** Reviewer A's file and reviewer B's, as `crosscheck merge A B` reads them. */
export function mergePair(): { fileA: string; fileB: string } {
  const { reviewer: amal, ids } = assessedReview();
  const greek = amal.addDocument('Γέφυρα 🌉', EMOJI_TEXT);
  const opened = amal.tag(greek, 'άνοιξε', 'claim');
  amal.note(opened, 'Σημείωση: ελέγξτε τα πρακτικά — “quoted” \\ back\u0001slash');
  const cost = amal.tag(greek, 'Κόστισε', 'confirmation');
  amal.link(cost, ids.claim); // across documents
  amal.link(cost, opened);
  amal.facet(cost, opened, 'source');
  const letter = amal.tag(greek, 'γράμμα', 'contradiction');
  amal.link(letter, ids.claim);
  amal.grade(letter, 5);
  const bo = amal.copyFor('bo');
  // A's side after the copy: a note edited, a tag removed, a new tag.
  amal.note(ids.contradiction, 'Amal: the letter is from the archive.');
  amal.remove(ids.confirmation);
  const safe = amal.tag(greek, 'ασφαλής', 'confirmation');
  amal.link(safe, ids.safe);
  // B's side: another note on the same tag (a conflict), a removal, new tags with links.
  bo.note(ids.contradiction, 'Bo: the letter was never sent.');
  bo.remove(letter);
  const century = bo.tag(greek, 'αιώνα', 'confirmation');
  bo.link(century, ids.safe);
  bo.attribute(century, 'Ομάδα μηχανικών');
  bo.grade(century, 2);
  bo.judge(opened, { verdict: 'likely', confidence: 'high', rationale: 'Χρονολόγιο 📅.' });
  bo.dismiss(opened, greek, 'ποτέ');
  return { fileA: amal.exportFile(), fileB: withOrphan(bo.exportFile(), century) };
}

/**
 * The file with one annotation's quote changed to words the text does not hold, and its position
 * left out: an import cannot place it, so it becomes an orphan.
 */
function withOrphan(file: string, tagId: string): string {
  const data = JSON.parse(file) as {
    first: {
      items: {
        id: string;
        target: { selector: { type: string; exact?: string }[] };
      }[];
    };
  };
  const item = data.first.items.find((a) => a.id === `urn:uuid:${tagId}`);
  if (!item) throw new Error(`no annotation ${tagId}`);
  const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
  if (quote) quote.exact = 'Μια πρόταση που δεν υπάρχει πια 🫥.';
  item.target.selector = item.target.selector.filter((s) => s.type !== 'TextPositionSelector');
  (item as Record<string, unknown>)['crosscheck:orphan'] = 'its sentence was rewritten';
  return JSON.stringify(data, null, 2);
}

/**
 * What `crosscheck merge A B -o OUT` writes, in memory: both files parsed and validated, A as a
 * review, B merged into it, the result exported (as the merge bench does).
 */
export function mergeFiles(fileA: string, fileB: string): string {
  const a = unwrap(parseAnnotationJson(fileA));
  const b = unwrap(parseAnnotationJson(fileB));
  const base = unwrap(reviewFromFile(a));
  const into = { review: base.review, texts: base.newTexts, sharing: base.sharing };
  const merged = unwrap(mergeReviewFile(into, b));
  const texts = new Map([...base.newTexts, ...merged.newTexts]);
  return unwrap(
    exportAnnotationFile(merged.review, texts, {
      generator: TEST_GENERATOR,
      removed: merged.sharing.removed,
      orphans: merged.sharing.orphans,
      needsReview: merged.sharing.needsReview,
    }),
  );
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
