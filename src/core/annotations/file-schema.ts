// The shape of a Crosscheck annotation file (zod; its annotations: annotation-shape.ts), and its
// problems described in plain words that name the annotation or document and the field.
import { z } from 'zod';
import { ANNOTATION_FILE_VERSION, DISMISSED, DOCUMENT_IRI, UUID_IRI } from './file-format';
import { shortValue } from './short-value';

const uuidIri = z.string().regex(UUID_IRI, 'a urn:uuid: IRI');
const documentIri = z.string().regex(DOCUMENT_IRI, 'a urn:sha256: IRI');
const count = z.number().int().nonnegative();
const person = z.object({ type: z.literal('Person'), name: z.string() });

const document = z.object({
  id: documentIri,
  'crosscheck:title': z.string(),
  'crosscheck:outlet': z.string().optional(),
  'crosscheck:author': z.string().optional(),
  'crosscheck:date': z.string().optional(),
  'crosscheck:reference': z.string().optional(),
  'crosscheck:fileName': z.string(),
  'crosscheck:encoding': z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
  'crosscheck:bom': z.boolean(),
  'crosscheck:lineEndings': z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']),
  'crosscheck:originalSha256': z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a sha256:<hex> digest'),
  'crosscheck:imported': z.string(),
  'crosscheck:text': z.string().optional(),
});

const source = z.object({
  name: z.string().min(1),
  'crosscheck:aliases': z.array(z.string().min(1)).optional(),
  'crosscheck:reliability': z.enum(['A', 'B', 'C', 'D', 'E', 'F']).optional(),
});

const selector = z.union([
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  }),
  z.object({ type: z.literal('TextPositionSelector'), start: count, end: count }),
]);

const dismissal = z.object({
  id: uuidIri,
  type: z.literal('Annotation'),
  creator: person,
  created: z.string(),
  body: z
    .array(
      z.union([
        z.object({
          type: z.literal('TextualBody'),
          purpose: z.literal('assessing'),
          value: z.literal(DISMISSED),
        }),
        z.object({
          type: z.literal('SpecificResource'),
          purpose: z.literal('linking'),
          source: uuidIri,
        }),
      ]),
    )
    .min(1),
  target: z.object({ source: documentIri, selector: z.array(selector).min(1) }),
});

/** A whole Crosscheck annotation file (unknown keys are ignored). */
export const annotationFileSchema = z.object({
  id: uuidIri,
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  created: z.string(),
  modified: z.string(),
  'crosscheck:schemaVersion': z.union([z.literal(1), z.literal(ANNOTATION_FILE_VERSION)]),
  'crosscheck:reviewers': z.array(z.string()),
  'crosscheck:documents': z.array(document),
  'crosscheck:removed': z
    .array(z.object({ id: uuidIri, creator: person, 'crosscheck:removedAt': z.string() }))
    .optional(),
  'crosscheck:sources': z.array(source).optional(),
  'crosscheck:dismissals': z.array(dismissal).optional(),
  total: count,
  // Annotations are checked by hand (annotation-shape.ts): there are many, and speed matters.
  // Absent when the file holds no annotations.
  first: z.object({ type: z.literal('AnnotationPage'), items: z.array(z.unknown()) }).optional(),
});

/** A file as the schema accepts it. */
export type ParsedFileShape = z.infer<typeof annotationFileSchema>;

/** Names a place in the file: "Annotation 4 (urn:uuid:…)", "Document 2 (“Title”)", "The file". */
function placeIn(
  data: unknown,
  path: readonly PropertyKey[],
): { where: string; rest: PropertyKey[] } {
  const [first, second, third] = path;
  if (first === 'first' && second === 'items' && typeof third === 'number') {
    return {
      where: annotationName(third, itemAt(data, ['first', 'items', third])),
      rest: path.slice(3),
    };
  }
  if (first === 'crosscheck:documents' && typeof second === 'number') {
    const entry = itemAt(data, [first, second]);
    const title = stringField(entry, 'crosscheck:title') ?? stringField(entry, 'id');
    return {
      where: `Document ${second + 1}${title ? ` (“${title}”)` : ''}`,
      rest: path.slice(2),
    };
  }
  if (first === 'crosscheck:sources' && typeof second === 'number') {
    const name = stringField(itemAt(data, [first, second]), 'name');
    return { where: `Source ${second + 1}${name ? ` (“${name}”)` : ''}`, rest: path.slice(2) };
  }
  if (first === 'crosscheck:dismissals' && typeof second === 'number') {
    const id = stringField(itemAt(data, [first, second]), 'id');
    return { where: `Dismissal ${second + 1}${id ? ` (${id})` : ''}`, rest: path.slice(2) };
  }
  if (first === 'crosscheck:removed' && typeof second === 'number') {
    const id = stringField(itemAt(data, [first, second]), 'id');
    return { where: `Removed tag ${second + 1}${id ? ` (${id})` : ''}`, rest: path.slice(2) };
  }
  return { where: 'The file', rest: [...path] };
}

/** "Annotation 4 (urn:uuid:…)" for the item at a 0-based index. */
export function annotationName(index: number, item: unknown): string {
  const id = stringField(item, 'id');
  return `Annotation ${index + 1}${id ? ` (${id})` : ''}`;
}

/** One schema problem as a sentence naming the place and field. */
export function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const { where, rest } = placeIn(data, issue.path);
  const field = rest.length > 0 ? ` field ${fieldName(rest)}` : '';
  const value = itemAt(data, issue.path);
  return `${where}:${field} ${phrase(issue, value)}.`.replace(
    /^The file: field/,
    'The file’s field',
  );
}

function phrase(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is missing';
      return `should be ${article(issue.expected)}, not ${article(kindOf(value))}`;
    case 'invalid_value':
      return `should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${shortValue(value)}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? 'should not be empty'
        : `should be at least ${String(issue.minimum)}`;
    case 'invalid_format':
      return `should be ${issue.format === 'regex' ? issue.message : issue.format}, not ${shortValue(value)}`;
    case 'invalid_union':
      return `has an unknown value ${shortValue(value)}`;
    default:
      return issue.message.toLowerCase();
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`,
    )
    .join('');
}

/** A kind of JSON value in words, with its article ("a list", "text"). */
export function article(kind: string): string {
  const words: Record<string, string> = {
    array: 'a list',
    object: 'an object',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    null: 'null',
    int: 'a whole number',
  };
  return words[kind] ?? kind;
}

/** The kind of a JSON value: array, null, or its typeof. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function itemAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, part)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function stringField(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}
