// Group commit: edits that arrive close together share one write, and each caller learns when
// the write that contains its edit is on disk. At most one write runs at a time.

/** Coalesces requests to persist some state into as few writes as correctness allows. */
export class WriteCoalescer {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  /**
   * @param write persists the current state (it reads the state when it starts)
   * @param windowMs how long a write waits for more edits to join it (0: edits made while a
   *   write runs still share the next one)
   */
  constructor(
    private readonly write: () => Promise<void>,
    private readonly windowMs = 0,
  ) {}

  /** Resolves once a write that started after this call has finished (rejects if it failed). */
  request(): Promise<void> {
    // A queued write has not started yet, so it will include this edit: join it.
    if (this.queued) return this.queued;
    const after = this.running ?? Promise.resolve();
    const next = after
      .catch(() => undefined)
      .then(() => delay(this.windowMs))
      .then(() => {
        this.queued = undefined;
        const run = this.write();
        this.running = run;
        return run.finally(() => {
          if (this.running === run) this.running = undefined;
        });
      });
    this.queued = next;
    return next;
  }

  /** Whether a write is running or queued. */
  get busy(): boolean {
    return this.queued !== undefined || this.running !== undefined;
  }

  /** Resolves when no write is running or queued. */
  async idle(): Promise<void> {
    while (this.queued || this.running) {
      await (this.queued ?? this.running)?.catch(() => undefined);
    }
  }
}

/**
 * Waits `ms`, or with 0 until the next turn of the event loop: a write starts only after what the
 * edit pushed (its change event, corked by node:http until the next tick) has left, so the
 * window shows the edit without waiting for the whole review to be serialised.
 */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}
