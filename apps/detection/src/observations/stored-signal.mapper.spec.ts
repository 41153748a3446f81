import { Pseudonymiser, pseudonymiseSignal, type Signal } from '@tns/domain/signals';
import { type IpInfo } from '@tns/domain/detection';
import { observationOf, observationsOf, type StoredSignal, UNKNOWN_IP_INFO } from './stored-signal.mapper';

const pseudonymiser = new Pseudonymiser({ currentKeyId: 'k1', keys: { k1: 'x'.repeat(32) } });
const AT = '2026-11-20T13:45:00.000Z';
const VPN: IpInfo = { country: 'US', city: 'Chicago', timezone: 'America/Chicago', categories: ['vpn'] };
const lookup = (ip: string): IpInfo | undefined => (ip === '203.0.113.9' ? VPN : undefined);

/** Stores a signal exactly as ingestion does (pseudonymised payload) and returns it as detection reads it. */
function stored(signal: Omit<Signal, 'id' | 'accountId' | 'occurredAt'> & Partial<Signal>, retainIp = true): StoredSignal {
  const full = { id: 'evt_1', accountId: 'u_1', occurredAt: AT, ...signal };
  const { stored: redacted, identifiers } = pseudonymiseSignal(full, pseudonymiser);
  const ip = identifiers.find((identifier) => identifier.kind === 'ip');
  return { ...redacted, occurredAt: new Date(redacted.occurredAt), data: redacted.data as never, rawIp: retainIp && ip ? ip.raw : null };
}

describe('stored signal → observation', () => {
  it('maps a session to pseudonymous keys and enriches the raw IP from the retention table', () => {
    const signal = stored({
      type: 'session.started',
      data: { sessionId: 's1', ip: '203.0.113.9', deviceId: 'DEV-1', mfaDeviceId: 'mfa-1', browserTimezone: 'Asia/Pyongyang', rttMs: 310 },
    });
    const observation = observationOf(signal, lookup);
    expect(observation).toMatchObject({
      kind: 'session',
      eventId: 'evt_1',
      accountId: 'u_1',
      occurredAt: Date.parse(AT),
      sessionId: 's1',
      ip: '203.0.113.9',
      ipInfo: VPN,
      browserTimezone: 'Asia/Pyongyang',
      rttMs: 310,
    });
    // The device key is the pseudonym, never the raw id, and equal for two accounts on one device.
    const other = observationOf(stored({ accountId: 'u_2', type: 'session.started', data: { sessionId: 's2', ip: '198.51.100.1', deviceId: 'DEV-1' } }), lookup);
    expect(observation && 'deviceKey' in observation && observation.deviceKey).toMatch(/^k1\./);
    expect(other && 'deviceKey' in other && other.deviceKey).toBe(observation && 'deviceKey' in observation && observation.deviceKey);
  });

  it('keeps a session without location once the raw IP is purged', () => {
    const observation = observationOf(stored({ type: 'session.started', data: { sessionId: 's1', ip: '203.0.113.9' } }, false), lookup);
    expect(observation).toMatchObject({ kind: 'session', ip: '', ipInfo: UNKNOWN_IP_INFO });
  });

  it('maps registrations, identities, payouts and addresses to their pseudonymous keys', () => {
    const registration = observationOf(
      stored({ type: 'account.registered', data: { role: 'freelancer', email: 'A.B@example.com', displayName: 'A B', country: 'US', timezone: 'America/New_York' } }),
      lookup,
    );
    expect(registration).toMatchObject({ kind: 'registration', role: 'freelancer', country: 'US', timezone: 'America/New_York' });
    expect(registration && 'emailKey' in registration && registration.emailKey).toMatch(/^k1\./);
    expect(registration).not.toHaveProperty('phoneKey');

    const identity = observationOf(
      stored({ type: 'identity.verified', data: { provider: 'p', status: 'declined', documentNumber: 'X123', documentCountry: 'US', legalName: 'A B', dateOfBirth: '1990-01-02' } }),
      lookup,
    );
    expect(identity).toMatchObject({ kind: 'identity', status: 'declined', documentCountry: 'US', legalName: 'A B' });
    expect(identity && 'documentKey' in identity && identity.documentKey).toMatch(/^k1\./);

    const wallet = observationOf(stored({ type: 'payout_method.added', data: { methodId: 'm', kind: 'crypto', instrument: '0xABCDEF0123456789abcdef0123456789ABCDEF01' } }), lookup);
    expect(wallet).toMatchObject({ kind: 'payout-method', methodKind: 'crypto', instrumentKey: 'wallet:0xabcdef0123456789abcdef0123456789abcdef01' });

    const bank = observationOf(stored({ type: 'payout_method.added', data: { methodId: 'm', kind: 'bank', instrument: 'GB82 WEST 1234 5698 7654 32' } }), lookup);
    expect(bank && 'instrumentKey' in bank && bank.instrumentKey).toMatch(/^k1\./);

    const address = observationOf(stored({ type: 'address.changed', data: { kind: 'shipping', line1: '1 Main St', postalCode: '10001', country: 'US' } }), lookup);
    expect(address).toMatchObject({ kind: 'address', addressKind: 'shipping', country: 'US' });
    expect(address && 'addressKey' in address && address.addressKey).toMatch(/^k1\./);
  });

  it('maps activity, telemetry, contracts and reviews; skips types detection does not read', () => {
    expect(observationOf(stored({ type: 'session.activity', data: { sessionId: 's', ip: '203.0.113.9', activeMinutes: 45 } }), lookup)).toMatchObject({
      kind: 'activity',
      activeMinutes: 45,
      ip: '203.0.113.9',
      ipInfo: VPN,
    });
    expect(observationOf(stored({ type: 'session.activity', data: { sessionId: 's', activeMinutes: 45 } }), lookup)).not.toHaveProperty('ipInfo');
    expect(observationOf(stored({ type: 'desktop.telemetry', data: { remoteAccessTools: ['anydesk'], listeningPorts: [3389], ipKvmSuspected: true } }), lookup)).toMatchObject({
      kind: 'telemetry',
      remoteAccessTools: ['anydesk'],
      listeningPorts: [3389],
      ipKvmSuspected: true,
    });
    expect(observationOf(stored({ type: 'contract.started', data: { contractId: 'c', clientAccountId: 'u_9' } }), lookup)).toEqual({
      kind: 'contract',
      eventId: 'evt_1',
      accountId: 'u_1',
      occurredAt: Date.parse(AT),
      contractId: 'c',
      clientAccountId: 'u_9',
    });
    expect(observationOf(stored({ type: 'review.posted', data: { contractId: 'c', subjectAccountId: 'u_9', rating: 5 } }), lookup)).toMatchObject({
      kind: 'review',
      subjectAccountId: 'u_9',
      rating: 5,
    });
    expect(observationOf(stored({ type: 'report.filed', data: { subjectAccountId: 'u_9', category: 'spam' } }), lookup)).toBeNull();
  });

  it('orders a batch by time then id, whatever order it was read in', () => {
    const a = stored({ id: 'b', occurredAt: '2026-11-20T10:00:00.000Z', type: 'session.ended', data: { sessionId: 's' } });
    const b = stored({ id: 'a', occurredAt: '2026-11-20T10:00:00.000Z', type: 'session.ended', data: { sessionId: 's' } });
    const c = stored({ id: 'c', occurredAt: '2026-11-20T09:00:00.000Z', type: 'session.ended', data: { sessionId: 's' } });
    expect(observationsOf([a, b, c], lookup).map((observation) => observation.eventId)).toEqual(['c', 'a', 'b']);
    expect(observationsOf([c, b, a], lookup).map((observation) => observation.eventId)).toEqual(['c', 'a', 'b']);
  });
});
