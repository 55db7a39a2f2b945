// The annotation file: a W3C Web Annotation AnnotationCollection in JSON-LD, with a small
// Crosscheck context for what the W3C vocabulary has no term for (DESIGN.md section 6).
//
// What version 2 adds, each under https://crosscheck.app/ns# (`crosscheck:`), all optional, so a
// version 1 file reads with its old meaning (every link about the claim's content, no sources,
// grades, judgements or dismissals):
// - `crosscheck:facet` on a linking body: "source" when that link speaks to the claim's source
//   (the letter, quote or speaker is authentic); absent, the link speaks to its content.
// - `crosscheck:attribution` on an annotation: the name of who says it, one of the collection's
//   `crosscheck:sources` (each once: `name`, `crosscheck:aliases`, `crosscheck:reliability` A–F).
// - `crosscheck:credibility` on an annotation: information credibility 1–6 (Admiralty scale).
// - `crosscheck:judgement` on a claim's annotation: the reviewer's verdict (`crosscheck:verdict`,
//   `crosscheck:confidence`, `crosscheck:rationale`, with `creator` and `modified`).
// - `crosscheck:dismissals` on the collection: suggestions the reviewer dismissed, each a W3C
//   annotation (motivation `assessing`, a body `assessing` with the value "dismissed", a linking
//   body naming the claim) targeting the sentence. They are kept out of the page of items so that
//   other tools, and `total`, see tags only.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { TextEncodingName } from '../text/decode';
import type { LineEndingStyle } from '../text/normalise';
import type { Confidence, Credibility, EstimativeWord, Reliability } from '../review/assessment';

/** The suffix of annotation files. */
export const ANNOTATION_FILE_SUFFIX = '.crosscheck.json';

/**
 * The version of the annotation file format this code writes (2: facets, attribution, sources,
 * credibility, judgements and dismissals; see the top of this file).
 */
export const ANNOTATION_FILE_VERSION = 2;

/** The versions this code reads: version 1 files are version 2 files without the new terms. */
export const READABLE_FILE_VERSIONS: readonly number[] = [1, ANNOTATION_FILE_VERSION];

/** The W3C Web Annotation context. */
export const W3C_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Where Crosscheck's own terms live. */
export const CROSSCHECK_NAMESPACE = 'https://crosscheck.app/ns#';

/** Crosscheck's extra terms; each key is the compact IRI it stands for. */
export const CROSSCHECK_CONTEXT = {
  crosscheck: CROSSCHECK_NAMESPACE,
  'crosscheck:schemaVersion': { '@id': 'crosscheck:schemaVersion', '@type': 'xsd:integer' },
  'crosscheck:reviewers': { '@id': 'crosscheck:reviewers', '@container': '@list' },
  'crosscheck:documents': { '@id': 'crosscheck:documents', '@container': '@list' },
  'crosscheck:title': { '@id': 'crosscheck:title' },
  'crosscheck:outlet': { '@id': 'crosscheck:outlet' },
  'crosscheck:author': { '@id': 'crosscheck:author' },
  'crosscheck:date': { '@id': 'crosscheck:date' },
  'crosscheck:reference': { '@id': 'crosscheck:reference' },
  'crosscheck:fileName': { '@id': 'crosscheck:fileName' },
  'crosscheck:encoding': { '@id': 'crosscheck:encoding' },
  'crosscheck:bom': { '@id': 'crosscheck:bom' },
  'crosscheck:lineEndings': { '@id': 'crosscheck:lineEndings' },
  'crosscheck:originalSha256': { '@id': 'crosscheck:originalSha256' },
  'crosscheck:imported': { '@id': 'crosscheck:imported', '@type': 'xsd:dateTime' },
  'crosscheck:text': { '@id': 'crosscheck:text' },
  'crosscheck:needsReview': { '@id': 'crosscheck:needsReview' },
  'crosscheck:orphan': { '@id': 'crosscheck:orphan' },
  'crosscheck:removed': { '@id': 'crosscheck:removed', '@container': '@set' },
  'crosscheck:removedAt': { '@id': 'crosscheck:removedAt', '@type': 'xsd:dateTime' },
  'crosscheck:facet': { '@id': 'crosscheck:facet' },
  'crosscheck:attribution': { '@id': 'crosscheck:attribution' },
  'crosscheck:sources': { '@id': 'crosscheck:sources', '@container': '@set' },
  'crosscheck:aliases': { '@id': 'crosscheck:aliases', '@container': '@set' },
  'crosscheck:reliability': { '@id': 'crosscheck:reliability' },
  'crosscheck:credibility': { '@id': 'crosscheck:credibility', '@type': 'xsd:integer' },
  'crosscheck:judgement': { '@id': 'crosscheck:judgement' },
  'crosscheck:verdict': { '@id': 'crosscheck:verdict' },
  'crosscheck:confidence': { '@id': 'crosscheck:confidence' },
  'crosscheck:rationale': { '@id': 'crosscheck:rationale' },
  'crosscheck:dismissals': { '@id': 'crosscheck:dismissals', '@container': '@set' },
} as const;

/** The value of an assessing body that marks a dismissed suggestion. */
export const DISMISSED = 'dismissed';

/** The program that wrote a file. */
export interface AnnotationGenerator {
  /** An IRI naming the program, e.g. `https://crosscheck.app/`. */
  id: string;
  /** Its name and version in words, e.g. `Crosscheck 0.1.0`. */
  name: string;
}

/** A person who made or removed an annotation; `id` is derived from the name (see personIri). */
interface FilePerson {
  id?: string;
  type: 'Person';
  name: string;
}

/** A document the file's annotations point at, with its text unless left out. */
export interface FileDocument {
  id: string;
  type: 'Text';
  'crosscheck:title': string;
  /** What the document is beyond its title (its DocumentMetadata), when the reviewer said. */
  'crosscheck:outlet'?: string;
  'crosscheck:author'?: string;
  'crosscheck:date'?: string;
  'crosscheck:reference'?: string;
  'crosscheck:fileName': string;
  'crosscheck:encoding': TextEncodingName;
  'crosscheck:bom': boolean;
  'crosscheck:lineEndings': LineEndingStyle;
  'crosscheck:originalSha256': string;
  'crosscheck:imported': string;
  'crosscheck:text'?: string;
}

/** A body: the kind (tagging), a claim the evidence speaks to (linking), or the note. */
export type FileBody =
  | { type: 'TextualBody'; purpose: 'tagging'; value: string; format?: 'text/plain' }
  | {
      type: 'SpecificResource';
      purpose: 'linking';
      source: string;
      /** The link speaks to the claim's source; absent: to its content. */
      'crosscheck:facet'?: 'source';
    }
  | {
      type: 'TextualBody';
      purpose: 'commenting';
      value: string;
      format: 'text/plain';
      /** BCP 47; `und` (undetermined): Crosscheck does not know the language of a note. */
      language?: string;
    };

/** Where an annotation sits: its quote with context, and its code-point position. */
export type FileSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

/** One tag as a W3C annotation. An orphan has no position and says why. */
export interface FileAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'classifying';
  creator: FilePerson;
  created: string;
  modified: string;
  generator: string;
  body: FileBody[];
  target: { source: string; selector: FileSelector[] };
  'crosscheck:needsReview'?: true;
  'crosscheck:orphan'?: string;
  /** The name of one of the collection's `crosscheck:sources`. */
  'crosscheck:attribution'?: string;
  'crosscheck:credibility'?: Credibility;
  /** On a claim: the reviewer's verdict. */
  'crosscheck:judgement'?: FileJudgement;
}

/** The reviewer's verdict on a claim, as a claim's annotation carries it. */
export interface FileJudgement {
  type: 'crosscheck:Judgement';
  creator: FilePerson;
  modified: string;
  'crosscheck:verdict': EstimativeWord;
  'crosscheck:confidence': Confidence;
  'crosscheck:rationale'?: string;
}

/** A source (who says it), listed once per file; annotations name it. */
export interface FileSource {
  type: 'crosscheck:Source';
  name: string;
  'crosscheck:aliases'?: string[];
  'crosscheck:reliability'?: Reliability;
}

/** A dismissed suggestion: a W3C annotation assessing a sentence as not evidence for a claim. */
export interface FileDismissal {
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  creator: FilePerson;
  created: string;
  body: [
    { type: 'TextualBody'; purpose: 'assessing'; value: typeof DISMISSED; format: 'text/plain' },
    { type: 'SpecificResource'; purpose: 'linking'; source: string },
  ];
  target: { source: string; selector: FileSelector[] };
}

/** A tag someone removed, kept so that merging does not bring it back. */
interface FileRemoval {
  id: string;
  creator: FilePerson;
  'crosscheck:removedAt': string;
}

/** A whole annotation file. */
export interface AnnotationCollection {
  '@context': [typeof W3C_ANNOTATION_CONTEXT, typeof CROSSCHECK_CONTEXT];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  created: string;
  modified: string;
  generator: AnnotationGenerator & { type: 'Software' };
  'crosscheck:schemaVersion': typeof ANNOTATION_FILE_VERSION;
  'crosscheck:reviewers': string[];
  'crosscheck:documents': FileDocument[];
  'crosscheck:removed': FileRemoval[];
  /** Absent when no tag names a source. */
  'crosscheck:sources'?: FileSource[];
  /** Absent when the reviewer dismissed no suggestion. */
  'crosscheck:dismissals'?: FileDismissal[];
  total: number;
  /** The one page of annotations; absent when there are none (W3C model §5.1). */
  first?: FileAnnotationPage;
  /** The id of the last page (the only one). */
  last?: string;
}

/** The page holding every annotation of a file. */
interface FileAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: FileAnnotation[];
}

/** The id of a file's page of annotations: the collection's id with `#page1`. */
export function pageIri(collectionId: string): string {
  return `${collectionId}#page1`;
}

/** A stable IRI for a person known only by name (W3C Agent `id`). */
export function personIri(name: string): string {
  // Files name a few people tens of thousands of times: hash each name once.
  let iri = PERSON_IRIS.get(name);
  if (iri === undefined) {
    if (PERSON_IRIS.size >= 10_000) PERSON_IRIS.clear();
    iri = uuidIri(uuidForForeignId(`crosscheck person ${name}`));
    PERSON_IRIS.set(name, iri);
  }
  return iri;
}

const PERSON_IRIS = new Map<string, string>();

/** `urn:uuid:<id>` for a tag or review id. */
export function uuidIri(id: string): string {
  return `urn:uuid:${id}`;
}

/** The id in a `urn:uuid:` IRI (lower case), or undefined when it is not one. */
export function uuidOfIri(iri: string): string | undefined {
  // Most ids are written in lower case already: one test, and no copy to lower them.
  if (LOWER_UUID_IRI.test(iri)) return iri.slice(URN_UUID.length);
  return UUID_IRI.test(iri) ? iri.slice(URN_UUID.length).toLowerCase() : undefined;
}

const URN_UUID = 'urn:uuid:';

// Regular expressions, not loops over characters: V8 runs these faster (measured on 50,000 ids).
/** A `urn:uuid:` IRI (either case); the file schema checks ids with it too. */
export const UUID_IRI =
  /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LOWER_UUID_IRI = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a text is `urn:uuid:` and a UUID (8-4-4-4-12 hex digits, either case). */
export function isUuidIri(text: string): boolean {
  return UUID_IRI.test(text);
}

/** `urn:sha256:<hex>` for a `sha256:<hex>` document id. */
export function documentIri(documentId: string): string {
  return `urn:${documentId}`;
}

/** The `sha256:<hex>` document id in a `urn:sha256:` IRI, or undefined when it is not one. */
export function documentIdOfIri(iri: string): string | undefined {
  return isDocumentIri(iri) ? iri.slice('urn:'.length) : undefined;
}

/** A document's `urn:sha256:` IRI (lower-case hex); the file schema checks with it too. */
export const DOCUMENT_IRI = /^urn:sha256:[0-9a-f]{64}$/;

/** Whether a text is `urn:sha256:` and 64 lower-case hex digits. */
export function isDocumentIri(text: string): boolean {
  return DOCUMENT_IRI.test(text);
}

/**
 * A stable UUID for an annotation id from another tool (any string): the same id always gives the
 * same UUID, so importing a file twice matches its annotations instead of doubling them.
 */
export function uuidForForeignId(foreignId: string): string {
  const hex = bytesToHex(sha256(new TextEncoder().encode(foreignId))).slice(0, 32);
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
