// Steps that reach the back end run one after another, in the order their keys were pressed, so
// "1, j, 2" tags the first sentence before the second is looked at. Moving never waits.

/** A step of a key's action; it may be async. */
export type Step = () => Promise<void> | void;

/** An ordered queue of steps; a failing step is reported and the queue goes on. */
export class KeyQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  /** @param onError told about a step that threw (a bug: expected failures are Results) */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** Runs `step` after every step queued before it; resolves when it has run. */
  push(step: Step): Promise<void> {
    this.pending++;
    const run = this.tail.then(step).catch(this.onError);
    this.tail = run.finally(() => this.pending--);
    return this.tail;
  }

  /** Steps queued and not yet finished. */
  get size(): number {
    return this.pending;
  }

  /** Resolves when every step queued so far has run. */
  idle(): Promise<void> {
    return this.tail;
  }
}
