// The whole import in one call, as hosts use it: the text of a file is validated, then merged
// into a review; or a file becomes a review of its own (the CLI's merge).
import { REVIEW_SCHEMA_VERSION, type Review } from '../review/types';
import { fail, type Result } from '../result';
import { invalidFile, type AnnotationFile, type InvalidAnnotationFile } from './incoming-file';
import type { MergeOptions, MergeTarget } from './merge';
import { mergeReviewFile, type ReviewMergeOutcome } from './merge-review-file';
import { parseAnnotationJson, type ParseOptions } from './parse-annotations';

/**
 * Validates a file's text and merges it into a review. All or nothing: on failure the review and
 * its texts are untouched and the problems are listed. Hosts check the file's size on disk with
 * `annotationFileSizeProblem` before reading it.
 */
export function importAnnotationJson(
  target: MergeTarget,
  json: string,
  options: MergeOptions & ParseOptions = {},
): Result<ReviewMergeOutcome, InvalidAnnotationFile> {
  const file = parseAnnotationJson(json, options);
  if (!file.ok) return file;
  const merged = mergeReviewFile(target, file.value, options);
  return merged.ok ? merged : fail(invalidFile(merged.error.code, merged.error.message));
}

/**
 * A Crosscheck file as a review of its own: its documents, tags, orphans and removals, sources,
 * judgements and dismissals.
 */
export function reviewFromFile(
  file: AnnotationFile,
): Result<ReviewMergeOutcome, InvalidAnnotationFile> {
  const about = file.review;
  if (!about) {
    return fail(
      invalidFile(
        'not-a-review',
        'The file holds annotations from another tool, not a Crosscheck review; import it into a review instead.',
      ),
    );
  }
  const review: Review = {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: about.id,
    name: about.name,
    created: about.created,
    modified: about.modified,
    reviewers: [...about.reviewers],
    documents: [],
    tags: [],
    panes: [],
  };
  const merged = mergeReviewFile({ review, texts: new Map() }, file, { matchByTitle: false });
  return merged.ok ? merged : fail(invalidFile(merged.error.code, merged.error.message));
}
