// The shape of one annotation of a Crosscheck file, checked by hand: files hold tens of thousands
// of annotations, and a schema library's copying of each would dominate an import. Problems are
// worded like the schema's (file-schema.ts): the annotation, the field, what it should be.
import { CONFIDENCE_LEVELS, ESTIMATIVE_WORDS } from '../review/assessment';
import { isDocumentIri, isUuidIri, type FileJudgement } from './file-format';
import { annotationName, article, kindOf } from './file-schema';
import { shortValue } from './short-value';

/** A body of a Crosscheck annotation. */
type BodyShape =
  | { type: 'TextualBody'; purpose: 'tagging' | 'commenting'; value: string }
  | {
      type: 'SpecificResource';
      purpose: 'linking';
      source: string;
      'crosscheck:facet'?: 'source' | 'content';
    };

/** A selector of a Crosscheck annotation. */
export type SelectorShape =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

/** An annotation whose shape has been checked (content is checked afterwards). */
export interface AnnotationShape {
  id: string;
  type: 'Annotation';
  creator: { type: 'Person'; name: string };
  created: string;
  modified: string;
  body: BodyShape[];
  target: { source: string; selector: SelectorShape[] };
  'crosscheck:needsReview'?: boolean;
  'crosscheck:orphan'?: string;
  'crosscheck:attribution'?: string;
  'crosscheck:credibility'?: number;
  'crosscheck:judgement'?: FileJudgement;
}

const FACETS: readonly unknown[] = ['source', 'content'];
const VERDICTS: readonly unknown[] = ESTIMATIVE_WORDS.map((w) => w.word);
const CONFIDENCES: readonly unknown[] = CONFIDENCE_LEVELS;

type Json = Record<string, unknown>;
interface Flaw {
  path: string;
  phrase: string;
}

/** What is wrong with the shape of the annotation at `index` (0-based), or undefined. */
export function annotationShapeProblem(item: unknown, index: number): string | undefined {
  const flaw = flawOf(item);
  if (!flaw) return undefined;
  const where = annotationName(index, item);
  return flaw.path === ''
    ? `${where} ${flaw.phrase}.`
    : `${where}: field ${flaw.path} ${flaw.phrase}.`;
}

function flawOf(item: unknown): Flaw | undefined {
  if (!isRecord(item))
    return { path: '', phrase: `should be an object, not ${article(kindOf(item))}` };
  return (
    matching(item, 'id', isUuidIri, 'a urn:uuid: IRI') ??
    literal(item, 'type', 'Annotation') ??
    inside(item, 'creator', personFlaw) ??
    text(item, 'created') ??
    text(item, 'modified') ??
    list(item, 'body', bodyFlaw) ??
    inside(item, 'target', targetFlaw) ??
    optional(item, 'crosscheck:needsReview', 'boolean') ??
    optional(item, 'crosscheck:orphan', 'string') ??
    assessmentFlaw(item)
  );
}

// Checks of nested objects as functions of their own, not closures made anew for each annotation.
function personFlaw(person: Json): Flaw | undefined {
  return literal(person, 'type', 'Person') ?? text(person, 'name');
}

function targetFlaw(target: Json): Flaw | undefined {
  return (
    matching(target, 'source', isDocumentIri, 'a urn:sha256: IRI') ??
    list(target, 'selector', selectorFlaw)
  );
}

/** The format 2 fields: attribution, credibility and judgement (each optional). */
function assessmentFlaw(item: Json): Flaw | undefined {
  if (
    item['crosscheck:attribution'] === undefined &&
    item['crosscheck:credibility'] === undefined &&
    item['crosscheck:judgement'] === undefined
  ) {
    return undefined; // the common case, checked without allocating
  }
  return (
    (item['crosscheck:attribution'] === undefined
      ? undefined
      : (text(item, 'crosscheck:attribution') ??
        (item['crosscheck:attribution'] === ''
          ? { path: 'crosscheck:attribution', phrase: 'should not be empty' }
          : undefined))) ??
    credibilityFlaw(item['crosscheck:credibility']) ??
    (item['crosscheck:judgement'] === undefined
      ? undefined
      : inside(
          item,
          'crosscheck:judgement',
          (j) =>
            inside(j, 'creator', personFlaw) ??
            text(j, 'modified') ??
            oneOf(j, 'crosscheck:verdict', VERDICTS, 'an estimative word such as “likely”') ??
            oneOf(j, 'crosscheck:confidence', CONFIDENCES, 'high, moderate or low') ??
            optional(j, 'crosscheck:rationale', 'string'),
        ))
  );
}

function credibilityFlaw(value: unknown): Flaw | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6) {
    return undefined;
  }
  return {
    path: 'crosscheck:credibility',
    phrase: `should be a whole number from 1 to 6, not ${shortValue(value)}`,
  };
}

function oneOf(
  item: Json,
  key: string,
  values: readonly unknown[],
  what: string,
): Flaw | undefined {
  const value = item[key];
  if (values.includes(value)) return undefined;
  if (value === undefined) return { path: key, phrase: 'is missing' };
  return { path: key, phrase: `should be ${what}, not ${shortValue(value)}` };
}

function bodyFlaw(body: Json): Flaw | undefined {
  const purpose = body['purpose'];
  if (purpose === 'tagging' || purpose === 'commenting') {
    return literal(body, 'type', 'TextualBody') ?? text(body, 'value');
  }
  if (purpose === 'linking') {
    return (
      literal(body, 'type', 'SpecificResource') ??
      matching(body, 'source', isUuidIri, 'a urn:uuid: IRI') ??
      (body['crosscheck:facet'] === undefined
        ? undefined
        : oneOf(body, 'crosscheck:facet', FACETS, '"source" or "content"'))
    );
  }
  return { path: 'purpose', phrase: `has an unknown value ${shortValue(purpose)}` };
}

function selectorFlaw(selector: Json): Flaw | undefined {
  const type = selector['type'];
  if (type === 'TextQuoteSelector') {
    const exact = text(selector, 'exact');
    if (exact) return exact;
    if (selector['exact'] === '') return { path: 'exact', phrase: 'should not be empty' };
    return text(selector, 'prefix') ?? text(selector, 'suffix');
  }
  if (type === 'TextPositionSelector') return count(selector, 'start') ?? count(selector, 'end');
  return { path: 'type', phrase: `has an unknown value ${shortValue(type)}` };
}

function inside(
  item: Json,
  key: string,
  check: (value: Json) => Flaw | undefined,
): Flaw | undefined {
  const value = item[key];
  if (!isRecord(value)) return wrongKind(key, value, 'object');
  const flaw = check(value);
  return flaw && { path: `${key}.${flaw.path}`, phrase: flaw.phrase };
}

function list(item: Json, key: string, check: (value: Json) => Flaw | undefined): Flaw | undefined {
  const value = item[key];
  if (!Array.isArray(value)) return wrongKind(key, value, 'array');
  if (value.length === 0) return { path: key, phrase: 'should not be empty' };
  for (let i = 0; i < value.length; i++) {
    const element: unknown = value[i];
    const flaw = isRecord(element)
      ? check(element)
      : { path: '', phrase: `should be an object, not ${article(kindOf(element))}` };
    if (flaw)
      return { path: `${key}[${i}]${flaw.path ? `.${flaw.path}` : ''}`, phrase: flaw.phrase };
  }
  return undefined;
}

function text(item: Json, key: string): Flaw | undefined {
  return typeof item[key] === 'string' ? undefined : wrongKind(key, item[key], 'string');
}

function count(item: Json, key: string): Flaw | undefined {
  const value = item[key];
  if (typeof value !== 'number') return wrongKind(key, value, 'number');
  if (!Number.isInteger(value))
    return { path: key, phrase: `should be a whole number, not ${value}` };
  return value < 0 ? { path: key, phrase: 'should be at least 0' } : undefined;
}

function literal(item: Json, key: string, expected: string): Flaw | undefined {
  const value = item[key];
  if (value === expected) return undefined;
  if (value === undefined) return { path: key, phrase: 'is missing' };
  return { path: key, phrase: `should be ${JSON.stringify(expected)}, not ${shortValue(value)}` };
}

function matching(
  item: Json,
  key: string,
  valid: (text: string) => boolean,
  what: string,
): Flaw | undefined {
  const value = item[key];
  if (typeof value !== 'string') return wrongKind(key, value, 'string');
  return valid(value)
    ? undefined
    : { path: key, phrase: `should be ${what}, not ${shortValue(value)}` };
}

function optional(item: Json, key: string, kind: 'boolean' | 'string'): Flaw | undefined {
  const value = item[key];
  return value === undefined || typeof value === kind ? undefined : wrongKind(key, value, kind);
}

function wrongKind(key: string, value: unknown, expected: string): Flaw {
  if (value === undefined) return { path: key, phrase: 'is missing' };
  return { path: key, phrase: `should be ${article(expected)}, not ${article(kindOf(value))}` };
}

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
