import { parseIpIntelDownloads } from './ip-intel-refresh';

describe('IP_INTEL_REFRESH', () => {
  it('is optional', () => {
    expect(parseIpIntelDownloads(undefined, undefined)).toEqual([]);
  });

  it('reads a JSON list of url and file', () => {
    expect(parseIpIntelDownloads('[{"url":"https://example.com/vpn.txt","file":"vpn.txt","x":1}]', '/data/manifest.json')).toEqual([
      { url: 'https://example.com/vpn.txt', file: 'vpn.txt' },
    ]);
  });

  it('stops the worker on a malformed value or without a manifest to refresh', () => {
    expect(() => parseIpIntelDownloads('vpn.txt', '/data/manifest.json')).toThrow(/IP_INTEL_REFRESH must be a JSON list/);
    expect(() => parseIpIntelDownloads('[{"url":"https://example.com/a"}]', '/data/manifest.json')).toThrow(/JSON list/);
    expect(() => parseIpIntelDownloads('[{"url":"https://example.com/a","file":"a.txt"}]', undefined)).toThrow(/needs IP_INTEL_MANIFEST/);
  });
});
