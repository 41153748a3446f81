import { resolveTimeZone } from './time-zone-resolution';

describe('resolveTimeZone', () => {
  it("prefers the database's zone", () => {
    expect(resolveTimeZone({ timezone: 'Asia/Harbin', latitude: 43.88, longitude: 125.32, country: 'CN' })).toBe('Asia/Harbin');
  });

  it('falls back to the zone at the coordinates', () => {
    expect(resolveTimeZone({ latitude: 37.422, longitude: -122.085, country: 'US' })).toBe('America/Los_Angeles');
    expect(resolveTimeZone({ latitude: 39.03, longitude: 125.73 })).toBe('Asia/Pyongyang');
  });

  it("falls back to the country's only zone when there are no coordinates", () => {
    expect(resolveTimeZone({ country: 'KP' })).toBe('Asia/Pyongyang');
    expect(resolveTimeZone({ country: 'gb' })).toBe('Europe/London');
  });

  it('gives no zone for a multi-zone country without coordinates', () => {
    expect(resolveTimeZone({ country: 'US' })).toBeUndefined();
    expect(resolveTimeZone({ country: 'RU' })).toBeUndefined();
    expect(resolveTimeZone({})).toBeUndefined();
  });

  it('prefers the country zone over a sea offset zone, and survives invalid coordinates', () => {
    // Off the coast of Japan: the coordinate lookup yields an Etc/GMT zone.
    expect(resolveTimeZone({ latitude: 30, longitude: 150 })).toMatch(/^Etc\//);
    expect(resolveTimeZone({ latitude: 30, longitude: 150, country: 'JP' })).toBe('Asia/Tokyo');
    expect(resolveTimeZone({ latitude: 123, longitude: 500, country: 'JP' })).toBe('Asia/Tokyo');
  });
});
