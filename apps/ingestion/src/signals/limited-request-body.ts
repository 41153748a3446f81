import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';

/**
 * The request body as a stream that ends quietly once `limit` bytes have passed (`exceeded` then
 * says so). The request itself is not destroyed: what is left of it is read and discarded, so the
 * client can finish sending and read the 413 — destroying it would close the socket under a
 * client still writing, and most clients then report only a broken pipe, not the answer.
 */
export class LimitedRequestBody {
  exceeded = false;
  readonly stream: Transform;
  private received = 0;

  constructor(
    private readonly request: IncomingMessage,
    limit: number,
  ) {
    this.stream = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        if (this.exceeded) return done();
        this.received += chunk.length;
        if (this.received <= limit) return done(null, chunk);
        this.stop();
        done();
      },
    });
    // A client that goes away mid-body must end the read with an error, not leave it waiting.
    const abort = (): void => {
      if (!request.complete && !this.exceeded) this.stream.destroy(new Error('the client aborted the request'));
    };
    request.once('aborted', abort);
    request.once('close', abort);
    request.once('error', (error) => this.stream.destroy(error));
    request.pipe(this.stream);
  }

  /** Declared too large: nothing is read into the reader. */
  refuse(): void {
    this.stop();
  }

  private stop(): void {
    this.exceeded = true;
    this.request.unpipe(this.stream);
    this.stream.end();
    this.request.resume();
  }
}
