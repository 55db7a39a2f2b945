// What the Team sync dialog knows and does: the review's stored sync settings (never the secret,
// only whether one is kept), starting (share or join) and stopping, and a problem in plain words.
import type { Problem, Result } from '../../../core/result';
import type { ReviewApi, TeamSyncInfo } from '../../../shared/review-api';

const UNREACHABLE =
  'Crosscheck’s back end is not answering; start it again, then open Team sync… again.';

/** One review's team sync, as its dialog shows it. */
export class TeamSyncForm {
  info = $state.raw<TeamSyncInfo | undefined>();
  busy = $state(false);
  problem = $state<string | undefined>();

  constructor(
    private readonly api: Pick<ReviewApi, 'getTeamSync' | 'startTeamSync' | 'stopTeamSync'>,
    readonly reviewId: string,
  ) {}

  /** Reads the review's settings (a problem stored with them is shown). */
  async load(): Promise<void> {
    await this.run(this.api.getTeamSync({ reviewId: this.reviewId }));
    this.problem ??= this.info?.problem;
  }

  /**
   * Shares the review (no `documentUrl`) or joins a teammate's; an empty secret uses the stored
   * one. Resolves true when the review syncs.
   */
  async start(serverUrl: string, secret: string, documentUrl?: string): Promise<boolean> {
    const token = secret.trim();
    const join = documentUrl?.trim();
    if (join === '') {
      this.problem = 'Paste the address your teammate gave you (it starts with automerge:).';
      return false;
    }
    return this.run(
      this.api.startTeamSync({
        reviewId: this.reviewId,
        serverUrl: serverUrl.trim(),
        ...(token === '' ? {} : { token }),
        ...(join === undefined ? {} : { documentUrl: join }),
      }),
    );
  }

  /** Stops syncing; the settings stay for next time unless `forget`. */
  stop(forget = false): Promise<boolean> {
    return this.run(this.api.stopTeamSync({ reviewId: this.reviewId, forget }));
  }

  private async run(pending: Promise<Result<TeamSyncInfo, Problem>>): Promise<boolean> {
    this.busy = true;
    this.problem = undefined;
    try {
      const result = await pending;
      if (!result.ok) {
        this.problem = result.error.message;
        return false;
      }
      this.info = result.value;
      return true;
    } catch {
      this.problem = UNREACHABLE;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** A new review secret: 32 random bytes as base64url (43 characters). */
export function newTeamSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
