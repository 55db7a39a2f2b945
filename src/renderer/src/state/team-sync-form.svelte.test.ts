// The Team sync dialog's state: what it sends (an empty secret means "the stored one"), what it
// refuses before sending, and how failures read.
import { describe, expect, it, vi } from 'vitest';
import type { TeamSyncInfo } from '../../../shared/review-api';
import { newTeamSecret, TeamSyncForm } from './team-sync-form.svelte';

const SYNCING: TeamSyncInfo = { syncing: true, hasToken: true, serverUrl: 'ws://h:1' };

function apiReplying(reply: unknown) {
  const answer = vi.fn(async () => reply as { ok: true; value: TeamSyncInfo });
  return { getTeamSync: answer, startTeamSync: answer, stopTeamSync: answer };
}

describe('TeamSyncForm', () => {
  it('sends no token for an empty secret, and the join address trimmed', async () => {
    const api = apiReplying({ ok: true, value: SYNCING });
    const form = new TeamSyncForm(api, 'r1');
    expect(await form.start(' ws://h:1 ', '  ', ' automerge:abc ')).toBe(true);
    expect(api.startTeamSync).toHaveBeenCalledWith({
      reviewId: 'r1',
      serverUrl: 'ws://h:1',
      documentUrl: 'automerge:abc',
    });
    expect(form.info).toEqual(SYNCING);
  });

  it('asks for the address before joining with none, and shows the back end’s words', async () => {
    const api = apiReplying({ ok: false, error: { code: 'x', message: 'The token was refused.' } });
    const form = new TeamSyncForm(api, 'r1');
    expect(await form.start('ws://h:1', 's', '')).toBe(false);
    expect(form.problem).toMatch(/Paste the address/);
    expect(api.startTeamSync).not.toHaveBeenCalled();
    expect(await form.stop()).toBe(false);
    expect(form.problem).toBe('The token was refused.');
    expect(form.busy).toBe(false);
  });

  it('says the back end is not answering when a call throws', async () => {
    const form = new TeamSyncForm(
      {
        getTeamSync: () => Promise.reject(new Error('down')),
        startTeamSync: vi.fn(),
        stopTeamSync: vi.fn(),
      },
      'r1',
    );
    await form.load();
    expect(form.problem).toMatch(/not answering/);
  });

  it('makes secrets the back end accepts, different each time', () => {
    const a = newTeamSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newTeamSecret()).not.toBe(a);
  });
});
