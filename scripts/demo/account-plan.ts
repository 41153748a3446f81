// What the generator decides about one account before any signal is written: who they claim
// to be, who they are, where they connect from, when they work. Signals are then emitted from
// the plan, so every story (honest or not) goes through the same emitter.

import {
  AccountRegisteredData,
  AddressChangedData,
  IdentityVerifiedData,
  PayoutMethodAddedData,
  ProfileUpdatedData,
} from '@tns/domain/signals';
import { Device } from './devices';
import { Random } from './prng';

export const FRAUD_KINDS = ['dprk-persona', 'laptop-farm', 'fake-client'] as const;
export const LOOKALIKE_KINDS = [
  'household',
  'coworking',
  'university',
  'privacy-vpn',
  'digital-nomad',
  'night-owl',
  'agency',
  'mobile-cgnat',
  'private-relay',
] as const;
export type FraudKind = (typeof FRAUD_KINDS)[number];
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];
export type AccountKind = 'ordinary' | FraudKind | LookalikeKind;

export interface TruthLabel {
  readonly fraudulent: boolean;
  readonly kind: AccountKind;
  readonly ringId?: string;
}

/** One network attachment for one session. */
export interface Connection {
  readonly ip: string;
  /** Edge-to-client round trip as the marketplace would measure it. */
  readonly rttMs: number;
}

/** A period in one place: the zone the person lives by there, and how they get online. */
export interface Stay {
  readonly from: number;
  readonly to: number;
  /** Local zone of the place (what an auto-set device clock shows). */
  readonly timeZone: string;
  readonly connect: (rng: Random, at: number) => Connection;
}

/** When someone works: a daily window in a zone (hours may pass 24 for night work). */
export interface Rhythm {
  /** undefined = the current stay's zone (people work by local time wherever they are). */
  readonly timeZone?: string;
  readonly startHour: number;
  readonly endHour: number;
  readonly weekdayProbability: number;
  readonly weekendProbability: number;
  readonly sessionsPerDay: readonly [number, number];
  /** Session length in minutes. */
  readonly sessionMinutes: readonly [number, number];
  /** Days counted as weekend in the rhythm's zone (0 = Sunday). */
  readonly weekend?: readonly number[];
}

export interface RemoteAccessHabit {
  /** Share of sessions on the remote-controlled device that report telemetry. */
  readonly probability: number;
  readonly tools: readonly string[];
  readonly listeningPorts: readonly number[];
  readonly ipKvmSuspected?: boolean;
}

export interface Timed<T> {
  readonly at: number;
  readonly data: T;
}

export interface AccountPlan {
  readonly id: string;
  readonly truth: TruthLabel;
  readonly registeredAt: number;
  readonly registration: AccountRegisteredData;
  readonly profiles: Timed<ProfileUpdatedData>[];
  readonly identityChecks: Timed<IdentityVerifiedData>[];
  readonly addresses: Timed<AddressChangedData>[];
  readonly payoutMethods: Timed<PayoutMethodAddedData>[];
  readonly rhythm: Rhythm;
  readonly stays: Stay[];
  /** Devices with their share of sessions. */
  readonly devices: (readonly [Device, number])[];
  /** Desktop-app telemetry for sessions on `device` (undefined: no desktop app). */
  readonly desktop?: { readonly deviceId: string; readonly habit: RemoteAccessHabit };
  /** Share of sessions whose start carries rttMs (marketplaces measure it on some requests only). */
  readonly rttShare: number;
  /** Freelancer work for hire, in contracts over the period (clients: hires). */
  readonly workload: number;
}
