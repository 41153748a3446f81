// Stored signals → detection observations. The stored payload is the validated signal with every
// personal identifier replaced by its keyed pseudonym (signal.redactor.ts): those pseudonyms are
// exactly the `…Key` fields detection links on. The one raw value detection needs is the IP
// address (geolocation, network prefix), read from the retention table while it is kept.

import type { IpInfo, Observation } from '@tns/domain/detection';
import { normaliseWalletAddress } from '@tns/domain/signals';

/** A stored signal as the detection read gives it. */
export interface StoredSignal {
  id: string;
  type: string;
  accountId: string;
  occurredAt: Date | string;
  data: Readonly<Record<string, unknown>>;
  /** The raw address behind `data.ip`, or null when there is none or retention purged it. */
  rawIp: string | null;
}

/** IP intelligence for an address, undefined when the text is not an address. */
export type IpLookup = (ip: string) => IpInfo | undefined;

/** Used when the raw address is gone (retention) or unknown to every source: no location, no category. */
export const UNKNOWN_IP_INFO: IpInfo = Object.freeze({ categories: Object.freeze([]) });

/**
 * The observation a stored signal makes, or null for types detection does not consume
 * (`report.filed`, for now) and for payloads lacking what the observation needs.
 */
export function observationOf(signal: StoredSignal, lookupIp: IpLookup): Observation | null {
  const data = signal.data;
  const base = { eventId: signal.id, accountId: signal.accountId, occurredAt: new Date(signal.occurredAt).getTime() };
  if (!Number.isFinite(base.occurredAt)) return null;
  switch (signal.type) {
    case 'account.registered':
      return compact({
        ...base,
        kind: 'registration',
        role: text(data.role) as 'freelancer' | 'client' | 'agency',
        emailKey: text(data.email) ?? '',
        phoneKey: text(data.phone),
        displayName: text(data.displayName) ?? '',
        country: text(data.country) ?? '',
        timezone: text(data.timezone),
        agencyAccountId: text(data.agencyAccountId),
        referrerAccountId: text(data.referrerAccountId),
      });
    case 'profile.updated':
      return compact({
        ...base,
        kind: 'profile',
        displayName: text(data.displayName),
        legalName: text(data.legalName),
        country: text(data.country),
        city: text(data.city),
        timezone: text(data.timezone),
        headline: text(data.headline),
        bio: text(data.bio),
        photoHash: text(data.photoHash),
        skills: strings(data.skills),
      });
    case 'identity.verified':
      return compact({
        ...base,
        kind: 'identity',
        provider: text(data.provider) ?? '',
        status: text(data.status) as 'approved' | 'declined' | 'needs_review',
        legalName: text(data.legalName),
        dateOfBirth: text(data.dateOfBirth),
        nationality: text(data.nationality),
        documentCountry: text(data.documentCountry),
        documentType: text(data.documentType) as 'passport' | undefined,
        documentKey: text(data.documentNumber),
        livenessPassed: bool(data.livenessPassed),
        faceMatchScore: num(data.faceMatchScore),
      });
    case 'session.started': {
      const sessionId = text(data.sessionId);
      if (sessionId === undefined) return null;
      return compact({
        ...base,
        kind: 'session',
        sessionId,
        ip: signal.rawIp ?? '',
        ipInfo: ipInfoOf(signal.rawIp, lookupIp),
        deviceKey: text(data.deviceId),
        mfaDeviceKey: text(data.mfaDeviceId),
        browserTimezone: text(data.browserTimezone),
        languages: strings(data.languages),
        rttMs: num(data.rttMs),
        userAgent: text(data.userAgent),
      });
    }
    case 'session.activity': {
      const sessionId = text(data.sessionId);
      const activeMinutes = num(data.activeMinutes);
      if (sessionId === undefined || activeMinutes === undefined) return null;
      return compact({
        ...base,
        kind: 'activity',
        sessionId,
        activeMinutes,
        ip: signal.rawIp ?? undefined,
        ipInfo: signal.rawIp ? ipInfoOf(signal.rawIp, lookupIp) : undefined,
      });
    }
    case 'session.ended': {
      const sessionId = text(data.sessionId);
      return sessionId === undefined ? null : { ...base, kind: 'session-end', sessionId };
    }
    case 'desktop.telemetry':
      return compact({
        ...base,
        kind: 'telemetry',
        sessionId: text(data.sessionId),
        deviceKey: text(data.deviceId),
        remoteAccessTools: strings(data.remoteAccessTools),
        listeningPorts: numbers(data.listeningPorts),
        ipKvmSuspected: bool(data.ipKvmSuspected),
      });
    case 'payout_method.added': {
      const methodId = text(data.methodId);
      const instrument = text(data.instrument);
      const methodKind = text(data.kind) as 'bank' | 'crypto' | undefined;
      if (methodId === undefined || instrument === undefined || methodKind === undefined) return null;
      return compact({
        ...base,
        kind: 'payout-method',
        methodId,
        methodKind,
        // Wallet addresses are stored as given (sanctions screening needs them): link on their
        // normalised form, prefixed so that no pseudonym can equal one.
        instrumentKey: methodKind === 'crypto' ? `wallet:${normaliseWalletAddress(instrument)}` : instrument,
        holderName: text(data.holderName),
        country: text(data.country),
        currency: text(data.currency),
      });
    }
    case 'payout.requested': {
      const methodId = text(data.methodId);
      const amount = num(data.amount);
      const currency = text(data.currency);
      if (methodId === undefined || amount === undefined || currency === undefined) return null;
      return { ...base, kind: 'payout-request', methodId, amount, currency };
    }
    case 'address.changed': {
      // line1 holds the address pseudonym whenever the signal had a street line; without one
      // there is nothing to link or compare.
      const addressKey = text(data.line1);
      const country = text(data.country);
      if (addressKey === undefined || country === undefined) return null;
      return compact({
        ...base,
        kind: 'address',
        addressKind: text(data.kind) as 'shipping',
        addressKey,
        country,
        city: text(data.city),
      });
    }
    case 'contract.started': {
      const contractId = text(data.contractId);
      const clientAccountId = text(data.clientAccountId);
      if (contractId === undefined || clientAccountId === undefined) return null;
      return { ...base, kind: 'contract', contractId, clientAccountId };
    }
    case 'review.posted': {
      const contractId = text(data.contractId);
      const subjectAccountId = text(data.subjectAccountId);
      const rating = num(data.rating);
      if (contractId === undefined || subjectAccountId === undefined || rating === undefined) return null;
      return { ...base, kind: 'review', contractId, subjectAccountId, rating };
    }
    default:
      return null;
  }
}

/** Every observation of a batch, in (occurredAt, eventId) order; signals without one are skipped. */
export function observationsOf(signals: readonly StoredSignal[], lookupIp: IpLookup): Observation[] {
  return signals
    .map((signal) => observationOf(signal, lookupIp))
    .filter((observation): observation is Observation => observation !== null)
    .sort((a, b) => a.occurredAt - b.occurredAt || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
}

function ipInfoOf(rawIp: string | null, lookupIp: IpLookup): IpInfo {
  if (!rawIp) return UNKNOWN_IP_INFO;
  return lookupIp(rawIp) ?? UNKNOWN_IP_INFO;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
const numbers = (value: unknown): number[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : undefined;

/** Drops undefined fields: features keep what they are given, and a jsonb round trip drops undefined. */
function compact<T extends Observation>(observation: T): T {
  return Object.fromEntries(Object.entries(observation).filter(([, value]) => value !== undefined)) as T;
}
