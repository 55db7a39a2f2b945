// The one dialog open over the workspace, if any: one union instead of a flag per dialog.
import type { UnplacedSource } from '../../../core/annotations/document-choices';
import type { MergeSummary } from '../../../core/annotations/merge';
import type { Tag } from '../../../core/review/types';

/** Which dialog is open, with what it needs. */
export type Modal =
  | { kind: 'pick-claim'; evidence: Tag }
  | { kind: 'note'; tag: Tag }
  | {
      kind: 'choose-documents';
      fileName: string;
      bytes: Uint8Array;
      sources: UnplacedSource[];
    }
  | {
      kind: 'sharing';
      summary?: MergeSummary;
      /** The imported file, kept so its labels can be mapped and it imported again. */
      file?: { fileName: string; bytes: Uint8Array; documentMatches?: Record<string, string> };
    }
  | { kind: 'delete-review' }
  | { kind: 'remove-document'; documentId: string };
