// The engine's WebSocket client adapter, made safe for a long-running app. The stock adapter
// rethrows any connection error other than "refused" from an event handler (which would end the
// process), so a server that answers 401 or a network that drops mid-handshake must be caught.
// And it reconnects by itself under the same peer id, which can leave the server's sync state for
// that peer believing it sent changes that were lost with the old socket (seen here as two copies
// that never converge); so this adapter never reconnects: its owner makes a new one, with a new
// peer id, for each connection (see SyncPeer).
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';

/** What the adapter tells its owner. */
export interface AdapterEvents {
  /** The server refused the token or the review; the adapter has stopped. */
  onRefused: () => void;
  /** A connection that was open (or being opened) has closed; the adapter has stopped. */
  onClosed: () => void;
}

/** A WebSocket client adapter that reports errors and closes instead of throwing or retrying. */
export class GuardedClientAdapter extends WebSocketClientAdapter {
  private stopped = false;

  /**
   * @param url the review's sync address (with its token)
   * @param events what to call when the server refuses or the connection closes
   */
  constructor(url: string, events: AdapterEvents) {
    // A long retry interval: the adapter's own retries are stopped on the first close.
    super(url, 60_000);
    this.onError = (event) => {
      const error = 'error' in event ? (event.error as Error | undefined) : undefined;
      if (!error || !/\b(401|403|404)\b/.test(error.message)) return; // reported by close
      this.stop();
      events.onRefused();
    };
    this.onClose = () => {
      if (this.stopped) return;
      this.stop();
      events.onClosed();
    };
  }

  /** Closes the connection for good; a second call does nothing. */
  override disconnect(): void {
    this.stop();
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.socket || !this.peerId) return;
    // Closing a socket still connecting reports an error; nobody listens for it any more.
    this.socket.addEventListener('error', ignore);
    super.disconnect();
  }
}

function ignore(): void {}
