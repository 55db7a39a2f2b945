import { afterEach, describe, expect, it, vi } from 'vitest';
import { Presence, type EphemeralChannel } from './presence';

type Listener = (payload: { message: unknown }) => void;

/** Apps on one review: what one broadcasts, every other hears (as the sync server relays it). */
function bus() {
  const channels: { listeners: Set<Listener>; open: boolean }[] = [];
  const channel = (): EphemeralChannel & { open: boolean } => {
    const entry = { listeners: new Set<Listener>(), open: true };
    channels.push(entry);
    return {
      get open() {
        return entry.open;
      },
      set open(value: boolean) {
        entry.open = value;
      },
      broadcast(message) {
        if (!entry.open) return;
        for (const other of channels) {
          if (other !== entry && other.open) other.listeners.forEach((l) => l({ message }));
        }
      },
      on: (_event, listener) => entry.listeners.add(listener),
      off: (_event, listener) => entry.listeners.delete(listener),
    };
  };
  return { channel };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Presence', () => {
  it('lets each app know who else has the review open, and when they leave', () => {
    const { channel } = bus();
    const ana = new Presence(channel(), 's-ana', 'Ana', { interval: 1000 });
    const ben = new Presence(channel(), 's-ben', 'Ben', { interval: 1000 });
    expect(ana.others()).toEqual([{ name: 'Ben' }]);
    expect(ben.others()).toEqual([{ name: 'Ana' }]);
    const told = vi.fn();
    ana.onChange(told);
    ben.close();
    expect(ana.others()).toEqual([]);
    expect(told).toHaveBeenCalledTimes(1);
    ana.close();
  });

  it('counts an app that fell silent as gone, and takes it back when it is heard again', () => {
    vi.useFakeTimers();
    const { channel } = bus();
    const benChannel = channel();
    const ana = new Presence(channel(), 's-ana', 'Ana', { interval: 1000, timeout: 3000 });
    const ben = new Presence(benChannel, 's-ben', 'Ben', { interval: 1000, timeout: 3000 });
    expect(ana.others()).toEqual([{ name: 'Ben' }]);
    benChannel.open = false; // Ben's laptop goes offline without a goodbye.
    vi.advanceTimersByTime(4500);
    expect(ana.others()).toEqual([]);
    benChannel.open = true;
    vi.advanceTimersByTime(1000);
    expect(ana.others()).toEqual([{ name: 'Ben' }]);
    ana.close();
    ben.close();
  });

  it('ignores other ephemeral messages and its own', () => {
    const { channel } = bus();
    const shared = channel();
    const ana = new Presence(shared, 's-ana', 'Ana');
    const other = channel();
    other.broadcast({ hello: 'world' });
    other.broadcast({ crosscheckPresence: 1, session: 's-ana', name: 'Ana again' });
    other.broadcast({ crosscheckPresence: 1, session: 7, name: 'Nobody' });
    expect(ana.others()).toEqual([]);
    ana.close();
  });
});
