// Test support: polls an async reading until it passes a check, for what arrives over the network.

/** Reads every 20 ms until `check` passes; resolves with that reading, throws after `ms`. */
export async function pollUntil<T>(
  ms: number,
  read: () => Promise<T>,
  check: (value: T) => boolean,
): Promise<T> {
  const start = Date.now();
  let last = await read();
  while (!check(last)) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await read();
  }
  return last;
}
