// Valid example signals for tests and the benchmark: one per type with every field filled in.
// Not exported from index.ts.

import { SignalType } from './signal.types';

export const NOW = new Date('2026-11-20T14:00:00.000Z');

export const VALID_DATA: { readonly [T in SignalType]: Record<string, unknown> } = {
  'account.registered': {
    role: 'freelancer',
    email: 'John.Doe+upwork@GoogleMail.com',
    phone: '(415) 555-2671',
    displayName: 'John D.',
    country: 'US',
    timezone: 'America/Los_Angeles',
    agencyAccountId: 'u_agency_1',
    referrerAccountId: 'u_ref_9',
  },
  'profile.updated': {
    displayName: 'Johnny',
    legalName: 'John Doe',
    country: 'US',
    city: 'Austin',
    timezone: 'America/Chicago',
    headline: 'Full-stack engineer',
    bio: 'Ten years of React.\nAvailable now.',
    photoHash: '0123456789abcdef',
    skills: ['react', 'node'],
  },
  'identity.verified': {
    provider: 'onfido',
    status: 'approved',
    legalName: 'Kim Chol',
    dateOfBirth: '1990-02-28',
    nationality: 'KR',
    documentCountry: 'KR',
    documentType: 'passport',
    documentNumber: 'm12-345 678',
    livenessPassed: true,
    faceMatchScore: 0.97,
  },
  'session.started': {
    sessionId: 's_1',
    ip: '203.0.113.7',
    deviceId: ' dev-abc ',
    userAgent: 'Mozilla/5.0',
    browserTimezone: 'Asia/Pyongyang',
    languages: ['en-US', 'ko'],
    rttMs: 180,
    mfaDeviceId: 'totp-1',
  },
  'session.activity': { sessionId: 's_1', ip: '2001:db8::7', activeMinutes: 5 },
  'session.ended': { sessionId: 's_1' },
  'desktop.telemetry': {
    sessionId: 's_1',
    deviceId: 'dev-abc',
    remoteAccessTools: ['anydesk', 'rustdesk'],
    listeningPorts: [3389, 5900],
    ipKvmSuspected: true,
  },
  'payout_method.added': {
    methodId: 'm_1',
    kind: 'bank',
    instrument: 'de89 3704 0044 0532 0130 00',
    holderName: 'John Doe',
    country: 'DE',
    currency: 'EUR',
    chain: 'n/a',
  },
  'payout.requested': { methodId: 'm_1', amount: 1250.5, currency: 'USD' },
  'address.changed': {
    kind: 'shipping',
    line1: '12 Main Street',
    line2: 'Apt 4',
    city: 'Phoenix',
    region: 'AZ',
    postalCode: '85001',
    country: 'US',
  },
  'contract.started': { contractId: 'c_1', clientAccountId: 'u_client' },
  'review.posted': { contractId: 'c_1', subjectAccountId: 'u_2', rating: 5 },
  'report.filed': {
    subjectAccountId: 'u_2',
    category: 'off_platform_payment',
    text: 'Asked to pay outside.',
  },
};

export function rawSignal(
  type: string,
  data: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id: 'evt_1', type, accountId: 'u_1', occurredAt: '2026-11-20T13:45:00.000Z', data, ...overrides };
}
