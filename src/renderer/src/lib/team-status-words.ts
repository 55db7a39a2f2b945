// The top bar's words for a synced review's team connection: how it stands and who else is here.
import type { SyncStatus, UnseenTag } from '../../../shared/review-api';
import { displayText } from './labels';

/** "Team: online · also here: Ana, Ben", "Team: offline — your edits sync when it is back", … */
export function teamLabel(status: SyncStatus): string {
  switch (status.connection) {
    case 'online': {
      const names = status.others.map((o) => displayText(o.name));
      return names.length === 0
        ? 'Team: online · nobody else here'
        : `Team: online · also here: ${names.join(', ')}`;
    }
    case 'connecting':
      return 'Team: not connected, retrying';
    case 'offline':
      return 'Team: offline — your edits sync when the server is back';
    case 'refused':
      return 'Team: refused — the sync server does not accept this review’s token';
  }
}

/** "3 new from others", and who they are from: "from Ana and Ben" (names in order of arrival). */
export function unseenWords(tags: readonly UnseenTag[]): { label: string; from: string } {
  const names = [...new Set(tags.map((t) => displayText(t.by)))];
  const last = names.pop();
  const from = names.length === 0 ? (last ?? '') : `${names.join(', ')} and ${last}`;
  return { label: `${tags.length} new from others`, from: `from ${from}` };
}
