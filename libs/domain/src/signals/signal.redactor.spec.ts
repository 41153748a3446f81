import { extractIdentifiers, SignalIdentifier } from './identifier.extractor';
import { Pseudonymiser } from './pseudonymiser';
import { NOW, rawSignal, VALID_DATA } from './signal.fixtures';
import { pseudonymiseSignal, redactSignal } from './signal.redactor';
import { Signal, SIGNAL_TYPES, SignalType } from './signal.types';
import { validateSignal } from './signal.validator';

const pseudonymiser = new Pseudonymiser({ currentKeyId: 'k1', keys: { k1: 'k'.repeat(32) } });

function signalOf(type: SignalType, data: Record<string, unknown> = VALID_DATA[type]): Signal {
  const result = validateSignal(rawSignal(type, data), 0, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.signal;
}

const summary = (ids: SignalIdentifier[]) =>
  ids.map(({ kind, path, normalised, retention, redact }) => ({ kind, path, normalised, retention, redact }));

describe('extractIdentifiers', () => {
  it('finds e-mail and phone on registration, the phone in the claimed country', () => {
    expect(summary(extractIdentifiers(signalOf('account.registered')))).toEqual([
      { kind: 'email', path: 'data.email', normalised: 'johndoe@gmail.com', retention: 'pii', redact: true },
      { kind: 'phone', path: 'data.phone', normalised: '+14155552671', retention: 'pii', redact: true },
    ]);
  });

  it('finds the document and the name + birth date on identity verification', () => {
    const ids = extractIdentifiers(signalOf('identity.verified'));
    expect(summary(ids)).toEqual([
      {
        kind: 'document',
        path: 'data.documentNumber',
        normalised: 'KR:passport:M12345678',
        retention: 'pii',
        redact: true,
      },
      {
        kind: 'legal_name_dob',
        path: 'data.legalName',
        normalised: 'chol kim|1990-02-28',
        retention: 'pii',
        redact: false,
      },
    ]);
    expect(ids[0].raw).toBe('m12-345 678');
  });

  it('finds ip, device and MFA device on session start, with their retention classes', () => {
    expect(summary(extractIdentifiers(signalOf('session.started')))).toEqual([
      { kind: 'ip', path: 'data.ip', normalised: '203.0.113.7', retention: 'ip', redact: true },
      { kind: 'device', path: 'data.deviceId', normalised: 'dev-abc', retention: 'device', redact: true },
      {
        kind: 'mfa_device',
        path: 'data.mfaDeviceId',
        normalised: 'totp-1',
        retention: 'device',
        redact: true,
      },
    ]);
  });

  it('finds IBANs (checksum-flagged), payout e-mails (also as e-mails) and wallets (not redacted)', () => {
    const bank = extractIdentifiers(signalOf('payout_method.added'));
    expect(summary(bank)).toEqual([
      {
        kind: 'payout_instrument',
        path: 'data.instrument',
        normalised: 'iban:DE89370400440532013000',
        retention: 'pii',
        redact: true,
      },
    ]);
    expect(bank[0].wellFormed).toBe(true);
    const badIban = extractIdentifiers(
      signalOf('payout_method.added', {
        ...VALID_DATA['payout_method.added'],
        instrument: 'DE00 3704 0044 0532 0130 00',
      }),
    );
    expect(badIban[0].wellFormed).toBe(false);

    const paypal = extractIdentifiers(
      signalOf('payout_method.added', { methodId: 'm', kind: 'paypal', instrument: 'John.Doe@GMAIL.com' }),
    );
    expect(summary(paypal).map((i) => [i.kind, i.normalised, i.redact])).toEqual([
      ['payout_instrument', 'email:johndoe@gmail.com', true],
      ['email', 'johndoe@gmail.com', false],
    ]);

    const wallet = '0x52908400098527886E0F7030069857D2E4169EE7';
    const crypto = extractIdentifiers(
      signalOf('payout_method.added', { methodId: 'm', kind: 'crypto', instrument: wallet }),
    );
    expect(summary(crypto)).toEqual([
      {
        kind: 'payout_instrument',
        path: 'data.instrument',
        normalised: `wallet:${wallet.toLowerCase()}`,
        retention: 'pii',
        redact: false,
      },
    ]);
  });

  it('builds an address key from line1, postal code and country', () => {
    const [address] = extractIdentifiers(signalOf('address.changed'));
    expect(address).toMatchObject({
      kind: 'address',
      path: 'data.line1',
      raw: '12 Main Street\nApt 4',
      normalised: 'US|85001|12 main st',
      retention: 'pii',
    });
    expect(extractIdentifiers(signalOf('address.changed', { kind: 'tax', country: 'US' }))).toEqual([]);
  });

  it('finds nothing in signals without personal identifiers', () => {
    for (const type of [
      'profile.updated',
      'session.ended',
      'payout.requested',
      'contract.started',
      'review.posted',
      'report.filed',
    ] as const) {
      expect(extractIdentifiers(signalOf(type))).toEqual([]);
    }
  });
});

describe('redactSignal / pseudonymiseSignal', () => {
  it.each(SIGNAL_TYPES)('%s: the stored signal carries no raw identifier that is redacted', (type) => {
    const { stored, identifiers } = pseudonymiseSignal(signalOf(type), pseudonymiser);
    const json = JSON.stringify(stored);
    for (const identifier of identifiers.filter((i) => i.redact)) {
      for (const part of identifier.raw.split('\n')) expect(json).not.toContain(JSON.stringify(part));
      expect(json).toContain(identifier.pseudonym);
    }
    expect(stored).toMatchObject({
      id: 'evt_1',
      type,
      accountId: 'u_1',
      occurredAt: '2026-11-20T13:45:00.000Z',
    });
  });

  it('replaces fields with pseudonyms and leaves the rest alone', () => {
    const { stored } = pseudonymiseSignal(signalOf('account.registered'), pseudonymiser);
    expect(stored.data).toEqual({
      ...VALID_DATA['account.registered'],
      email: pseudonymiser.pseudonymise('email', 'johndoe@gmail.com'),
      phone: pseudonymiser.pseudonymise('phone', '+14155552671'),
    });
  });

  it('drops address line2 and keeps coarse location', () => {
    const { stored } = pseudonymiseSignal(signalOf('address.changed'), pseudonymiser);
    expect(stored.data).toEqual({
      kind: 'shipping',
      line1: pseudonymiser.pseudonymise('address', 'US|85001|12 main st'),
      city: 'Phoenix',
      region: 'AZ',
      postalCode: '85001',
      country: 'US',
    });
  });

  it('keeps wallet addresses as given for sanctions screening', () => {
    const wallet = '0x52908400098527886E0F7030069857D2E4169EE7';
    const { stored } = pseudonymiseSignal(
      signalOf('payout_method.added', { methodId: 'm', kind: 'crypto', instrument: wallet }),
      pseudonymiser,
    );
    expect((stored.data as { instrument: string }).instrument).toBe(wallet);
  });

  it('does not modify the input signal', () => {
    const signal = signalOf('session.started');
    const copy = JSON.parse(JSON.stringify(signal));
    pseudonymiseSignal(signal, pseudonymiser);
    expect(signal).toEqual(copy);
  });

  it('refuses to leave a raw identifier in place when a pseudonym is missing', () => {
    const signal = signalOf('account.registered');
    const [email] = pseudonymiseSignal(signal, pseudonymiser).identifiers;
    expect(() => redactSignal(signal, [email])).toThrow(
      'redactSignal: no pseudonym given for data.phone of signal evt_1',
    );
    expect(() => redactSignal(signalOf('session.activity'), [])).toThrow(/data\.ip/);
  });

  it('links variants of one identifier across signals, and only them', () => {
    const pseudonymOf = (data: Record<string, unknown>) =>
      pseudonymiseSignal(
        signalOf('account.registered', { ...VALID_DATA['account.registered'], ...data }),
        pseudonymiser,
      ).stored.data as unknown as Record<string, string>;
    const a = pseudonymOf({ email: 'johndoe@gmail.com', phone: '+1 415 555 2671' });
    const b = pseudonymOf({ email: 'John.Doe+fiverr@googlemail.com', phone: '(415) 555-2671' });
    const c = pseudonymOf({ email: 'janedoe@gmail.com', phone: '(415) 555-2672' });
    expect(b).toEqual(a);
    expect(c.email).not.toBe(a.email);
    expect(c.phone).not.toBe(a.phone);
    // A payout e-mail links to a registration e-mail through its secondary e-mail identifier.
    const payout = pseudonymiseSignal(
      signalOf('payout_method.added', { methodId: 'm', kind: 'paypal', instrument: 'JOHNDOE@gmail.com' }),
      pseudonymiser,
    );
    expect(payout.identifiers.find((i) => i.kind === 'email')?.pseudonym).toBe(a.email);
  });
});
