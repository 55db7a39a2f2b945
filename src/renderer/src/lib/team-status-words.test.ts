import { describe, expect, it } from 'vitest';
import { teamLabel, unseenWords } from './team-status-words';

describe('teamLabel', () => {
  it('names who else is here when online, and says plainly when the team is out of reach', () => {
    expect(teamLabel({ connection: 'online', others: [{ name: 'Ana' }, { name: 'Ben' }] })).toBe(
      'Team: online · also here: Ana, Ben',
    );
    expect(teamLabel({ connection: 'online', others: [] })).toBe('Team: online · nobody else here');
    expect(teamLabel({ connection: 'offline', others: [] })).toMatch(/offline — your edits sync/);
    expect(teamLabel({ connection: 'refused', others: [] })).toMatch(/does not accept/);
    expect(teamLabel({ connection: 'connecting', others: [{ name: 'Ana' }] })).toMatch(
      /^Team: not connected, retrying$/,
    );
  });

  it('shows bidi controls in a name instead of obeying them', () => {
    expect(teamLabel({ connection: 'online', others: [{ name: 'Ana\u202eneB' }] })).not.toContain(
      '\u202e',
    );
  });
});

describe('unseenWords', () => {
  it('counts the tags and names each teammate once', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const tags = [
      { tagId: 'a', by: 'Ana', at },
      { tagId: 'b', by: 'Ben', at },
      { tagId: 'c', by: 'Ana', at },
    ];
    expect(unseenWords(tags)).toEqual({ label: '3 new from others', from: 'from Ana and Ben' });
    expect(unseenWords(tags.slice(0, 1))).toEqual({ label: '1 new from others', from: 'from Ana' });
  });
});
