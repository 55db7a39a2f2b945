// Who else has a shared review open: each app announces itself on the review's document with the
// engine's ephemeral messages (relayed by the sync server, never stored) every few seconds and
// when it leaves; an app not heard from for a while is taken to have gone.

/** What an app announces. */
interface PresenceMessage {
  crosscheckPresence: 1;
  /** One per running app and review, so two windows of one reviewer count twice. */
  session: string;
  name: string;
  leaving?: boolean;
}

/** The parts of an Automerge DocHandle presence uses. */
export interface EphemeralChannel {
  broadcast(message: unknown): void;
  on(event: 'ephemeral-message', listener: (payload: { message: unknown }) => void): unknown;
  off(event: 'ephemeral-message', listener: (payload: { message: unknown }) => void): unknown;
}

/** Someone else with the review open. */
export interface PresentReviewer {
  name: string;
}

/** How often an app announces itself, and after how long without a word it counts as gone (ms). */
export interface PresenceTiming {
  interval?: number;
  timeout?: number;
  now?: () => number;
}

/** This app's presence on one shared review, and what it hears of the others. */
export class Presence {
  private readonly seen = new Map<string, { name: string; at: number }>();
  private readonly listeners = new Set<() => void>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly interval: number;
  private readonly timeout: number;
  private readonly now: () => number;
  private readonly onMessage = ({ message }: { message: unknown }) => this.hear(message);

  constructor(
    private readonly channel: EphemeralChannel,
    private readonly session: string,
    private readonly name: string,
    timing: PresenceTiming = {},
  ) {
    this.interval = timing.interval ?? 3000;
    this.timeout = timing.timeout ?? 3.5 * this.interval;
    this.now = timing.now ?? Date.now;
    channel.on('ephemeral-message', this.onMessage);
    this.timer = setInterval(() => this.tick(), this.interval);
    this.timer.unref?.();
    this.announce();
  }

  /** The others who have the review open, by name, in the order they were first heard. */
  others(): PresentReviewer[] {
    return [...this.seen.values()].map(({ name }) => ({ name }));
  }

  /** Calls `listener` whenever someone arrives or leaves; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Says goodbye and stops listening. */
  close(): void {
    clearInterval(this.timer);
    this.channel.off('ephemeral-message', this.onMessage);
    this.send(true);
  }

  /** Announces this app now (also after a reconnect, so others need not wait a whole interval). */
  announce(): void {
    this.send(false);
  }

  private send(leaving: boolean): void {
    const message: PresenceMessage = {
      crosscheckPresence: 1,
      session: this.session,
      name: this.name,
      ...(leaving ? { leaving } : {}),
    };
    try {
      this.channel.broadcast(message);
    } catch {
      // Offline: nobody to tell.
    }
  }

  private hear(message: unknown): void {
    if (!isPresenceMessage(message) || message.session === this.session) return;
    const known = this.seen.get(message.session);
    if (message.leaving) {
      if (known && this.seen.delete(message.session)) this.changed();
      return;
    }
    this.seen.set(message.session, { name: message.name, at: this.now() });
    if (!known) {
      // A newcomer hears of us at once, not a whole interval later.
      this.announce();
      this.changed();
    } else if (known.name !== message.name) this.changed();
  }

  private tick(): void {
    this.announce();
    const cutoff = this.now() - this.timeout;
    let gone = false;
    for (const [session, { at }] of this.seen) {
      if (at < cutoff) gone = this.seen.delete(session) || gone;
    }
    if (gone) this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function isPresenceMessage(message: unknown): message is PresenceMessage {
  const m = message as Partial<PresenceMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.crosscheckPresence === 1 &&
    typeof m.session === 'string' &&
    typeof m.name === 'string' &&
    m.name.length <= 200
  );
}
