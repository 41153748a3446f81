import { Writable } from 'node:stream';
import { createLogger, PinoNestLogger } from './logger';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON lines with personal data and credentials censored', () => {
    const { lines, stream } = capture();
    const logger = createLogger('ingestion', 'info', stream);
    logger.info(
      {
        signal: { accountId: 'u_1', data: { email: 'kim@example.com', ip: '203.0.113.9' } },
        req: { headers: { authorization: 'Bearer tns_secret' } },
        phone: '+15550100',
      },
      'accepted',
    );
    const line = JSON.stringify(lines[0]);
    expect(lines[0]).toMatchObject({ process: 'ingestion', msg: 'accepted', level: 30 });
    expect(line).toContain('u_1');
    for (const secret of ['kim@example.com', '203.0.113.9', 'tns_secret', '+15550100']) {
      expect(line).not.toContain(secret);
    }
  });

  it('adapts Nest messages, errors included', () => {
    const { lines, stream } = capture();
    const nest = new PinoNestLogger(createLogger('review', 'debug', stream));
    nest.log('started', 'Bootstrap');
    nest.error(new Error('boom'));
    expect(lines[0]).toMatchObject({ msg: 'started', context: 'Bootstrap', level: 30 });
    expect(lines[1]).toMatchObject({ msg: 'boom', level: 50 });
  });
});
