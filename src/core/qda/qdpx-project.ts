// A review as a REFI-QDA project (QDA-XML 1.0, the exchange format QualCoder, ATLAS.ti, MAXQDA and
// NVivo read): project.qde with the reviewers as users, a codebook of the three kinds, each
// document as a UTF-8 text source with one PlainTextSelection per tag (code-point offsets, its
// author and dates, the note as description), and a link from each piece of evidence to its claim.
// Pure: it gives the XML and the source files; hosts zip them into a .qdpx file.
import { uuidForForeignId } from '../annotations/file-format';
import { CodePointIndex } from '../annotations/code-points';
import { anchorMatches } from '../review/anchor';
import type { Review, Tag, TagKind } from '../review/types';
import { fail, ok, type Problem, type Result } from '../result';

/** The files of a .qdpx archive: `project.qde` and one `sources/<guid>.txt` per document. */
export interface QdpxContent {
  projectXml: string;
  sources: { path: string; text: string }[];
}

/** The code of each kind: fixed GUIDs, so that two exports share a codebook. */
export const KIND_CODES: Record<TagKind, { guid: string; name: string; color: string }> = {
  claim: { guid: guid('code claim'), name: 'Claim', color: '#2563EB' },
  confirmation: { guid: guid('code confirmation'), name: 'Confirmation', color: '#15803D' },
  contradiction: { guid: guid('code contradiction'), name: 'Contradiction', color: '#B91C1C' },
};

const LINK_NAMES: Record<Exclude<TagKind, 'claim'>, string> = {
  confirmation: 'confirms',
  contradiction: 'contradicts',
};

/**
 * The project of a review; `texts` holds each document's text by id. Fails, naming the document,
 * when a text is missing or a tag no longer matches its text.
 */
export function qdpxProject(
  review: Review,
  texts: ReadonlyMap<string, string>,
  options: { origin: string },
): Result<QdpxContent, Problem> {
  const people = [...new Set([...review.reviewers, ...review.tags.map((t) => t.author)])];
  const userGuid = new Map(people.map((name) => [name, guid(`person ${name}`)]));
  const byDocument = new Map<string, Tag[]>();
  for (const tag of review.tags) {
    const list = byDocument.get(tag.documentId);
    if (list) list.push(tag);
    else byDocument.set(tag.documentId, [tag]);
  }
  const sources: QdpxContent['sources'] = [];
  const sourceXml: string[] = [];
  for (const document of review.documents) {
    const text = texts.get(document.id);
    if (text === undefined) {
      return fail({
        code: 'missing-text',
        message: `The text of “${document.title}” is missing from the data folder, so the review cannot be exported.`,
      });
    }
    const sourceGuid = guid(`document ${review.id} ${document.id}`);
    const path = `${sourceGuid}.txt`;
    sources.push({ path: `sources/${path}`, text });
    const index = new CodePointIndex(text);
    const selections: string[] = [];
    for (const tag of byDocument.get(document.id) ?? []) {
      if (!anchorMatches(text, tag.anchor)) {
        return fail({
          code: 'anchor-mismatch',
          message: `A tag in “${document.title}” no longer matches the document’s text (tag ${tag.id}); reopen the review so it can be re-anchored, then export again.`,
        });
      }
      selections.push(selectionXml(tag, index, userGuid));
    }
    sourceXml.push(
      `    <TextSource${attrs({
        guid: sourceGuid,
        name: document.title,
        plainTextPath: `internal://${path}`,
        creationDateTime: dateTime(document.imported),
      })}>\n${selections.join('')}    </TextSource>\n`,
    );
  }
  const links = linksXml(review.tags);
  const projectXml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Project xmlns="urn:QDA-XML:project:1.0"${attrs({
      name: review.name,
      origin: options.origin,
      creationDateTime: dateTime(review.created),
      modifiedDateTime: dateTime(review.modified),
    })}>\n` +
    (people.length > 0
      ? `  <Users>\n${people.map((name) => `    <User${attrs({ guid: userGuid.get(name), name })}/>\n`).join('')}  </Users>\n`
      : '') +
    `  <CodeBook>\n    <Codes>\n${(Object.keys(KIND_CODES) as TagKind[])
      .map((kind) => {
        const code = KIND_CODES[kind];
        return `      <Code${attrs({ guid: code.guid, name: code.name, isCodable: 'true', color: code.color })}/>\n`;
      })
      .join('')}    </Codes>\n  </CodeBook>\n` +
    (sourceXml.length > 0 ? `  <Sources>\n${sourceXml.join('')}  </Sources>\n` : '') +
    (links.length > 0 ? `  <Links>\n${links.join('')}  </Links>\n` : '') +
    '</Project>\n';
  return ok({ projectXml, sources });
}

function selectionXml(tag: Tag, index: CodePointIndex, users: ReadonlyMap<string, string>): string {
  const user = users.get(tag.author);
  const head = `      <PlainTextSelection${attrs({
    guid: tag.id,
    name: tag.anchor.exact.length > 60 ? `${tag.anchor.exact.slice(0, 60)}…` : tag.anchor.exact,
    startPosition: String(index.toCodePoint(tag.anchor.start)),
    endPosition: String(index.toCodePoint(tag.anchor.end)),
    creatingUser: user,
    creationDateTime: dateTime(tag.created),
    modifyingUser: user,
    modifiedDateTime: dateTime(tag.modified),
  })}>\n`;
  const description =
    tag.note !== undefined && tag.note !== ''
      ? `        <Description>${escapeText(tag.note)}</Description>\n`
      : '';
  const coding = `        <Coding${attrs({
    guid: guid(`coding ${tag.id}`),
    creatingUser: user,
    creationDateTime: dateTime(tag.created),
  })}>\n          <CodeRef targetGUID="${KIND_CODES[tag.kind].guid}"/>\n        </Coding>\n`;
  return `${head}${description}${coding}      </PlainTextSelection>\n`;
}

/** One link per evidence → claim pair whose claim is in the review. */
function linksXml(tags: readonly Tag[]): string[] {
  const claims = new Set(tags.filter((t) => t.kind === 'claim').map((t) => t.id));
  const links: string[] = [];
  for (const tag of tags) {
    if (tag.kind === 'claim') continue;
    for (const claimId of new Set(tag.claimIds ?? [])) {
      if (!claims.has(claimId)) continue;
      links.push(
        `    <Link${attrs({
          guid: guid(`link ${tag.id} ${claimId}`),
          name: LINK_NAMES[tag.kind],
          direction: 'OneWay',
          originGUID: tag.id,
          targetGUID: claimId,
        })}/>\n`,
      );
    }
  }
  return links;
}

/** A stable GUID for something Crosscheck names by text. */
function guid(what: string): string {
  return uuidForForeignId(`crosscheck qdpx ${what}`);
}

const XSD_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** The time if it is an xsd:dateTime (attributes holding other values are left out). */
function dateTime(value: string): string | undefined {
  return XSD_DATE_TIME.test(value) ? value : undefined;
}

function attrs(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
}

/** Text as XML character data; characters XML 1.0 cannot hold at all are dropped. */
function escapeText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
