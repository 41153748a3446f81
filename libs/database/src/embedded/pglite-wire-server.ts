import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite database over the PostgreSQL wire protocol to many connections.
 *
 * PGlite is a single session, so connections take turns at the right granularity: an
 * extended-protocol exchange (Parse … Sync) runs as one unit, because the unnamed prepared
 * statement is shared by everyone (a proxy that interleaves single messages binds one
 * client's parameters to another's statement); and a connection that leaves a transaction
 * open keeps its turn until ReadyForQuery says it is idle again. Named prepared statements
 * outlive their connection in the shared session, so a closed connection's are deallocated
 * (clients must give each connection its own names, as `queryPrepared` does).
 */
export class PgliteWireServer {
  private server?: Server;
  private readonly turnstile = new Turnstile();
  private readonly sockets = new Set<Socket>();

  constructor(private readonly db: PGlite) {}

  async listen(host: string, port: number): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('embedded PostgreSQL: no TCP address');
    return address.port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    this.sockets.add(socket);
    const connection = new WireConnection(socket, this.db, this.turnstile);
    socket.on('data', (chunk) => connection.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      void connection.closed();
    });
  }
}

/** A FIFO mutex: `acquire` resolves with the function that lets the next holder in. */
class Turnstile {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const granted = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return granted;
  }
}

const SSL_REQUEST = 80877103;
const PROTOCOL_3 = 196608;
const SYNC = 0x53;
const QUERY = 0x51;
const FLUSH = 0x48;
const TERMINATE = 0x58;
const PARSE = 0x50;

class WireConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private unit: Buffer[] = [];
  private release?: () => void;
  private inTransaction = false;
  private chain: Promise<void> = Promise.resolve();
  private readonly preparedNames = new Set<string>();

  constructor(
    private readonly socket: Socket,
    private readonly db: PGlite,
    private readonly turnstile: Turnstile,
  ) {}

  receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (let message = this.nextMessage(); message; message = this.nextMessage()) {
      const type = this.started ? message[0] : undefined;
      if (type === TERMINATE) {
        this.socket.end();
        return;
      }
      if (type === PARSE) this.notePrepared(message);
      this.unit.push(message);
      if (type === undefined || type === SYNC || type === QUERY || type === FLUSH) {
        this.started = true;
        const unit = Buffer.concat(this.unit);
        this.unit = [];
        this.chain = this.chain
          .then(() => this.execute(unit))
          .catch(() => {
            this.socket.destroy();
          });
      }
    }
  }

  async closed(): Promise<void> {
    await this.chain;
    if (!this.release && this.preparedNames.size === 0) return;
    this.release ??= await this.turnstile.acquire();
    // The client vanished mid-transaction: roll it back before anyone else goes on.
    if (this.inTransaction) await this.db.exec('ROLLBACK').catch(() => undefined);
    for (const name of this.preparedNames) {
      await this.db.exec(`DEALLOCATE "${name.replaceAll('"', '""')}"`).catch(() => undefined);
    }
    this.release();
    this.release = undefined;
  }

  /** Parse: 'P', length, statement name (C string), query, parameter types. */
  private notePrepared(message: Buffer): void {
    const end = message.indexOf(0, 5);
    if (end > 5) this.preparedNames.add(message.toString('utf8', 5, end));
  }

  private async execute(unit: Buffer): Promise<void> {
    this.release ??= await this.turnstile.acquire();
    const chunks: Uint8Array[] = [];
    try {
      await this.db.execProtocolRawStream(new Uint8Array(unit), {
        // Copy: the chunk is a view into WebAssembly memory that the next chunk overwrites.
        onRawData: (data) => chunks.push(Buffer.from(data)),
      });
    } catch (error) {
      this.release();
      this.release = undefined;
      throw error;
    }
    const response = Buffer.concat(chunks);
    this.inTransaction = transactionStatus(response) !== 'I';
    if (!this.inTransaction) {
      this.release();
      this.release = undefined;
    }
    if (this.socket.writable) this.socket.write(response);
  }

  /** The next complete message, or undefined; handles the untyped startup packets. */
  private nextMessage(): Buffer | undefined {
    if (!this.started) {
      if (this.buffer.length < 8) return undefined;
      const length = this.buffer.readInt32BE(0);
      if (this.buffer.length < length) return undefined;
      const code = this.buffer.readInt32BE(4);
      const packet = Buffer.from(this.buffer.subarray(0, length));
      this.buffer = this.buffer.subarray(length);
      if (code === SSL_REQUEST) {
        this.socket.write('N');
        return this.nextMessage();
      }
      if (code !== PROTOCOL_3) {
        this.socket.destroy();
        return undefined;
      }
      return packet;
    }
    if (this.buffer.length < 5) return undefined;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return undefined;
    const message = Buffer.from(this.buffer.subarray(0, length));
    this.buffer = this.buffer.subarray(length);
    return message;
  }
}

/** The transaction status of the last ReadyForQuery ('Z') in a response: I, T or E. */
export function transactionStatus(response: Buffer): string {
  let status = 'I';
  let offset = 0;
  while (offset + 5 <= response.length) {
    const length = response.readInt32BE(offset + 1);
    if (response[offset] === 0x5a && length === 5) status = String.fromCharCode(response[offset + 5]);
    offset += 1 + length;
  }
  return status;
}
