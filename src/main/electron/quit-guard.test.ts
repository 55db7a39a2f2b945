// Quitting the Electron app with changes that are not on disk, driven through a fake dialog port:
// the question names the review and why, "Try Again" saves once the disk works, "Save a Copy…"
// writes an annotation file holding the change, and cancelling the copy asks again.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageBoxOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseAnnotationJson } from '../../core/annotations/parse-annotations';
import type { Problem, Result } from '../../core/result';
import { faultyDisk, type FaultyDisk } from '../../../tests/support/faulty-disk';
import { createBackend, type Backend } from '../compose';
import { mayQuit, QUIT_BUTTONS, type QuitDialogs } from './quit-guard';

const TEXT = 'The bridge opened in 1932. It cost four million pounds.\n';

let root: string;
let backend: Backend;
let disk: FaultyDisk;

function value<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-quit-'));
  disk = faultyDisk();
  backend = await createBackend({
    dataDir: join(root, 'data'),
    author: 'Ana',
    writeFile: (path, content) => disk.writeFile(path, content),
    retry: { firstMs: 20, maxMs: 40 },
  });
});

afterEach(async () => {
  disk.state = 'ok';
  await backend.close();
  await rm(root, { recursive: true, force: true });
});

/** A review named Bridge whose claim is only in memory: the disk filled up before the tag. */
async function unsavedClaim(): Promise<{ reviewId: string }> {
  const { service } = backend;
  const reviewId = value(await service.createReview({ name: 'Bridge' })).id;
  const bytes = new TextEncoder().encode(TEXT);
  const documentId = value(await service.addDocument({ reviewId, fileName: 'b.txt', bytes }))
    .document.id;
  const { sentences } = value(await service.getDocumentText({ documentId }));
  await service.flush();
  disk.state = 'full';
  value(
    await service.tagSentence({
      reviewId,
      documentId,
      start: sentences[0] as number,
      end: sentences[1] as number,
      kind: 'claim',
    }),
  );
  await service.flush();
  expect(service.unsaved()).toHaveLength(1);
  return { reviewId };
}

/** Dialogs that answer from a script and remember what they were asked. */
function scriptedDialogs(
  answers: number[],
  savePaths: (string | undefined)[] = [],
  onAsk: (times: number) => void = () => {},
) {
  const asked: MessageBoxOptions[] = [];
  const saveAsked: SaveDialogOptions[] = [];
  const errors: string[] = [];
  const dialogs: QuitDialogs = {
    ask: (options) => {
      asked.push(options);
      onAsk(asked.length);
      const answer = answers.shift();
      if (answer === undefined) throw new Error('asked more often than the script answers');
      return Promise.resolve(answer);
    },
    chooseSavePath: (options) => {
      saveAsked.push(options);
      return Promise.resolve(savePaths.shift());
    },
    showError: (message) => errors.push(message),
    documentsDir: join(root, 'Documents'),
  };
  return { dialogs, asked, saveAsked, errors };
}

const fontsDir = 'resources/fonts';
const TRY_AGAIN = QUIT_BUTTONS.indexOf('Try Again');
const SAVE_COPY = QUIT_BUTTONS.indexOf('Save a Copy…');
const QUIT_ANYWAY = QUIT_BUTTONS.indexOf('Quit Anyway');

it('quits without a question when everything is on disk', async () => {
  const script = scriptedDialogs([]);
  expect(await mayQuit(backend.service, script.dialogs, fontsDir)).toBe(true);
  expect(script.asked).toHaveLength(0);
});

it('names the review and the reason, and "Try Again" saves once the disk has room', async () => {
  const { reviewId } = await unsavedClaim();
  // "Try Again" while the disk is still full brings the question back; the second time the disk
  // has room again, so the change is saved and quitting goes on.
  const script = scriptedDialogs([TRY_AGAIN, TRY_AGAIN], [], (asked) => {
    if (asked === 2) disk.state = 'ok';
  });
  expect(await mayQuit(backend.service, script.dialogs, fontsDir)).toBe(true);
  expect(script.asked).toHaveLength(2);
  expect(script.asked[0]?.message).toBe('Changes to “Bridge” are not saved (the disk is full).');
  expect(script.asked[0]?.buttons).toEqual(['Try Again', 'Save a Copy…', 'Quit Anyway']);
  const onDisk = JSON.parse(
    await readFile(join(backend.dataDir, 'reviews', `${reviewId}.json`), 'utf8'),
  ) as { tags: { kind: string }[] };
  expect(onDisk.tags.map((t) => t.kind)).toEqual(['claim']);
});

it('"Save a Copy…" writes an annotation file that holds the unsaved claim', async () => {
  await unsavedClaim();
  const copy = join(root, 'copy.crosscheck.jsonld');
  const script = scriptedDialogs([SAVE_COPY], [copy]);
  expect(await mayQuit(backend.service, script.dialogs, fontsDir)).toBe(true);
  expect(script.saveAsked[0]?.title).toBe('Save a copy of “Bridge”');
  expect(script.saveAsked[0]?.defaultPath?.startsWith(join(root, 'Documents'))).toBe(true);
  const file = parseAnnotationJson(await readFile(copy, 'utf8'));
  if (!file.ok) throw new Error(file.error.message);
  expect(file.value.review?.name).toBe('Bridge');
  expect(file.value.annotations.map((a) => [a.kind, a.quote.exact])).toEqual([
    ['claim', 'The bridge opened in 1932.'],
  ]);
});

it('asks again when the copy is cancelled or cannot be written, and "Quit Anyway" quits', async () => {
  await unsavedClaim();
  const script = scriptedDialogs(
    [SAVE_COPY, SAVE_COPY, QUIT_ANYWAY],
    [undefined, join(root, 'no-such-folder', 'copy.jsonld')],
  );
  expect(await mayQuit(backend.service, script.dialogs, fontsDir)).toBe(true);
  expect(script.asked).toHaveLength(3);
  expect(script.errors).toHaveLength(1);
  expect(script.errors[0]).toMatch(/could not be written/);
});
