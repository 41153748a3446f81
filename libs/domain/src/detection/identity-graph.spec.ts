import { entityKeysOf, isHubEntity, linkWeight, nameAndBirthDateKey, shouldUnion, type LinkEvidence } from './identity-graph';
import { ACCOUNT, DAY, ipInfoAt, PLACES, registration, session, T0 } from './observation.fixtures';

describe('entityKeysOf', () => {
  it('keys a session by device, MFA device and /24 + UTC day', () => {
    const keys = entityKeysOf(session(T0 + 5 * 3_600_000, PLACES.newYork, { ip: '203.0.113.77', deviceKey: 'dev-a', mfaDeviceKey: 'mfa-a' }));
    expect(keys.map((k) => k.key)).toEqual(['device:dev-a', 'mfa-device:mfa-a', `ip-window:203.0.113.0/24:${T0 / DAY}`]);
  });

  it('buckets IPv6 by /64 and puts different days in different windows', () => {
    const day1 = entityKeysOf(session(T0, PLACES.newYork, { ip: '2001:db8:1:2:aaaa::1', deviceKey: undefined }));
    const day2 = entityKeysOf(session(T0 + DAY, PLACES.newYork, { ip: '2001:db8:1:2:bbbb::9', deviceKey: undefined }));
    expect(day1[0].key).toBe(`ip-window:2001:db8:1:2::/64:${T0 / DAY}`);
    expect(day2[0].key).not.toBe(day1[0].key);
  });

  it('makes no IP key for Private Relay, mobile carriers (CGNAT) or Tor', () => {
    for (const category of ['relay', 'mobile', 'tor'] as const) {
      const keys = entityKeysOf(session(T0, PLACES.newYork, { deviceKey: undefined, ipInfo: ipInfoAt(PLACES.newYork, [category]) }));
      expect(keys).toEqual([]);
    }
  });

  it('keys identity by document and by name + birth date, whatever the name order and case', () => {
    const keys = entityKeysOf({ kind: 'identity', eventId: 'i', accountId: ACCOUNT, occurredAt: T0, provider: 'kyc', status: 'approved', documentKey: 'doc-1', documentCountry: 'us', legalName: 'Alex Doe', dateOfBirth: '1990-02-03' });
    expect(keys.map((k) => k.kind)).toEqual(['document', 'name-dob']);
    expect(keys[0].key).toBe('document:US:doc-1');
    expect(nameAndBirthDateKey('DOE, alex', '1990-02-03')).toBe(keys[1].key.replace('name-dob:', ''));
    expect(nameAndBirthDateKey('Alex Doe', '1990-02-04')).not.toBe(nameAndBirthDateKey('Alex Doe', '1990-02-03'));
  });

  it('gives bio and photo band keys as candidates only', () => {
    const bio = 'Senior full stack engineer with ten years of React, Node and TypeScript experience building payment platforms for fintech startups';
    const keys = entityKeysOf({ kind: 'profile', eventId: 'p', accountId: ACCOUNT, occurredAt: T0, bio, photoHash: '8f3a00c1d2e4b697' });
    expect(keys.filter((k) => k.kind === 'bio')).toHaveLength(16);
    expect(keys.filter((k) => k.kind === 'photo')).toHaveLength(4);
    expect(keys.every((k) => k.candidateOnly)).toBe(true);
  });

  it('keys e-mail and phone at registration', () => {
    expect(entityKeysOf(registration({ phoneKey: 'ph-1' })).map((k) => k.key)).toEqual(['email:email-key-1', 'phone:ph-1']);
  });
});

describe('hub pruning and link weights', () => {
  it('prunes an IP window shared by a coworking space, campus or CGNAT to context', () => {
    expect(isHubEntity('ip-window', 3)).toBe(false);
    expect(isHubEntity('ip-window', 40)).toBe(true);
    expect(linkWeight('ip-window', 40)).toBe(0);
  });

  it('keeps a device shared by a laptop farm as a link, and weighs specific entities higher', () => {
    expect(isHubEntity('device', 12)).toBe(false);
    expect(linkWeight('device', 2)).toBeGreaterThan(linkWeight('ip-window', 2));
    expect(linkWeight('device', 8)).toBeLessThan(linkWeight('device', 2));
  });
});

describe('shouldUnion', () => {
  let keys = 0;
  const link = (kind: LinkEvidence['kind'], accountCount = 2, sameAgency = false): LinkEvidence => ({ kind, key: `${kind}:${(keys += 1)}`, accountCount, sameAgency });

  it('unions on one strong entity', () => {
    for (const kind of ['device', 'mfa-device', 'payout-instrument', 'document', 'phone'] as const) {
      expect(shouldUnion([link(kind)]).union).toBe(true);
    }
  });

  it('unions on two weaker entities of different kinds', () => {
    expect(shouldUnion([link('address'), link('ip-window')])).toMatchObject({ union: true, summary: 'share address and ip-window' });
  });

  it('does not union coworkers sharing the office network day after day', () => {
    expect(shouldUnion([link('ip-window', 5), link('ip-window', 5), link('ip-window', 6)]).union).toBe(false);
  });

  it('does not union through hubs or through what agency members share by design', () => {
    expect(shouldUnion([link('ip-window', 50), link('address', 200)]).union).toBe(false);
    expect(shouldUnion([link('payout-instrument', 4, true)]).union).toBe(false);
    expect(shouldUnion([link('device', 4, true)]).union).toBe(true);
  });
});
