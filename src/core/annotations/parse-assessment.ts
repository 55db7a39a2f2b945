// Import of the reviewer's assessment from a Crosscheck file (format 2, see file-format.ts): the
// list of sources, each annotation's facets, attribution, credibility and judgement, and the
// dismissed suggestions. Shapes are checked before (file-schema.ts, annotation-shape.ts); this
// checks what refers to what.
import type { Credibility, Judgement, Source } from '../review/assessment';
import { documentIdOfIri, uuidOfIri } from './file-format';
import type { AnnotationShape } from './annotation-shape';
import type { ParsedFileShape } from './file-schema';
import { isDateTime } from './foreign-fields';
import { MAX_NOTE_LENGTH } from './import-limits';
import type { IncomingAnnotation, IncomingDismissal, ProblemList } from './incoming-file';
import { sourceKey } from '../analysis/sources';
import { sourceIdFor, unifySources } from './merge-sources';

/** The file's sources, and the id each name or alias stands for. */
export interface FileSources {
  sources: Source[];
  idsByKey: Map<string, string>;
}

/** The file's list of sources, as one source per name (spellings that match are one source). */
export function readSources(file: ParsedFileShape): FileSources {
  const listed: Source[] = (file['crosscheck:sources'] ?? []).map((entry) => {
    const source: Source = { id: sourceIdFor(entry.name), name: entry.name };
    const aliases = entry['crosscheck:aliases'];
    if (aliases && aliases.length > 0) source.aliases = [...aliases];
    const reliability = entry['crosscheck:reliability'];
    if (reliability !== undefined) source.reliability = reliability;
    return source;
  });
  const { sources } = unifySources([], listed);
  const idsByKey = new Map<string, string>();
  for (const source of sources) {
    for (const name of [source.name, ...(source.aliases ?? [])]) {
      if (!idsByKey.has(sourceKey(name))) idsByKey.set(sourceKey(name), source.id);
    }
  }
  return { sources, idsByKey };
}

/** What an annotation's format 2 fields say, checked; problems are added to `found`. */
export interface ReadAssessment {
  facets?: Record<string, 'source'>;
  sourceId?: string;
  credibility?: Credibility;
  judgement?: Judgement;
}

/**
 * An annotation's facets (from its linking bodies), attribution, credibility and judgement.
 * `where` names the annotation in problems.
 */
export function readAssessment(
  item: AnnotationShape,
  kind: string | undefined,
  sources: FileSources,
  where: () => string,
  found: string[],
): ReadAssessment | undefined {
  let facets: Record<string, 'source'> | undefined;
  for (const body of item.body) {
    if (body.purpose === 'linking' && body['crosscheck:facet'] === 'source') {
      facets ??= {};
      facets[uuidOfIri(body.source) as string] = 'source';
    }
  }
  const attribution = item['crosscheck:attribution'];
  const credibility = item['crosscheck:credibility'];
  const judgement = item['crosscheck:judgement'];
  if (!facets && attribution === undefined && credibility === undefined && !judgement) {
    return undefined;
  }
  const read: ReadAssessment = {};
  if (facets) read.facets = facets;
  if (attribution !== undefined) {
    const id = sources.idsByKey.get(sourceKey(attribution));
    if (id === undefined) {
      found.push(
        `${where()} names the source “${attribution}”, which is not in the file’s list of sources.`,
      );
    } else read.sourceId = id;
  }
  if (credibility !== undefined) {
    if (kind === 'claim') {
      found.push(`${where()} is a claim but has a credibility; only evidence is graded 1–6.`);
    } else read.credibility = credibility as Credibility;
  }
  if (judgement) {
    if (kind !== 'claim') {
      found.push(`${where()} is a ${kind ?? 'tag'} but has a judgement; only claims are judged.`);
    } else if (!isDateTime(judgement.modified)) {
      found.push(
        `${where()}: its judgement’s modified date “${judgement.modified.slice(0, 60)}” is not an ISO 8601 date and time.`,
      );
    } else if ((judgement['crosscheck:rationale'] ?? '').length > MAX_NOTE_LENGTH) {
      found.push(
        `${where()}: its judgement’s rationale has more than ${MAX_NOTE_LENGTH} characters.`,
      );
    } else {
      read.judgement = {
        verdict: judgement['crosscheck:verdict'],
        confidence: judgement['crosscheck:confidence'],
        author: judgement.creator.name,
        modified: judgement.modified,
      };
      const rationale = judgement['crosscheck:rationale'];
      if (rationale !== undefined && rationale !== '') read.judgement.rationale = rationale;
    }
  }
  return read;
}

/** Copies an annotation's read assessment onto it. */
export function applyAssessment(annotation: IncomingAnnotation, read: ReadAssessment): void {
  if (read.facets) {
    const links = new Set(annotation.claimIds ?? []);
    const facets = Object.fromEntries(
      Object.entries(read.facets).filter(([claimId]) => links.has(claimId)),
    );
    if (Object.keys(facets).length > 0) annotation.facets = facets;
  }
  if (read.sourceId !== undefined) annotation.sourceId = read.sourceId;
  if (read.credibility !== undefined) annotation.credibility = read.credibility;
}

/**
 * The file's dismissed suggestions: each must link exactly one of the file's claims and quote its
 * sentence on one of the file's documents. `positionProblem` checks a position against the
 * document's embedded text, if any.
 */
export function readDismissals(
  file: ParsedFileShape,
  annotations: readonly IncomingAnnotation[],
  documentIds: ReadonlySet<string>,
  positionProblem: (
    documentId: string,
    position: { start: number; end: number },
    exact: string,
  ) => string | undefined,
  problems: ProblemList,
): IncomingDismissal[] {
  const entries = file['crosscheck:dismissals'] ?? [];
  if (entries.length === 0) return [];
  const claims = new Set(annotations.filter((a) => a.kind === 'claim').map((a) => a.id));
  const dismissals: IncomingDismissal[] = [];
  entries.forEach((entry, i) => {
    const where = `Dismissal ${i + 1} (${entry.id})`;
    const links = entry.body.filter((b) => b.purpose === 'linking');
    const marks = entry.body.filter((b) => b.purpose === 'assessing');
    const quotes = entry.target.selector.filter((s) => s.type === 'TextQuoteSelector');
    const positions = entry.target.selector.filter((s) => s.type === 'TextPositionSelector');
    const documentId = documentIdOfIri(entry.target.source) as string;
    const found: string[] = [];
    const claimId = links.length === 1 ? uuidOfIri(links[0]?.source ?? '') : undefined;
    if (links.length !== 1 || claimId === undefined) {
      found.push(`${where} should link exactly one claim, not ${links.length}.`);
    } else if (!claims.has(claimId)) {
      found.push(`${where} links urn:uuid:${claimId}, which is not one of the file’s claims.`);
    }
    if (marks.length !== 1) found.push(`${where} should say once that it is dismissed.`);
    if (quotes.length !== 1 || positions.length > 1) {
      found.push(
        `${where} should have one TextQuoteSelector and at most one TextPositionSelector.`,
      );
    }
    if (!documentIds.has(documentId)) {
      found.push(`${where}: its target ${entry.target.source} is not one of the file’s documents.`);
    }
    if (!isDateTime(entry.created)) {
      found.push(`${where}: its created date is not an ISO 8601 date and time.`);
    }
    const quote = quotes[0];
    const position = positions[0];
    if (quote && position && documentIds.has(documentId)) {
      const problem = positionProblem(documentId, position, quote.exact);
      if (problem) found.push(`${where}: ${problem}`);
    }
    for (const problem of found) problems.add(problem);
    if (found.length > 0 || !quote || claimId === undefined) return;
    const dismissal: IncomingDismissal = {
      index: i + 1,
      claimId,
      source: documentId,
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      author: entry.creator.name,
      created: entry.created,
    };
    if (position) dismissal.position = { start: position.start, end: position.end };
    dismissals.push(dismissal);
  });
  return dismissals;
}
