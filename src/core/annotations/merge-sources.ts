// Sources (who says it) of two reviews as one list: a source is the same when a name or alias of
// one matches a name or alias of the other, ignoring case and spacing (sourceKey; no loose
// surname matching, which could join two people across reviews). The review's own ids stay;
// the other side's are remapped onto them.
import { sourceKey } from '../analysis/sources';
import type { Source } from '../review/assessment';
import { uuidForForeignId } from './file-format';

/** One list of sources, and where each incoming source id went. */
export interface UnifiedSources {
  sources: Source[];
  /** Incoming source id → the id of the source it is (or became) in `sources`. */
  ids: Map<string, string>;
  /** Sources added from the incoming side. */
  added: number;
  /** Disagreements kept one way, in plain words ("graded B here and C in the file; kept B"). */
  warnings: string[];
}

/** A stable id for a source known only by name (as files name them). */
export function sourceIdFor(name: string): string {
  return uuidForForeignId(`crosscheck source ${sourceKey(name)}`);
}

/**
 * `incoming` added to `local`: a source matching one already there (by any name or alias) adds
 * its other spellings as aliases and, when the one there has none, its reliability; a differing
 * reliability is kept as it is here and reported. Others are added, under their own id unless it
 * is taken. Nothing is mutated.
 */
export function unifySources(
  local: readonly Source[],
  incoming: readonly Source[],
  where = 'in the file',
): UnifiedSources {
  const sources = local.map((s) => ({ ...s, ...(s.aliases ? { aliases: [...s.aliases] } : {}) }));
  const byKey = new Map<string, Source>();
  const usedIds = new Set(sources.map((s) => s.id));
  for (const source of sources) for (const name of namesOf(source)) keyInto(byKey, name, source);
  const ids = new Map<string, string>();
  const warnings: string[] = [];
  let added = 0;
  for (const source of incoming) {
    const same = namesOf(source)
      .map((name) => byKey.get(sourceKey(name)))
      .find((s) => s !== undefined);
    if (same) {
      for (const name of namesOf(source)) addAlias(same, name);
      if (same.reliability === undefined && source.reliability !== undefined) {
        same.reliability = source.reliability;
      } else if (source.reliability !== undefined && source.reliability !== same.reliability) {
        warnings.push(
          `The source “${same.name}” is graded ${same.reliability} here and ${source.reliability} ${where}; kept ${same.reliability}.`,
        );
      }
      for (const name of namesOf(same)) keyInto(byKey, name, same);
      ids.set(source.id, same.id);
      continue;
    }
    let id = source.id;
    for (let n = 2; usedIds.has(id); n++) id = uuidForForeignId(`${source.id} ${n}`);
    usedIds.add(id);
    const copy: Source = { id, name: source.name };
    if (source.aliases && source.aliases.length > 0) copy.aliases = [];
    for (const alias of source.aliases ?? []) addAlias(copy, alias);
    if (copy.aliases?.length === 0) delete copy.aliases;
    if (source.reliability !== undefined) copy.reliability = source.reliability;
    sources.push(copy);
    for (const name of namesOf(copy)) keyInto(byKey, name, copy);
    ids.set(source.id, id);
    added++;
  }
  return { sources, ids, added, warnings };
}

function namesOf(source: Source): string[] {
  return [source.name, ...(source.aliases ?? [])];
}

function keyInto(byKey: Map<string, Source>, name: string, source: Source): void {
  const key = sourceKey(name);
  if (!byKey.has(key)) byKey.set(key, source);
}

/** Adds a spelling as an alias unless the source already has it (in any case). */
function addAlias(source: Source, name: string): void {
  const key = sourceKey(name);
  if (key === '' || namesOf(source).some((n) => sourceKey(n) === key)) return;
  source.aliases = [...(source.aliases ?? []), name];
}
