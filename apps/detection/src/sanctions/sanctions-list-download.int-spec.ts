import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { OutboxRepository, SanctionsListRepository, SanctionsScreeningRepository } from '@tns/database';
import { createTestDatabase, type TestDatabase } from '@tns/testing';
import { parseSanctionsSources, SanctionsListDownloader } from './sanctions-list-download';

// The scheduled download against a real HTTP server on 127.0.0.1 serving the real list files,
// into a throwaway PostgreSQL database.
const SERVER = process.env.TEST_POSTGRES_SERVER_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DATA = path.resolve(__dirname, '../../../../../shared/data/sanctions');
const MINI = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'];

/** Serves files with ETag / Last-Modified and answers conditional requests; counts full answers. */
class ListServer {
  readonly files = new Map<string, Buffer>();
  readonly fullAnswers: string[] = [];
  readonly conditionalRequests: string[] = [];
  private server?: Server;
  private readonly modified = new Date('2026-11-01T00:00:00Z').toUTCString();

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const content = this.files.get(request.url ?? '');
      if (!content) {
        response.writeHead(404).end();
        return;
      }
      const etag = `"${createHash('sha256').update(content).digest('hex').slice(0, 16)}"`;
      if (request.headers['if-none-match'] !== undefined) this.conditionalRequests.push(request.url!);
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
      this.fullAnswers.push(request.url!);
      response
        .writeHead(200, { etag, 'last-modified': this.modified, 'content-length': content.length })
        .end(content);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('scheduled sanctions list download (local HTTP server, real PostgreSQL)', () => {
  let database: TestDatabase;
  let server: ListServer;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase(SERVER, 'tns_test_sanctions_dl');
    server = new ListServer();
    for (const file of MINI)
      server.files.set(`/ofac/${file}`, readFileSync(path.join(DATA, 'ofac-mini-fixture', file)));
    server.files.set(
      '/un/UN_consolidated.xml',
      readFileSync(path.join(DATA, 'un-2026-02/UN_consolidated.xml')),
    );
    server.files.set('/broken/UN_consolidated.xml', Buffer.from('<html>maintenance</html>'));
    base = await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const downloader = (sources: string) =>
    new SanctionsListDownloader(
      parseSanctionsSources(sources),
      new SanctionsListRepository(database.dataSource),
      new SanctionsScreeningRepository(database.dataSource),
      new OutboxRepository(database.dataSource),
    );

  it('loads the lists, then asks conditionally and loads nothing while the files are unchanged, then loads a changed file as a new snapshot', async () => {
    const sources = JSON.stringify([
      { source: 'ofac-sdn-csv', urls: MINI.map((file) => `${base}/ofac/${file}`) },
      { source: 'un-xml', urls: [`${base}/un/UN_consolidated.xml`] },
    ]);
    const first = await downloader(sources).refresh();
    expect(first.map((outcome) => [outcome.source, outcome.status])).toEqual([
      ['ofac-sdn-csv', 'loaded'],
      ['un-xml', 'loaded'],
    ]);
    const lists = new SanctionsListRepository(database.dataSource);
    expect(
      (await lists.listSnapshots('ofac-sdn-csv')).map((snapshot) => [snapshot.entityCount, snapshot.active]),
    ).toEqual([[17, true]]);
    expect((await lists.listSnapshots('un-xml')).filter((snapshot) => snapshot.active)).toHaveLength(1);
    // A rescreen request for each list, and the worker nudged through the outbox.
    const outbox: { job_name: string }[] = await database.dataSource.query(
      `SELECT job_name FROM outbox_message ORDER BY id`,
    );
    expect(outbox.map((message) => message.job_name)).toEqual(['rescreen-sanctions', 'rescreen-sanctions']);

    // Unchanged: conditional requests only, no body fetched again, nothing loaded (a fresh downloader: validators live in the database).
    const answersBefore = server.fullAnswers.length;
    const second = await downloader(sources).refresh();
    expect(second.map((outcome) => outcome.status)).toEqual(['unchanged', 'unchanged']);
    expect(server.fullAnswers.length).toBe(answersBefore);
    expect(server.conditionalRequests).toHaveLength(MINI.length + 1);

    // alt.csv changes upstream: the whole set is fetched (the others answer 304 first) and loaded as a new version.
    const alt = server.files.get('/ofac/alt.csv')!;
    server.files.set(
      '/ofac/alt.csv',
      Buffer.concat([alt, Buffer.from('11195,99999,"aka","KARADH TRADING TEST",-0- \r\n')]),
    );
    const third = await downloader(sources).refresh();
    expect(third[0]).toMatchObject({
      source: 'ofac-sdn-csv',
      status: 'loaded',
      result: { outcome: 'loaded', changed: 1, added: 0, removed: 0 },
    });
    expect(third[1]).toMatchObject({ status: 'unchanged' });
    const snapshots = await lists.listSnapshots('ofac-sdn-csv');
    expect(snapshots).toHaveLength(2);
    expect(snapshots.filter((snapshot) => snapshot.active).map((snapshot) => snapshot.id)).toEqual([
      snapshots[1].id,
    ]);
    const requests: { affected_name_keys: string[] }[] = await database.dataSource.query(
      `SELECT affected_name_keys FROM sanctions_rescreen_request WHERE snapshot_id = $1`,
      [snapshots[1].id],
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].affected_name_keys).toContain('t:karadh');
  });

  it('reports a download that does not parse as the configured list, keeps the active list, and tries again next time', async () => {
    const sources = JSON.stringify([{ source: 'un-xml', urls: [`${base}/broken/UN_consolidated.xml`] }]);
    const lists = new SanctionsListRepository(database.dataSource);
    const activeBefore = (await lists.listSnapshots('un-xml')).find((snapshot) => snapshot.active)?.id;
    const [outcome] = await downloader(sources).refresh();
    expect(outcome).toMatchObject({
      source: 'un-xml',
      status: 'failed',
      error: expect.stringMatching(/no entities|cannot parse/),
    });
    expect((await lists.listSnapshots('un-xml')).find((snapshot) => snapshot.active)?.id).toBe(activeBefore);
    // No validators were kept, so the next run fetches it in full again rather than trusting a 304.
    const answers = server.fullAnswers.filter((url) => url === '/broken/UN_consolidated.xml').length;
    await downloader(sources).refresh();
    expect(server.fullAnswers.filter((url) => url === '/broken/UN_consolidated.xml').length).toBe(
      answers + 1,
    );
  });

  it('refuses a malformed SANCTIONS_SOURCES at boot', () => {
    expect(() => parseSanctionsSources('[{"source":"ofac","urls":["http://x/sdn.csv"]}]')).toThrow(
      /SANCTIONS_SOURCES/,
    );
    expect(() => parseSanctionsSources('[{"source":"un-xml","urls":["file:///etc/passwd"]}]')).toThrow(
      /SANCTIONS_SOURCES/,
    );
    expect(parseSanctionsSources(undefined)).toEqual([]);
  });
});
