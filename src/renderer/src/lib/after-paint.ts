// Runs work after the next frame is painted, so it does not delay what the frame shows.

/**
 * Calls `run` once the next frame has been painted (a task after the frame), or after
 * `fallbackMs` where frames do not come (a hidden window). Returns a function that cancels it.
 */
export function afterNextPaint(run: () => void, fallbackMs = 100): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const once = () => {
    if (done) return;
    cancel();
    run();
  };
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => (task = setTimeout(once, 0)))
      : undefined;
  const fallback = setTimeout(once, frame === undefined ? 0 : fallbackMs);
  function cancel(): void {
    done = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(task);
    clearTimeout(fallback);
  }
  return cancel;
}
