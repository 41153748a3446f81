import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { IpIntelRefresher, REFRESH_STATE_FILE } from './ip-intel-refresher';
import { IpIntelService } from './ip-intel.service';
import { MAXMIND_TEST_DB, makeTempDir, removeTempDirs, writeManifest } from './testing/ip-intel-test-data';

/** What the local server answers for each path; requests are recorded with their headers. */
interface Route {
  status: number;
  body: string | Buffer;
  etag?: string;
}

describe('IpIntelRefresher against a local HTTP server', () => {
  let server: http.Server;
  let baseUrl: string;
  const routes = new Map<string, Route>();
  const requests: Array<{ url: string; ifNoneMatch?: string }> = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      requests.push({ url: request.url ?? '', ifNoneMatch: request.headers['if-none-match'] });
      const route = routes.get(request.url ?? '');
      if (!route) return void response.writeHead(404).end('not found');
      if (route.etag && request.headers['if-none-match'] === route.etag) return void response.writeHead(304).end();
      response.writeHead(route.status, route.etag ? { etag: route.etag } : {}).end(route.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  let directory: string;
  let manifestPath: string;
  let service: IpIntelService;
  beforeEach(async () => {
    routes.clear();
    requests.length = 0;
    directory = await makeTempDir();
    await writeFile(path.join(directory, 'vpn.txt'), '192.0.2.0/24\n');
    await copyFile(path.join(MAXMIND_TEST_DB, 'GeoLite2-Country-Test.mmdb'), path.join(directory, 'geo.mmdb'));
    manifestPath = await writeManifest(directory, [
      { path: path.join(directory, 'geo.mmdb'), format: 'mmdb' },
      { path: path.join(directory, 'vpn.txt'), format: 'cidr-list', category: 'vpn' },
    ]);
    service = await IpIntelService.load(manifestPath);
  });

  const refresherFor = (...files: Array<[file: string, route: string]>) =>
    new IpIntelRefresher({
      manifestPath,
      downloads: files.map(([file, route]) => ({ file, url: `${baseUrl}${route}` })),
      reload: () => service.reload(),
    });

  it('downloads, installs and reloads; then asks conditionally and skips an unchanged file', async () => {
    routes.set('/vpn.txt', { status: 200, body: '# v2\n198.51.100.0/24\n', etag: '"v2"' });
    const refresher = refresherFor(['vpn.txt', '/vpn.txt']);

    const first = await refresher.refresh();
    expect(first).toMatchObject({ ok: true, downloads: [{ file: 'vpn.txt', status: 'updated', bytes: 21 }], reload: { ok: true } });
    expect(await readFile(path.join(directory, 'vpn.txt'), 'utf8')).toBe('# v2\n198.51.100.0/24\n');
    expect(service.lookup('198.51.100.7').categories).toEqual(['vpn']);
    expect(service.lookup('192.0.2.1').categories).toEqual([]);

    const second = await refresher.refresh();
    expect(second).toEqual({ ok: true, downloads: [{ file: 'vpn.txt', url: `${baseUrl}/vpn.txt`, status: 'unchanged' }] });
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([undefined, '"v2"']);
    expect((await readdir(directory)).sort()).toEqual([REFRESH_STATE_FILE, 'geo.mmdb', 'manifest.json', 'vpn.txt']);
  });

  it('keeps the old file and data when the payload does not parse', async () => {
    routes.set('/vpn.txt', { status: 200, body: '<html><body>Login required</body></html>' });
    const report = await refresherFor(['vpn.txt', '/vpn.txt']).refresh();
    expect(report.ok).toBe(false);
    expect(report.downloads[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^vpn\.txt: no valid address or CIDR/) });
    expect(report.reload).toBeUndefined();
    expect(await readFile(path.join(directory, 'vpn.txt'), 'utf8')).toBe('192.0.2.0/24\n');
    expect(service.lookup('192.0.2.1').categories).toEqual(['vpn']);
    expect((await readdir(directory)).filter((name) => name.endsWith('.download'))).toEqual([]);
  });

  it('reports HTTP errors and unreachable servers, and still installs the files that did download', async () => {
    routes.set('/broken', { status: 500, body: 'oops' });
    const closedPort = await portNobodyListensOn();
    routes.set('/geo.mmdb', { status: 200, body: await readFile(path.join(MAXMIND_TEST_DB, 'GeoIP2-City-Test.mmdb')) });
    const refresher = new IpIntelRefresher({
      manifestPath,
      downloads: [
        { file: 'vpn.txt', url: `${baseUrl}/broken` },
        { file: 'vpn.txt', url: `http://127.0.0.1:${closedPort}/` },
        { file: 'geo.mmdb', url: `${baseUrl}/geo.mmdb` },
      ],
      reload: () => service.reload(),
    });
    expect(service.lookup('81.2.69.160').city).toBeUndefined(); // the Country database has no cities
    const report = await refresher.refresh();
    expect(report.downloads.map((d) => d.status)).toEqual(['failed', 'failed', 'updated']);
    expect(report.downloads[0]).toMatchObject({ error: `HTTP 500 Internal Server Error from ${baseUrl}/broken` });
    expect(report.downloads[1]).toMatchObject({ error: expect.stringMatching(/^fetch failed: .*ECONNREFUSED/) });
    expect(report).toMatchObject({ ok: false, reload: { ok: true } });
    expect(service.lookup('81.2.69.160')).toMatchObject({ city: 'London' });
    expect(service.lookup('192.0.2.1').categories).toEqual(['vpn']);
  });

  it('refuses a truncated MMDB download', async () => {
    const database = await readFile(path.join(MAXMIND_TEST_DB, 'GeoIP2-City-Test.mmdb'));
    routes.set('/geo.mmdb', { status: 200, body: database.subarray(0, 1000) });
    const report = await refresherFor(['geo.mmdb', '/geo.mmdb']).refresh();
    expect(report.downloads[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^geo\.mmdb: /) });
    expect(service.lookup('2001:218::').country).toBe('JP'); // still the old Country database
  });

  it('refuses files the manifest does not list, and non-http URLs', async () => {
    const report = await refresherFor(['other.txt', '/other.txt']).refresh();
    expect(report.downloads[0]).toMatchObject({ status: 'failed', error: `other.txt is not a source of ${manifestPath}` });
    expect(requests).toEqual([]);
    expect(() => new IpIntelRefresher({ manifestPath, downloads: [{ file: 'vpn.txt', url: 'file:///etc/passwd' }], reload: () => service.reload() })).toThrow(
      'Refresh URL must be http(s): file:///etc/passwd',
    );
  });
});

/** A loopback port that was free a moment ago: listen on an ephemeral port, then close it. */
async function portNobodyListensOn(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

afterAll(removeTempDirs);
