import { NOW, rawSignal, VALID_DATA } from './signal.fixtures';
import { SIGNAL_TYPES, SignalType, SignalValidationResult } from './signal.types';
import { validateSignal, validateSignalBatch } from './signal.validator';

function validate(
  type: string,
  data: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): SignalValidationResult {
  return validateSignal(rawSignal(type, data, overrides), 7, NOW);
}

function errorOf(result: SignalValidationResult): { path: string; message: string } {
  if (result.ok) throw new Error(`expected a validation error, got ${JSON.stringify(result.signal)}`);
  expect(result.error.index).toBe(7);
  return result.error;
}

function dataOf(result: SignalValidationResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected a valid signal, got ${result.error.message}`);
  return result.signal.data as unknown as Record<string, unknown>;
}

const REQUIRED: { [T in SignalType]: string[] } = {
  'account.registered': ['role', 'email', 'displayName', 'country'],
  'profile.updated': [],
  'identity.verified': ['provider', 'status'],
  'session.started': ['sessionId', 'ip'],
  'session.activity': ['sessionId', 'activeMinutes'],
  'session.ended': ['sessionId'],
  'desktop.telemetry': [],
  'payout_method.added': ['methodId', 'kind', 'instrument'],
  'payout.requested': ['methodId', 'amount', 'currency'],
  'address.changed': ['kind', 'country'],
  'contract.started': ['contractId', 'clientAccountId'],
  'review.posted': ['contractId', 'subjectAccountId', 'rating'],
  'report.filed': ['subjectAccountId', 'category'],
};

// [field, maximum length] for the free string fields of each type.
const STRING_LIMITS: { [T in SignalType]: [string, number][] } = {
  'account.registered': [
    ['displayName', 256],
    ['agencyAccountId', 128],
    ['referrerAccountId', 128],
  ],
  'profile.updated': [
    ['displayName', 256],
    ['legalName', 256],
    ['city', 128],
    ['headline', 512],
    ['bio', 20_000],
  ],
  'identity.verified': [
    ['provider', 64],
    ['legalName', 256],
    ['documentNumber', 64],
  ],
  'session.started': [
    ['sessionId', 128],
    ['deviceId', 256],
    ['userAgent', 1024],
    ['mfaDeviceId', 256],
  ],
  'session.activity': [['sessionId', 128]],
  'session.ended': [['sessionId', 128]],
  'desktop.telemetry': [
    ['sessionId', 128],
    ['deviceId', 256],
  ],
  'payout_method.added': [
    ['methodId', 128],
    ['instrument', 320],
    ['holderName', 256],
    ['chain', 32],
  ],
  'payout.requested': [['methodId', 128]],
  'address.changed': [
    ['line1', 256],
    ['line2', 256],
    ['city', 128],
    ['region', 128],
    ['postalCode', 32],
  ],
  'contract.started': [
    ['contractId', 128],
    ['clientAccountId', 128],
  ],
  'review.posted': [
    ['contractId', 128],
    ['subjectAccountId', 128],
  ],
  'report.filed': [
    ['subjectAccountId', 128],
    ['category', 64],
    ['text', 20_000],
  ],
};

const ENUMS: [SignalType, string][] = [
  ['account.registered', 'role'],
  ['identity.verified', 'status'],
  ['identity.verified', 'documentType'],
  ['payout_method.added', 'kind'],
  ['address.changed', 'kind'],
];

describe('validateSignal: every type', () => {
  it.each(SIGNAL_TYPES)('%s: accepts a complete valid signal', (type) => {
    const result = validate(type, VALID_DATA[type]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.signal).toMatchObject({
        id: 'evt_1',
        type,
        accountId: 'u_1',
        occurredAt: '2026-11-20T13:45:00.000Z',
      });
    }
  });

  it.each(SIGNAL_TYPES)('%s: accepts only its required fields', (type) => {
    const minimal = Object.fromEntries(REQUIRED[type].map((field) => [field, VALID_DATA[type][field]]));
    expect(dataOf(validate(type, minimal))).toEqual(minimal);
  });

  const requiredCases = SIGNAL_TYPES.flatMap((type) => REQUIRED[type].map((field) => [type, field] as const));
  it.each(requiredCases)('%s: rejects a missing %s', (type, field) => {
    const { [field]: _dropped, ...rest } = VALID_DATA[type];
    expect(errorOf(validate(type, rest))).toMatchObject({
      path: `data.${field}`,
      message: `data.${field}: is required`,
    });
  });

  const allFields = SIGNAL_TYPES.flatMap((type) =>
    Object.keys(VALID_DATA[type]).map((field) => [type, field] as const),
  );
  it.each(allFields)('%s: rejects %s of the wrong type', (type, field) => {
    const error = errorOf(validate(type, { ...VALID_DATA[type], [field]: { not: 'valid' } }));
    expect(error.path).toBe(`data.${field}`);
    expect(error.message.startsWith(`data.${field}: expected `)).toBe(true);
  });

  const limitCases = SIGNAL_TYPES.flatMap((type) =>
    STRING_LIMITS[type].map(([field, max]) => [type, field, max] as const),
  );
  it.each(limitCases)('%s: accepts %s at %i characters and rejects one more', (type, field, max) => {
    expect(dataOf(validate(type, { ...VALID_DATA[type], [field]: 'a'.repeat(max) }))[field]).toHaveLength(
      max,
    );
    const error = errorOf(validate(type, { ...VALID_DATA[type], [field]: 'a'.repeat(max + 1) }));
    expect(error.path).toBe(`data.${field}`);
    expect(error.message).toMatch(
      new RegExp(`^data\\.${field}: expected a (non-empty )?string of at most ${max} characters$`),
    );
  });

  it.each(ENUMS)('%s: rejects a value of %s outside its enum, and a different case', (type, field) => {
    expect(errorOf(validate(type, { ...VALID_DATA[type], [field]: 'nonsense' })).path).toBe(`data.${field}`);
    const upper = String((VALID_DATA[type][field] as string | undefined) ?? 'passport').toUpperCase();
    expect(errorOf(validate(type, { ...VALID_DATA[type], [field]: upper })).message).toMatch(
      /^data\.\w+: expected one of "/,
    );
  });
});

describe('validateSignal: the envelope', () => {
  const data = VALID_DATA['session.ended'];

  it('rejects non-objects', () => {
    for (const input of [null, 42, 'x', [rawSignal('session.ended', data)]]) {
      const result = validateSignal(input, 0, NOW);
      expect(result).toEqual({
        ok: false,
        error: { index: 0, id: null, path: '', message: 'expected a JSON object' },
      });
    }
  });

  it('rejects a missing, empty, oversize or non-printable id, with id null', () => {
    for (const id of [
      undefined,
      '',
      'e'.repeat(129),
      'evt\u0000',
      'evt\n1',
      'evt\u009f',
      'evt\u200b1',
      'evt\u202e1',
      'e\u2028',
      42,
    ]) {
      const result = validateSignal(rawSignal('session.ended', data, { id }), 3, NOW);
      expect(result).toEqual({
        ok: false,
        error: {
          index: 3,
          id: null,
          path: 'id',
          message: 'id: expected a non-empty string of at most 128 printable characters',
        },
      });
    }
    expect(validate('session.ended', data, { id: 'e'.repeat(128) }).ok).toBe(true);
    expect(validate('session.ended', data, { id: 'évt 1 ✓' }).ok).toBe(true);
  });

  it('rejects an unknown type, echoing the id', () => {
    const error = errorOf(validate('session.paused', data));
    expect(error).toMatchObject({ id: 'evt_1', path: 'type' });
    expect(error.message).toMatch(/^type: expected one of "account.registered", /);
  });

  it('rejects a bad accountId, and invisible characters in other ids', () => {
    expect(errorOf(validate('session.ended', data, { accountId: '' })).path).toBe('accountId');
    expect(errorOf(validate('session.ended', { sessionId: 's\u200d1' })).message).toBe(
      'data.sessionId: must contain printable characters only',
    );
    expect(errorOf(validate('session.ended', data, { accountId: 'u\t1' })).path).toBe('accountId');
  });

  it('rejects a missing or non-object data', () => {
    expect(errorOf(validate('session.ended', data, { data: undefined })).message).toBe(
      'data: expected an object',
    );
    expect(errorOf(validate('session.ended', data, { data: ['s_1'] })).message).toBe(
      'data: expected an object',
    );
  });

  it('normalises occurredAt to UTC milliseconds', () => {
    const at = (occurredAt: string) => {
      const result = validate('session.ended', data, { occurredAt });
      return result.ok ? result.signal.occurredAt : result.error.message;
    };
    expect(at('2026-11-20T15:45:00+02:00')).toBe('2026-11-20T13:45:00.000Z');
    expect(at('2026-11-20T08:15:30.123456789-05:30')).toBe('2026-11-20T13:45:30.123Z');
    expect(at('2026-11-20t13:45:00.5z')).toBe('2026-11-20T13:45:00.500Z');
    expect(at('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:59.999Z');
    expect(at('2016-12-31T23:59:60.000Z')).toBe('2016-12-31T23:59:59.999Z');
    expect(at('0099-01-01T00:00:00Z')).toBe('0099-01-01T00:00:00.000Z');
  });

  it.each([
    '2026-11-20T13:45:00', // no offset
    '2026-11-20 13:45:00Z',
    '2026-11-20',
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-20T24:00:00Z',
    '2026-11-20T13:60:00Z',
    '2026-11-20T13:45:00+24:00',
    '2026-11-20T13:45:00.Z',
    '1732110300000',
    'yesterday',
  ])('rejects occurredAt %s', (occurredAt) => {
    expect(errorOf(validate('session.ended', data, { occurredAt })).message).toBe(
      'occurredAt: expected an RFC 3339 date-time with offset, e.g. "2026-11-20T13:45:00.000Z"',
    );
  });

  it('accepts old events and up to 5 minutes ahead, rejects more', () => {
    expect(validate('session.ended', data, { occurredAt: '2019-01-01T00:00:00Z' }).ok).toBe(true);
    expect(validate('session.ended', data, { occurredAt: '2026-11-20T14:05:00.000Z' }).ok).toBe(true);
    expect(
      errorOf(validate('session.ended', data, { occurredAt: '2026-11-20T14:05:00.001Z' })),
    ).toMatchObject({
      path: 'occurredAt',
      message: 'occurredAt: is more than 5 minutes in the future',
    });
    expect(validate('session.ended', data, { occurredAt: '2026-11-20T16:04:00+02:00' }).ok).toBe(true);
  });
});

describe('validateSignal: field rules', () => {
  const registered = VALID_DATA['account.registered'];
  const profile = VALID_DATA['profile.updated'];
  const identity = VALID_DATA['identity.verified'];
  const session = VALID_DATA['session.started'];

  it('drops unknown fields, at the top level and in data', () => {
    const result = validate('session.ended', { sessionId: 's_1', secretEmail: 'a@b.c' }, { extra: 1 });
    expect(result).toEqual({
      ok: true,
      signal: {
        id: 'evt_1',
        type: 'session.ended',
        accountId: 'u_1',
        occurredAt: '2026-11-20T13:45:00.000Z',
        data: { sessionId: 's_1' },
      },
    });
  });

  it('treats null optional fields as absent, null required fields as missing', () => {
    expect(dataOf(validate('account.registered', { ...registered, phone: null }))).not.toHaveProperty(
      'phone',
    );
    expect(errorOf(validate('account.registered', { ...registered, email: null })).message).toBe(
      'data.email: is required',
    );
  });

  it('checks e-mail shape and length', () => {
    for (const email of [
      'not-an-email',
      'a@b',
      'a b@c.de',
      '@c.de',
      'a@@c.de',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      expect(errorOf(validate('account.registered', { ...registered, email })).path).toBe('data.email');
    }
    const long = `${'a'.repeat(64)}@${'b'.repeat(252)}.com`;
    expect(errorOf(validate('account.registered', { ...registered, email: long })).message).toBe(
      'data.email: expected a non-empty string of at most 320 characters',
    );
    expect(validate('account.registered', { ...registered, email: 'zoë@exämple.de' }).ok).toBe(true);
  });

  it('checks phone shape and length', () => {
    for (const phone of ['+1 (415) 555-2671', '0049 30 123456', '415.555.2671 ext. 12']) {
      expect(validate('account.registered', { ...registered, phone }).ok).toBe(true);
    }
    for (const phone of ['call me', '+', '1'.repeat(33), '+1 415 555 2671; DROP']) {
      expect(errorOf(validate('account.registered', { ...registered, phone })).path).toBe('data.phone');
    }
  });

  it('accepts assigned upper-case country codes only', () => {
    for (const country of ['DE', 'KP', 'XK', 'AQ'])
      expect(validate('account.registered', { ...registered, country }).ok).toBe(true);
    for (const country of ['de', 'UK', 'EU', 'ZZ', 'DEU', 'D']) {
      expect(errorOf(validate('account.registered', { ...registered, country })).message).toBe(
        'data.country: expected an assigned ISO 3166-1 alpha-2 country code in upper case, e.g. "DE"',
      );
    }
  });

  it('accepts IANA time zones, including UTC, Etc/* and links Node 20 leaves out of supportedValuesOf', () => {
    for (const timezone of [
      'Europe/Berlin',
      'UTC',
      'Etc/UTC',
      'Etc/GMT+5',
      'Europe/Kyiv',
      'Asia/Kolkata',
      'US/Eastern',
      'America/Argentina/Buenos_Aires',
    ]) {
      expect(dataOf(validate('profile.updated', { ...profile, timezone })).timezone).toBe(timezone);
    }
    for (const timezone of [
      'Mars/Olympus_Mons',
      '+05:00',
      'GMT+5:00',
      'Europe/',
      '',
      'Europe/Berlin '.repeat(10),
    ]) {
      expect(errorOf(validate('profile.updated', { ...profile, timezone })).message).toBe(
        'data.timezone: expected an IANA time zone name, e.g. "Europe/Berlin"',
      );
    }
  });

  it('checks BCP 47 language tags and reports the bad index', () => {
    const ok = [
      'en',
      'en-US',
      'zh-Hant-TW',
      'es-419',
      'de-CH-1996',
      'sr-Latn-RS',
      'en-US-u-ca-gregory',
      'x-private',
      'yue-HK',
    ];
    expect(dataOf(validate('session.started', { ...session, languages: ok })).languages).toEqual(ok);
    for (const tag of ['en_US', 'en US', '12', '', 'e', 'en-', '*', 'en--US', 'a'.repeat(36)]) {
      expect(errorOf(validate('session.started', { ...session, languages: ['en', tag] })).path).toBe(
        'data.languages[1]',
      );
    }
    const tooMany = Array.from({ length: 21 }, () => 'en');
    expect(errorOf(validate('session.started', { ...session, languages: tooMany })).message).toBe(
      'data.languages: expected an array of at most 20 items',
    );
  });

  it('bounds skills and reports the bad one by index', () => {
    expect(
      errorOf(validate('profile.updated', { ...profile, skills: ['a', 'b', 'c', 'x'.repeat(101)] })),
    ).toMatchObject({
      path: 'data.skills[3]',
      message: 'data.skills[3]: expected a non-empty string of at most 100 characters',
    });
    expect(
      validate('profile.updated', { ...profile, skills: Array.from({ length: 100 }, (_, i) => `s${i}`) }).ok,
    ).toBe(true);
    expect(
      errorOf(
        validate('profile.updated', { ...profile, skills: Array.from({ length: 101 }, (_, i) => `s${i}`) }),
      ).path,
    ).toBe('data.skills');
  });

  it('lower-cases a 16-hex-digit photo hash and rejects other shapes', () => {
    expect(dataOf(validate('profile.updated', { ...profile, photoHash: '0123456789ABCDEF' })).photoHash).toBe(
      '0123456789abcdef',
    );
    for (const photoHash of ['0123456789abcde', '0123456789abcdefa', '0123456789abcdeg']) {
      expect(errorOf(validate('profile.updated', { ...profile, photoHash })).path).toBe('data.photoHash');
    }
  });

  it('refuses strings PostgreSQL cannot store and control characters outside free text', () => {
    expect(errorOf(validate('profile.updated', { ...profile, displayName: 'a\u0000b' })).message).toBe(
      'data.displayName: must not contain control characters',
    );
    expect(errorOf(validate('profile.updated', { ...profile, displayName: 'a\nb' })).path).toBe(
      'data.displayName',
    );
    expect(errorOf(validate('profile.updated', { ...profile, bio: 'x\u0000' })).path).toBe('data.bio');
    expect(errorOf(validate('profile.updated', { ...profile, displayName: 'a\ud800b' })).message).toBe(
      'data.displayName: must be valid Unicode (unpaired surrogate)',
    );
    expect(errorOf(validate('profile.updated', { ...profile, bio: 'end\udc00' })).path).toBe('data.bio');
    expect(
      dataOf(
        validate('profile.updated', {
          ...profile,
          displayName: 'Zoë 😀',
          bio: 'line1\r\n\tline2',
          headline: '',
        }),
      ).displayName,
    ).toBe('Zoë 😀');
    expect(errorOf(validate('profile.updated', { ...profile, displayName: '' })).path).toBe(
      'data.displayName',
    );
  });

  it('requires a real calendar date of birth', () => {
    for (const dateOfBirth of ['2000-02-29', '1999-12-31'])
      expect(validate('identity.verified', { ...identity, dateOfBirth }).ok).toBe(true);
    for (const dateOfBirth of [
      '1900-02-29',
      '2001-02-29',
      '1990-04-31',
      '1990-1-1',
      '19900101',
      '1990-00-10',
    ]) {
      expect(errorOf(validate('identity.verified', { ...identity, dateOfBirth })).message).toBe(
        'data.dateOfBirth: expected a calendar date as YYYY-MM-DD',
      );
    }
  });

  it('keeps numbers finite and in range', () => {
    const bad: [SignalType, string, unknown][] = [
      ['identity.verified', 'faceMatchScore', 1.01],
      ['identity.verified', 'faceMatchScore', -0.1],
      ['identity.verified', 'faceMatchScore', Number.NaN],
      ['identity.verified', 'faceMatchScore', '0.9'],
      ['session.started', 'rttMs', -1],
      ['session.started', 'rttMs', Number.POSITIVE_INFINITY],
      ['session.activity', 'activeMinutes', 0],
      ['session.activity', 'activeMinutes', 61],
      ['session.activity', 'activeMinutes', 1.5],
      ['payout.requested', 'amount', 0],
      ['payout.requested', 'amount', -5],
      ['payout.requested', 'amount', 1e13],
      ['payout.requested', 'amount', '10'],
      ['review.posted', 'rating', 0],
      ['review.posted', 'rating', 6],
      ['review.posted', 'rating', '5'],
      ['identity.verified', 'livenessPassed', 'true'],
    ];
    for (const [type, field, value] of bad) {
      expect(errorOf(validate(type, { ...VALID_DATA[type], [field]: value })).path).toBe(`data.${field}`);
    }
    expect(
      errorOf(validate('session.activity', { ...VALID_DATA['session.activity'], activeMinutes: 61 })).message,
    ).toBe('data.activeMinutes: expected an integer from 1 to 60');
    expect(
      errorOf(validate('payout.requested', { ...VALID_DATA['payout.requested'], amount: 0 })).message,
    ).toBe('data.amount: expected a number greater than 0 and at most 1000000000000');
    expect(dataOf(validate('review.posted', { ...VALID_DATA['review.posted'], rating: 4.5 })).rating).toBe(
      4.5,
    );
    expect(dataOf(validate('identity.verified', { ...identity, faceMatchScore: 0 })).faceMatchScore).toBe(0);
  });

  it('checks listening ports one by one', () => {
    const telemetry = VALID_DATA['desktop.telemetry'];
    expect(errorOf(validate('desktop.telemetry', { ...telemetry, listeningPorts: [22, 70000] })).path).toBe(
      'data.listeningPorts[1]',
    );
    expect(errorOf(validate('desktop.telemetry', { ...telemetry, listeningPorts: [0] })).path).toBe(
      'data.listeningPorts[0]',
    );
    const many = Array.from({ length: 1001 }, (_, i) => i + 1);
    expect(errorOf(validate('desktop.telemetry', { ...telemetry, listeningPorts: many })).path).toBe(
      'data.listeningPorts',
    );
  });

  it('upper-cases currency codes and rejects other shapes', () => {
    expect(
      dataOf(validate('payout.requested', { ...VALID_DATA['payout.requested'], currency: 'usdt' })).currency,
    ).toBe('USDT');
    for (const currency of ['U', 'US DOLLAR', '$', 'A'.repeat(13)]) {
      expect(
        errorOf(validate('payout.requested', { ...VALID_DATA['payout.requested'], currency })).path,
      ).toBe('data.currency');
    }
  });

  it('canonicalises IP addresses and rejects malformed ones', () => {
    const ipOf = (ip: string) => dataOf(validate('session.started', { ...session, ip })).ip;
    expect(ipOf('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(ipOf('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(errorOf(validate('session.started', { ...session, ip: '300.1.1.1' })).message).toBe(
      'data.ip: expected an IPv4 or IPv6 address',
    );
  });
});

describe('validateSignalBatch', () => {
  it('keeps the valid signals and reports each invalid one with its index and id', () => {
    const inputs = [
      rawSignal('session.ended', { sessionId: 's_1' }, { id: 'a' }),
      rawSignal('session.ended', {}, { id: 'b' }),
      'garbage',
      rawSignal('review.posted', VALID_DATA['review.posted'], { id: 'd' }),
    ];
    const batch = validateSignalBatch(inputs, NOW, 500);
    expect(batch.signals.map((s) => s.id)).toEqual(['a', 'd']);
    expect(batch.indexes).toEqual([500, 503]);
    expect(batch.errors).toEqual([
      { index: 501, id: 'b', path: 'data.sessionId', message: 'data.sessionId: is required' },
      { index: 502, id: null, path: '', message: 'expected a JSON object' },
    ]);
  });
});
