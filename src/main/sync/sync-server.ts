// The team sync server: the engine's own pieces (an Automerge Repo with file storage and the
// WebSocket server adapter) behind an upgrade check. Each review has a room of its own, a Repo
// that holds only that review's document, so a connection admitted with one review's token can
// reach no other review. (The ready-made @automerge/automerge-repo-sync-server cannot check a
// connection before accepting it, and binds every interface.)
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { mkdir } from 'node:fs/promises';
import { unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import { Repo, type DocumentId, type PeerId } from '@automerge/automerge-repo';
import { flushReady } from './flush-ready';
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket';
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs';
import { WebSocketServer } from 'ws';
import { SyncAccess } from './sync-access';
import { readSyncRequest } from './sync-address';

/** How to start the server. */
export interface SyncServerOptions {
  port: number;
  /** The interface to bind (default 127.0.0.1: this machine only). */
  host?: string;
  /** Where documents and the access table are kept. */
  dataDir: string;
  /** Whether a token for a review the server does not know registers it (default true). */
  acceptNewReviews?: boolean;
  /** Where the server says what it does (one line each; never tokens). */
  log?: (line: string) => void;
  /** How often dead connections are looked for (ms). */
  keepAliveInterval?: number;
  /** How often access.json is checked for a replaced or withdrawn token (ms, default 1000). */
  accessCheckInterval?: number;
}

/** A running sync server. */
export interface RunningSyncServer {
  /** The base address peers connect to (`ws://host:port`). */
  url: string;
  port: number;
  /** Open rooms (reviews with a connection since start) and their connections. */
  stats(): { reviews: number; connections: number };
  /** The heads of the server's copy of a review's document (undefined: it has none yet). */
  heads(documentId: DocumentId): string[] | undefined;
  /** Closes every connection and writes every document to disk. */
  close(): Promise<void>;
}

interface Room {
  repo: Repo;
  sockets: WebSocketServer;
  /** The digest of the token its connections were let in with. */
  admitted?: string;
  /** Settles once the adapter listens for connections (the Repo starts it asynchronously). */
  listening: Promise<void>;
}

/** Starts the sync server; rejects when the port cannot be bound. */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  await mkdir(join(options.dataDir, 'reviews'), { recursive: true });
  const access = new SyncAccess(options.dataDir, options.acceptNewReviews ?? true);
  await access.load();
  const rooms = new Map<DocumentId, Room>();

  const roomFor = (documentId: DocumentId): Room => {
    const open = rooms.get(documentId);
    if (open) return open;
    const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
    const listening = new Promise<void>((resolve) => {
      const onListener = (event: string | symbol) => {
        if (event !== 'connection') return;
        sockets.off('newListener', onListener);
        setImmediate(resolve); // 'newListener' fires just before the listener is added
      };
      sockets.on('newListener', onListener);
    });
    const only = async (_peer: PeerId, id?: DocumentId) => id === documentId;
    const repo = new Repo({
      peerId: `crosscheck-sync-server` as PeerId,
      storage: new NodeFSStorageAdapter(join(options.dataDir, 'reviews', documentId)),
      // Peers sync from a fresh state on every connection; they need not store one of ours.
      isEphemeral: true,
      network: [
        new NodeWSServerAdapter(asAdapterServer(sockets), options.keepAliveInterval ?? 5000),
      ],
      // A server announces nothing: it answers peers that ask for this review by id.
      shareConfig: { announce: async () => false, access: only },
    });
    const room = { repo, sockets, listening };
    rooms.set(documentId, room);
    return room;
  };

  const refuse = (socket: Duplex, status: number, reason: string, request: IncomingMessage) => {
    log(
      `refused a connection from ${request.socket.remoteAddress ?? 'an unknown address'}: ${reason}`,
    );
    const text = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Bad Request';
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const asked = readSyncRequest(request);
    if (!asked.ok) return refuse(socket, asked.status, asked.reason, request);
    access.check(asked.documentId, asked.token).then(
      (verdict) => {
        if (verdict === 'wrong-token')
          return refuse(socket, 401, 'wrong token for the review', request);
        if (verdict === 'unknown-review') {
          return refuse(socket, 401, 'the server takes no new reviews', request);
        }
        if (verdict === 'revoked') {
          return refuse(socket, 401, 'access to the review was withdrawn', request);
        }
        if (verdict === 'registered') log(`registered review ${asked.documentId}`);
        const room = roomFor(asked.documentId);
        room.admitted = access.entry(asked.documentId)?.tokenSha256;
        return room.listening.then(() =>
          room.sockets.handleUpgrade(request, socket, head, (webSocket) => {
            room.sockets.emit('connection', webSocket, request);
          }),
        );
      },
      (error: unknown) => {
        log(`could not record a new review: ${(error as Error).message}`);
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      },
    );
  };

  const server: Server = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain; charset=utf-8', upgrade: 'websocket' });
    response.end('This is a Crosscheck sync server; the app connects to it over WebSocket.\n');
  });
  server.on('upgrade', onUpgrade);

  // A token replaced or access withdrawn (by `crosscheck sync-server --new-token/--revoke`, in the
  // file) closes the connections that were let in with the old token; they cannot come back.
  const accessFile = join(options.dataDir, 'access.json');
  const onAccessChanged = () => {
    access.load().then(
      () => {
        for (const [documentId, room] of rooms) {
          const entry = access.entry(documentId);
          const stillAdmitted = entry && !entry.revoked && entry.tokenSha256 === room.admitted;
          if (stillAdmitted || room.sockets.clients.size === 0) continue;
          const count = room.sockets.clients.size;
          for (const client of room.sockets.clients) client.close(4401, 'token no longer valid');
          log(
            `closed ${count} connection${count === 1 ? '' : 's'} to review ${documentId}: ` +
              (entry?.revoked ? 'access was withdrawn' : 'its token was replaced'),
          );
        }
      },
      (error: unknown) => log(`could not read ${accessFile}: ${(error as Error).message}`),
    );
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  watchFile(
    accessFile,
    { interval: options.accessCheckInterval ?? 1000, persistent: false },
    onAccessChanged,
  );
  const port = (server.address() as AddressInfo).port;
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`listening on ${url} (data folder ${options.dataDir})`);

  return {
    url,
    port,
    stats: () => ({
      reviews: rooms.size,
      connections: [...rooms.values()].reduce((n, room) => n + room.sockets.clients.size, 0),
    }),
    heads: (documentId) => {
      const handle = rooms.get(documentId)?.repo.handles[documentId];
      return handle?.isReady() ? [...handle.heads()] : undefined;
    },
    close: async () => {
      unwatchFile(accessFile, onAccessChanged);
      server.off('upgrade', onUpgrade);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const room of rooms.values()) {
        for (const client of room.sockets.clients) client.terminate();
        room.sockets.close();
        await flushReady(room.repo);
        await room.repo.shutdown();
      }
      rooms.clear();
      await access.flush();
      await closed;
    },
  };
}

/** The adapter is typed against isomorphic-ws's copy of the ws types; it is the same class. */
function asAdapterServer(
  sockets: WebSocketServer,
): ConstructorParameters<typeof NodeWSServerAdapter>[0] {
  return sockets as unknown as ConstructorParameters<typeof NodeWSServerAdapter>[0];
}
