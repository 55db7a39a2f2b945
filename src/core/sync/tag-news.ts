// What a teammate's change means for "new from others": the tags it created or changed in what
// they say (kind, place, note, links, facets, who says it, credibility), and the tags it removed.
// Bookkeeping (author, created, modified) alone is no news.
import { composePatches, type ReviewChange } from '../review/review-change';
import type { TagPatch } from '../review/tag-edits';
import { CONFLICT_TAG_FIELDS, tagToEntry, type TagField } from './review-doc';
import { sameValue } from './same-value';

/** The tag fields whose change makes a tag new to the reviewer. */
const NEWS_TAG_FIELDS = CONFLICT_TAG_FIELDS.filter(
  (field): field is TagField => field !== 'removed',
);

/** A tag a change created or changed, and which of its fields differ (all, when created). */
interface ChangedTag {
  tagId: string;
  fields: TagField[];
}

/** What a change did to tags, as news. */
export interface TagNews {
  changed: ChangedTag[];
  removed: string[];
}

/** The tags `change` created, changed (in a field of NEWS_TAG_FIELDS) or removed, by id. */
export function tagNews(change: ReviewChange): TagNews {
  // Per tag: its state before the first patch and after the last.
  const spans = composePatches(tagPatches(change));
  const news: TagNews = { changed: [], removed: [] };
  for (const { id, before, after } of spans) {
    if (!after) {
      news.removed.push(id);
      continue;
    }
    const old = before ? tagToEntry(before) : undefined;
    const now = tagToEntry(after);
    const fields = NEWS_TAG_FIELDS.filter((f) => !old || !sameValue(old[f], now[f]));
    if (fields.length > 0) news.changed.push({ tagId: id, fields });
  }
  return news;
}

function tagPatches(change: ReviewChange): TagPatch[] {
  if (change.kind === 'tags') return change.patches;
  if (change.kind === 'review') return [];
  return change.changes.flatMap(tagPatches);
}
