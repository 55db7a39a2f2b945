// Test support for W3C conformance: an offline JSON-LD document loader for the Web Annotation
// context, and the W3C test suite's MUST assertions (tests/fixtures/w3c) as draft-04 validators.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { W3C_ANNOTATION_CONTEXT } from '../../src/core/annotations/file-format';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** The W3C Web Annotation context (a copy: tests never fetch it). */
const ANNO_CONTEXT = JSON.parse(
  readFileSync(join(FIXTURES, 'annotations/anno.jsonld'), 'utf8'),
) as object;

/** A jsonld.js document loader that serves the W3C context and refuses everything else. */
export function offlineLoader(loaded: string[] = []) {
  return async (url: string) => {
    loaded.push(url);
    if (url !== W3C_ANNOTATION_CONTEXT) throw new Error(`offline: refused to fetch ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: ANNO_CONTEXT };
  };
}

const SUITE = join(FIXTURES, 'w3c');

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

/** One MUST assertion of the suite, ready to run. */
export interface W3cAssertion {
  /** Its path in the suite, e.g. `annotations/3.1-annotationIdValidated.json`. */
  path: string;
  validate: ValidateFunction;
}

/**
 * The assertions a `*Musts.test` file of the suite lists (`annotations/annotationMusts.test`,
 * `collections/collectionMusts.test`, `collections/pages/pageMusts.test`).
 */
export function mustAssertions(testFile: string): W3cAssertion[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('date-time', {
    validate: (value: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
      !Number.isNaN(Date.parse(value)),
  });
  const ids = new Set<string>();
  for (const file of schemaFiles(SUITE)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { id: string };
    if (ids.has(schema.id)) continue; // the suite repeats a few schemas in several folders
    ids.add(schema.id);
    ajv.addSchema(schema);
  }
  const test = JSON.parse(readFileSync(join(SUITE, testFile), 'utf8')) as { assertions: string[] };
  return test.assertions.map((path) => {
    const schema = JSON.parse(readFileSync(join(SUITE, path), 'utf8')) as {
      id: string;
      assertionType: string;
      expectedResult: string;
    };
    if (schema.assertionType !== 'must' || schema.expectedResult !== 'valid') {
      throw new Error(`${path} is not a MUST that expects a valid document`);
    }
    const validate = ajv.getSchema(schema.id);
    if (!validate) throw new Error(`${path} did not compile`);
    return { path, validate };
  });
}

/** The assertions a document fails, each with Ajv's first error. */
export function failures(assertions: readonly W3cAssertion[], document: unknown): string[] {
  return assertions
    .filter((a) => !a.validate(document))
    .map((a) => `${a.path}: ${a.validate.errors?.[0]?.message ?? 'invalid'}`);
}
