// A document's metadata as the brief prints it under its title: outlet, author, date and
// reference in one line, so a reader knows what each document is without its file name or hash.
import type { DocumentMetadata } from '../review/assessment';
import { formatDay } from './shorten';

/**
 * "The Washington Post · Liz Sly · 6 January 2020 · https://…": the parts that are set, in that
 * order; a date written as YYYY-MM-DD is printed in words, any other date as written. Empty when
 * none is set.
 */
export function documentLine(metadata: Omit<DocumentMetadata, 'title'>): string {
  const date =
    metadata.date && /^\d{4}-\d{2}-\d{2}$/.test(metadata.date)
      ? formatDay(`${metadata.date}T00:00:00Z`)
      : metadata.date;
  return [metadata.outlet, metadata.author, date, metadata.reference]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' · ');
}
