import { mergeFindings } from './ip-intel-answer';

const subject = { ip: '203.0.113.7', version: 4 as const };

describe('mergeFindings', () => {
  it('takes each field from the first source that has it, in manifest order', () => {
    const answer = mergeFindings(subject, [
      { source: 'country.mmdb', finding: { country: 'KP', city: '' } },
      { source: 'city.mmdb', finding: { country: 'CN', city: 'Dandong', latitude: 40.13, longitude: 124.39, accuracyRadiusKm: 50 } },
      { source: 'asn.csv', finding: { asn: 131279, asOrganisation: 'Star Joint Venture Co. Ltd.' } },
      { source: 'isp.mmdb', finding: { asn: 4837, asOrganisation: 'CHINA UNICOM' } },
    ]);
    expect(answer).toEqual({
      ip: '203.0.113.7',
      version: 4,
      country: 'KP',
      city: 'Dandong',
      latitude: 40.13,
      longitude: 124.39,
      accuracyRadiusKm: 50,
      timezone: 'Asia/Shanghai',
      asn: 131279,
      asOrganisation: 'Star Joint Venture Co. Ltd.',
      categories: [],
      sources: ['country.mmdb', 'city.mmdb', 'asn.csv', 'isp.mmdb'],
    });
  });

  it('takes coordinates and their radius together from one source', () => {
    const answer = mergeFindings(subject, [
      { source: 'a', finding: { latitude: 51.5 } }, // half a coordinate is no location
      { source: 'b', finding: { latitude: 47.25, longitude: -122.31 } },
      { source: 'c', finding: { latitude: 1, longitude: 2, accuracyRadiusKm: 5 } },
    ]);
    expect(answer).toMatchObject({ latitude: 47.25, longitude: -122.31 });
    expect(answer.accuracyRadiusKm).toBeUndefined();
  });

  it('unions categories from every source, sorted and unique', () => {
    const answer = mergeFindings(subject, [
      { source: 'tor.lst', finding: { categories: ['tor'] } },
      { source: 'anon.mmdb', finding: { categories: ['vpn', 'tor', 'hosting'] } },
      { source: 'dc.txt', finding: { categories: ['hosting'] } },
    ]);
    expect(answer.categories).toEqual(['hosting', 'tor', 'vpn']);
  });

  it('lists only sources that hold something, and omits unknown fields', () => {
    const answer = mergeFindings(subject, [
      { source: 'empty', finding: { categories: [], city: '' } },
      { source: 'geo', finding: { country: 'GB' } },
    ]);
    expect(answer).toEqual({ ip: '203.0.113.7', version: 4, country: 'GB', timezone: 'Europe/London', categories: [], sources: ['geo'] });
    expect(Object.keys(answer)).not.toContain('city');
  });

  it("uses a database's time zone before any derived one", () => {
    const answer = mergeFindings(subject, [
      { source: 'a', finding: { country: 'CN', latitude: 43.88, longitude: 125.32 } },
      { source: 'b', finding: { timezone: 'Asia/Harbin' } },
    ]);
    expect(answer.timezone).toBe('Asia/Harbin');
  });
});
