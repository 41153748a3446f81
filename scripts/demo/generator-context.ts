// Shared state of one generation run and the building blocks every population uses: a person
// with a home, the connections they use, identity checks, payout methods, plan assembly.

import { IdentityVerifiedData, PayoutMethodAddedData } from '@tns/domain/signals';
import { AccountPlan, Connection, Rhythm, Stay, Timed, TruthLabel } from './account-plan';
import { browserLanguages, Device, newDevice, phoneDevice } from './devices';
import { IpPools } from './ip-pools';
import {
  dateOfBirth,
  displayNameOf,
  documentNumberFor,
  domesticAccountFor,
  emailFor,
  fullName,
  ibanFor,
  PersonName,
  personName,
  phoneAsTyped,
  phoneFor,
  StreetAddress,
  streetAddressFor,
  walletFor,
} from './people';
import { photoHash, profileText, ProfileText } from './profiles';
import { Random } from './prng';
import { City, CITY_COORDINATES, Country, countryByCode, COUNTRIES } from './world';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export class GeneratorContext {
  private serial = 0;
  private readonly mobilePools = new Map<string, string[]>();
  private readonly relayPools = new Map<string, string[]>();

  constructor(
    readonly rng: Random,
    readonly pools: IpPools,
    readonly startAt: number,
    readonly endAt: number,
  ) {}

  nextSerial(): number {
    return ++this.serial;
  }

  accountId(rng: Random): string {
    return `u_${rng.base36(10)}${this.nextSerial().toString(36)}`;
  }

  /** One carrier NAT pool per country, shared by everyone on that carrier: that is what CGNAT is. */
  mobilePool(country: Country): string[] {
    let pool = this.mobilePools.get(country.code);
    if (!pool) {
      pool = country.mobileAsns.length > 0 ? this.pools.mobilePool(country.code, country.mobileAsns, 24) : [];
      this.mobilePools.set(country.code, pool);
    }
    return pool;
  }

  /** iCloud Private Relay egress addresses for a region, shared by all its Safari users. */
  relayPool(countryCode: string): string[] {
    let pool = this.relayPools.get(countryCode);
    if (!pool) {
      pool = this.pools.relayPool(countryCode, 40);
      this.relayPools.set(countryCode, pool);
    }
    return pool;
  }

  /** A broadband address that geolocates to `city` (or, failing that, its country and zone). */
  localIp(countryCode: string, city: City): string {
    const [latitude, longitude] = CITY_COORDINATES[city.name] ?? [];
    const near = latitude === undefined ? undefined : { name: city.name, latitude, longitude };
    return this.pools.residential(countryCode, city.timeZone, near);
  }

  /** Sign-up time: accounts join throughout the first two thirds of the period. */
  registrationTime(rng: Random): number {
    return this.startAt + HOUR + rng.next() * (this.endAt - this.startAt) * 0.66;
  }
}

export interface Person {
  readonly name: PersonName;
  readonly country: Country;
  readonly city: City;
  readonly email: string;
  readonly phone: string;
  readonly dateOfBirth: string;
  readonly languages: string[];
  readonly address: StreetAddress;
  readonly homeIp: string;
}

export function pickCountry(
  rng: Random,
  role: 'freelancer' | 'client' | 'agency',
  exclude: readonly string[] = [],
): Country {
  const candidates = COUNTRIES.filter((country) => !exclude.includes(country.code));
  return rng.weighted(
    candidates.map(
      (country) => [country, role === 'client' ? country.clientWeight : country.freelancerWeight] as const,
    ),
  );
}

export function newPerson(
  ctx: GeneratorContext,
  rng: Random,
  options: {
    country: Country;
    city?: City;
    lastName?: string;
    homeIp?: string;
    address?: StreetAddress;
    ageRange?: [number, number];
  },
): Person {
  const { country } = options;
  const city = options.city ?? rng.pick(country.cities);
  const name = personName(rng, country.nameGroup, options.lastName);
  const [minAge, maxAge] = options.ageRange ?? [21, 58];
  return {
    name,
    country,
    city,
    email: emailFor(rng, name, ctx.nextSerial()),
    phone: phoneFor(rng, country, city),
    dateOfBirth: dateOfBirth(rng, ctx.startAt, minAge, maxAge),
    languages: browserLanguages(rng, country.languages),
    address: options.address ?? streetAddressFor(rng, country, city),
    homeIp: options.homeIp ?? ctx.localIp(country.code, city),
  };
}

// ---------------------------------------------------------------- connections

/** Typical edge round trips by access type (ms): fixed broadband is fast, mobile slower, tunnels add a hop. */
export const RTT = {
  broadband: [12, 60],
  mobile: [35, 140],
  vpn: [45, 140],
  relay: [25, 90],
} as const;

export const rttIn = (rng: Random, [min, max]: readonly [number, number]): number => rng.between(min, max);

export type Connector = (rng: Random, at: number) => Connection;

export const fixed =
  (ip: string, rtt: readonly [number, number] = RTT.broadband): Connector =>
  (rng) => ({ ip, rttMs: rttIn(rng, rtt) });

export const fromPool =
  (pool: readonly string[], rtt: readonly [number, number]): Connector =>
  (rng) => ({ ip: rng.pick(pool), rttMs: rttIn(rng, rtt) });

/** Picks one connector per session by weight; empty pools drop out. */
export function mix(options: readonly (readonly [Connector | undefined, number])[]): Connector {
  const usable = options.filter(
    (option): option is readonly [Connector, number] => option[0] !== undefined && option[1] > 0,
  );
  return (rng, at) => rng.weighted(usable)(rng, at);
}

/** Everyday connectivity of an honest person at home: home broadband, the phone, rarely elsewhere. */
export function everydayConnector(ctx: GeneratorContext, rng: Random, person: Person): Connector {
  const mobile = ctx.mobilePool(person.country);
  // Home addresses are sticky but not static: some ISPs renumber once in a while.
  const secondHomeIp = rng.chance(0.15) ? ctx.localIp(person.country.code, person.city) : undefined;
  const renumberAt = ctx.startAt + rng.next() * (ctx.endAt - ctx.startAt);
  const home: Connector = (r, at) => ({
    ip: secondHomeIp && at > renumberAt ? secondHomeIp : person.homeIp,
    rttMs: rttIn(r, RTT.broadband),
  });
  const vpnUser = rng.chance(0.08);
  const cafeIp = rng.chance(0.3) ? ctx.localIp(person.country.code, person.city) : undefined;
  return mix([
    [home, 82],
    [mobile.length > 0 ? fromPool(mobile, RTT.mobile) : undefined, 10],
    [cafeIp ? fixed(cafeIp) : undefined, 3],
    [vpnUser ? (r) => ({ ip: ctx.pools.vpnExit(undefined, true), rttMs: rttIn(r, RTT.vpn) }) : undefined, 8],
  ]);
}

export function singleStay(ctx: GeneratorContext, timeZone: string, connect: Connector): Stay[] {
  return [{ from: ctx.startAt - DAY, to: ctx.endAt + DAY, timeZone, connect }];
}

// ---------------------------------------------------------------- rhythms

export function officeRhythm(rng: Random, overrides: Partial<Rhythm> = {}): Rhythm {
  const start = rng.weighted([
    [8, 2],
    [9, 4],
    [10, 3],
    [11, 1],
  ] as const);
  return {
    startHour: start,
    endHour: start + rng.int(7, 10),
    weekdayProbability: rng.between(0.6, 0.9),
    weekendProbability: rng.between(0.05, 0.3),
    sessionsPerDay: [1, 3],
    sessionMinutes: [30, 200],
    ...overrides,
  };
}

export function clientRhythm(rng: Random, overrides: Partial<Rhythm> = {}): Rhythm {
  return officeRhythm(rng, {
    weekdayProbability: rng.between(0.25, 0.55),
    weekendProbability: 0.05,
    sessionsPerDay: [1, 2],
    sessionMinutes: [15, 60],
    ...overrides,
  });
}

// ---------------------------------------------------------------- identity and money

export function identityCheck(
  rng: Random,
  person: Person,
  at: number,
  overrides: Partial<IdentityVerifiedData> = {},
): Timed<IdentityVerifiedData> {
  const documentType = rng.weighted([
    ['passport', 5],
    ['national_id', 3],
    ['driving_licence', 2],
  ] as const);
  const status =
    overrides.status ??
    rng.weighted([
      ['approved', 94],
      ['needs_review', 4],
      ['declined', 2],
    ] as const);
  return {
    at,
    data: {
      provider: rng.pick(['onfido', 'veriff', 'persona', 'jumio']),
      status,
      legalName: fullName(person.name),
      dateOfBirth: person.dateOfBirth,
      nationality: person.country.code,
      documentCountry: person.country.code,
      documentType,
      documentNumber: documentNumberFor(rng, person.country.code, documentType),
      livenessPassed: status !== 'declined' || rng.chance(0.5),
      faceMatchScore:
        Math.round((status === 'approved' ? rng.between(0.86, 0.99) : rng.between(0.4, 0.85)) * 100) / 100,
      ...overrides,
    },
  };
}

export function payoutMethod(
  rng: Random,
  person: Person,
  at: number,
  kind?: PayoutMethodAddedData['kind'],
): Timed<PayoutMethodAddedData> {
  const country = person.country;
  const chosen =
    kind ??
    rng.weighted<PayoutMethodAddedData['kind']>([
      ['bank', 45],
      ['paypal', 20],
      ['payoneer', 15],
      ['wise', 12],
      ['crypto', ['NG', 'UA', 'AR', 'VN', 'TR'].includes(country.code) ? 8 : 2],
    ]);
  const methodId = `pm_${rng.hex(14)}`;
  const holderName = fullName(person.name);
  switch (chosen) {
    case 'bank':
      return {
        at,
        data: {
          methodId,
          kind: 'bank',
          instrument: country.ibanBban
            ? ibanFor(rng, country.code, country.ibanBban)
            : domesticAccountFor(rng, country.code),
          holderName,
          country: country.code,
          currency: country.currency,
        },
      };
    case 'crypto': {
      const chain = rng.chance(0.7) ? 'tron' : 'ethereum';
      return {
        at,
        data: { methodId, kind: 'crypto', instrument: walletFor(rng, chain), currency: 'USDT', chain },
      };
    }
    case 'paypal':
    case 'payoneer':
    case 'wise':
    case 'other':
      // Wallet-style services identify the payee by e-mail.
      return {
        at,
        data: {
          methodId,
          kind: chosen,
          instrument: person.email,
          holderName,
          country: country.code,
          currency: 'USD',
        },
      };
  }
}

// ---------------------------------------------------------------- assembling plans

export interface PlanInput {
  readonly id: string;
  readonly truth: TruthLabel;
  readonly role: 'freelancer' | 'client' | 'agency';
  readonly person: Person;
  readonly registeredAt: number;
  readonly rhythm: Rhythm;
  readonly stays: Stay[];
  readonly devices: (readonly [Device, number])[];
  readonly displayName?: string;
  readonly claimedCountry?: string;
  readonly claimedTimeZone?: string;
  readonly profile?: ProfileText;
  readonly photo?: string;
  readonly identity?: Timed<IdentityVerifiedData>[];
  readonly payouts?: Timed<PayoutMethodAddedData>[];
  readonly agencyAccountId?: string;
  readonly desktop?: AccountPlan['desktop'];
  readonly workload?: number;
  readonly addresses?: AccountPlan['addresses'];
}

/** Fills in what every account has (profile, address, optional verification and payout). */
export function assemblePlan(ctx: GeneratorContext, rng: Random, input: PlanInput): AccountPlan {
  const { person, role } = input;
  // Group members join after their group's first account; never let that push past the period.
  const registeredAt = Math.min(input.registeredAt, ctx.endAt - 6 * HOUR);
  const claimedCountry = input.claimedCountry ?? person.country.code;
  const claimedTimeZone = input.claimedTimeZone ?? person.city.timeZone;
  const text = input.profile ?? profileText(rng, person.name.first, person.city.name);
  const profileAt = registeredAt + rng.int(3, 90) * MINUTE;
  const isFreelancer = role !== 'client';
  return {
    id: input.id,
    truth: input.truth,
    registeredAt,
    registration: {
      role,
      email: person.email,
      ...(rng.chance(0.8) ? { phone: phoneAsTyped(rng, person.phone) } : {}),
      displayName: input.displayName ?? displayNameOf(person.name),
      country: claimedCountry,
      ...(rng.chance(0.85) ? { timezone: claimedTimeZone } : {}),
      ...(input.agencyAccountId ? { agencyAccountId: input.agencyAccountId } : {}),
    },
    profiles: [
      {
        at: profileAt,
        data: {
          legalName: fullName(person.name),
          country: claimedCountry,
          city: person.city.name,
          timezone: claimedTimeZone,
          ...(isFreelancer ? { headline: text.headline, bio: text.bio, skills: text.skills } : {}),
          photoHash: input.photo ?? photoHash(rng),
        },
      },
    ],
    identityChecks:
      input.identity ??
      (isFreelancer && rng.chance(0.7)
        ? [identityCheck(rng, person, profileAt + rng.int(1, 48) * HOUR)]
        : []),
    addresses:
      input.addresses ??
      (rng.chance(0.6)
        ? [
            {
              at: profileAt + rng.int(1, 30) * MINUTE,
              data: { kind: rng.pick(['residential', 'billing'] as const), ...person.address },
            },
          ]
        : []),
    payoutMethods:
      input.payouts ?? (isFreelancer ? payoutsWithChurn(rng, person, registeredAt, ctx.endAt) : []),
    rhythm: input.rhythm,
    stays: input.stays,
    devices: input.devices,
    ...(input.desktop ? { desktop: input.desktop } : {}),
    rttShare: 0.4,
    workload: input.workload ?? (isFreelancer ? rng.int(0, 3) : rng.int(1, 4)),
  };
}

/** One method; about one honest person in ten switches or adds one later (new bank, new wallet). */
export function payoutsWithChurn(
  rng: Random,
  person: Person,
  registeredAt: number,
  endAt: number,
): Timed<PayoutMethodAddedData>[] {
  const first = payoutMethod(rng, person, registeredAt + rng.int(1, 72) * HOUR);
  const methods = [first];
  if (rng.chance(0.1))
    methods.push(payoutMethod(rng, person, first.at + rng.next() * Math.max(endAt - first.at, 0)));
  return methods;
}

/** The usual device set: a computer, often a phone. */
export function everydayDevices(rng: Random, person: Person): (readonly [Device, number])[] {
  const computer = newDevice(rng, { languages: person.languages });
  return rng.chance(0.6)
    ? [
        [computer, 80],
        [phoneDevice(rng, person.languages), 20],
      ]
    : [[computer, 100]];
}

export function countryOf(code: string): Country {
  return countryByCode(code);
}
