// North Korean IT-worker rings, after the public red flags (US State/Treasury/FBI advisory of
// May 2022 and its updates; Mandiant, Microsoft, CrowdStrike and Okta reporting): an operator
// team in China or the DPRK runs several personas with stolen or fabricated identities, claims
// US (sometimes European) residence, hides behind VPNs with occasional leaks, keeps a UTC+8/+9
// working day, shares devices and payout instruments, reuses one resume and near-identical
// photos, hires itself through a fake client that posts 5-star reviews, and in some rings works
// through a US "laptop farm" reached over remote-desktop tools or an IP-KVM.

import { IdentityVerifiedData, PayoutMethodAddedData } from '@tns/domain/signals';
import { AccountPlan, Connection, Rhythm, Stay, Timed } from './account-plan';
import { Device, newDevice } from './devices';
import {
  assemblePlan,
  DAY,
  GeneratorContext,
  HOUR,
  MINUTE,
  newPerson,
  Person,
  rttIn,
} from './generator-context';
import {
  domesticAccountFor,
  documentNumberFor,
  fullName,
  streetAddressFor,
  StreetAddress,
  walletFor,
} from './people';
import { fromTemplate, nearDuplicatePhoto, photoHash, resumeTemplate } from './profiles';
import { Random } from './prng';
import { City, countryByCode } from './world';

/** Where the operators really sit: Shenyang/Dandong teams on China time, or Pyongyang. */
const OPERATOR_BASES = [
  { timeZone: 'Asia/Shanghai', leakCountry: 'CN', weight: 6 },
  { timeZone: 'Asia/Pyongyang', leakCountry: 'KP', weight: 2 },
  { timeZone: 'Asia/Vladivostok', leakCountry: 'RU', weight: 1 },
] as const;

/** A US facilitator's home with a rack of company laptops. */
export interface LaptopFarm {
  readonly ip: string;
  readonly city: City;
  readonly address: StreetAddress;
  readonly tools: readonly string[];
  readonly ipKvm: boolean;
  readonly facilitatorName: string;
}

export function newLaptopFarm(ctx: GeneratorContext, rng: Random): LaptopFarm {
  const us = countryByCode('US');
  const city = rng.pick(
    us.cities.filter((candidate) =>
      ['Phoenix', 'Atlanta', 'Columbus', 'Austin', 'Miami'].includes(candidate.name),
    ),
  );
  const facilitator = newPerson(ctx, rng, { country: us, city });
  return {
    ip: facilitator.homeIp,
    city,
    address: facilitator.address,
    tools: rng.pick([['anydesk'], ['chrome-remote-desktop'], ['rustdesk'], ['anydesk', 'teamviewer'], []]),
    ipKvm: rng.chance(0.35),
    facilitatorName: fullName(facilitator.name),
  };
}

interface Ring {
  readonly id: string;
  readonly rng: Random;
  readonly base: (typeof OPERATOR_BASES)[number];
  readonly claimedCountry: string;
  readonly operatorDevices: Device[];
  readonly sharedPayouts: PayoutMethodAddedData[];
  readonly template: ReturnType<typeof resumeTemplate>;
  readonly basePhoto: string;
  readonly exits: string[];
  readonly leakIps: string[];
  readonly stolenIdentity?: { legalName: string; dateOfBirth: string; documentNumber: string };
  readonly farm?: LaptopFarm;
}

/**
 * One ring: 3-6 personas and, usually, a fake client. `farm` set: the personas work through it.
 * Returns the plans and the ring's id (truth ringId).
 */
export function buildRing(
  ctx: GeneratorContext,
  rng: Random,
  index: number,
  personaCount: number,
  farm?: LaptopFarm,
  withClient = true,
): AccountPlan[] {
  const ring = newRing(ctx, rng, index, farm);
  const plans: AccountPlan[] = [];
  const start = ctx.startAt + rng.next() * (ctx.endAt - ctx.startAt) * 0.35;
  // Personas join a few days apart (scaled to the period, so a short demo still holds whole rings).
  const spacing = () => rng.between(0.015, 0.1) * (ctx.endAt - ctx.startAt);
  for (let p = 0; p < personaCount; p++) plans.push(persona(ctx, ring, p, start + p * spacing()));
  if (withClient) plans.push(fakeClient(ctx, ring, start + spacing()));
  return plans;
}

function newRing(ctx: GeneratorContext, rng: Random, index: number, farm?: LaptopFarm): Ring {
  const base = rng.weighted(OPERATOR_BASES.map((b) => [b, b.weight] as const));
  const claimedCountry = farm
    ? 'US'
    : rng.weighted([
        ['US', 8],
        ['CA', 1],
        ['GB', 1],
      ] as const);
  const languages = rng.weighted([
    [['en-US', 'en'], 8],
    [['en-US', 'ko'], 1],
    [['zh-CN', 'en-US'], 1],
  ] as const);
  const claimedZone = countryByCode(claimedCountry).cities[0].timeZone;
  // Operators mostly set the laptop clock to the claimed zone; some forget.
  const operatorDevices = Array.from({ length: rng.int(1, 2) }, () =>
    newDevice(rng, {
      platform: 'windows',
      languages,
      timeZone: rng.chance(0.75) ? claimedZone : base.timeZone,
    }),
  );
  const sharedPayouts = ringPayouts(rng);
  const exitCountries = [claimedCountry];
  return {
    id: `ring-${index + 1}`,
    rng,
    base,
    claimedCountry,
    operatorDevices,
    sharedPayouts,
    template: resumeTemplate(rng),
    basePhoto: photoHash(rng),
    // A handful of VPN exits (Astrill-style servers in rented datacenters, or a commercial VPN).
    exits: Array.from({ length: rng.int(3, 6) }, () =>
      rng.chance(0.5) ? ctx.pools.datacenterExit(exitCountries) : ctx.pools.vpnExit(exitCountries),
    ),
    leakIps: Array.from({ length: 2 }, () => leakAddress(ctx, base.leakCountry)),
    stolenIdentity: rng.chance(0.3) ? stolenIdentity(rng) : undefined,
    ...(farm ? { farm } : {}),
  };
}

/** The operators' real address when the VPN drops: Chinese or Russian broadband, or the DPRK's own block. */
function leakAddress(ctx: GeneratorContext, country: 'CN' | 'KP' | 'RU'): string {
  if (country === 'KP') return ctx.pools.hostIn('175.45.176.0/22', 'KP');
  return ctx.pools.residential(country, country === 'CN' ? 'Asia/Shanghai' : 'Asia/Vladivostok');
}

function stolenIdentity(rng: Random): Ring['stolenIdentity'] {
  const us = countryByCode('US');
  const first = rng.pick(['Michael', 'Jason', 'Kevin', 'Brian', 'David', 'Ryan']);
  const last = rng.pick(['Smith', 'Johnson', 'Miller', 'Wilson', 'Taylor', 'Anderson']);
  return {
    legalName: `${first} ${last}`,
    dateOfBirth: `19${rng.int(80, 96)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    documentNumber: documentNumberFor(rng, us.code, 'passport'),
  };
}

/** The instruments the operators actually control: a USDT wallet, a Payoneer login, a mule's US bank account. */
function ringPayouts(rng: Random): PayoutMethodAddedData[] {
  const methods: PayoutMethodAddedData[] = [
    { methodId: '', kind: 'crypto', instrument: walletFor(rng, 'tron'), currency: 'USDT', chain: 'tron' },
  ];
  if (rng.chance(0.6)) {
    methods.push({
      methodId: '',
      kind: 'payoneer',
      instrument: `${rng.pick(['jenny', 'alex', 'sam', 'chris'])}.${rng.base36(5)}@${rng.pick(['gmail.com', 'outlook.com', 'proton.me'])}`,
      currency: 'USD',
    });
  }
  if (rng.chance(0.5)) {
    methods.push({
      methodId: '',
      kind: 'bank',
      instrument: domesticAccountFor(rng, 'US'),
      country: 'US',
      currency: 'USD',
      holderName: `${rng.pick(['Lisa', 'Mark', 'Tina', 'Gary'])} ${rng.pick(['Brown', 'Clark', 'Hall'])}`,
    });
  }
  return methods;
}

const operatorRhythm = (rng: Random, zone: string): Rhythm => ({
  timeZone: zone,
  startHour: rng.pick([8, 9]),
  endHour: rng.int(18, 22),
  weekdayProbability: 0.93,
  // Six-day weeks, with quotas to meet.
  weekendProbability: 0.5,
  sessionsPerDay: [2, 3],
  sessionMinutes: [60, 240],
});

/** Through the VPN nearly always; now and then the VPN drops and the real address shows. */
function operatorConnector(ring: Ring, leakShare: number): (rng: Random, at: number) => Connection {
  return (rng) =>
    rng.chance(leakShare)
      ? { ip: rng.pick(ring.leakIps), rttMs: rttIn(rng, [170, 260]) }
      : { ip: rng.pick(ring.exits), rttMs: rttIn(rng, [190, 320]) };
}

function personaStays(ctx: GeneratorContext, ring: Ring, claimedZone: string, farmShare: number): Stay[] {
  const vpn = operatorConnector(ring, ring.rng.between(0.02, 0.06));
  const farm = ring.farm;
  const connect = farm
    ? (rng: Random, at: number): Connection =>
        rng.chance(farmShare) ? { ip: farm.ip, rttMs: rttIn(rng, [12, 45]) } : vpn(rng, at)
    : vpn;
  // The browser's zone comes from the device; the stay zone only matters for auto-set devices.
  return [
    {
      from: ctx.startAt - DAY,
      to: ctx.endAt + DAY,
      timeZone: farm ? farm.city.timeZone : claimedZone,
      connect,
    },
  ];
}

function persona(ctx: GeneratorContext, ring: Ring, index: number, registeredAt: number): AccountPlan {
  const rng = ring.rng.fork(`persona-${index}`);
  const country = countryByCode(ring.claimedCountry);
  const city = ring.farm && rng.chance(0.6) ? ring.farm.city : rng.pick(country.cities);
  // Names, e-mails and phones of people who do not exist or were stolen from; phones are VoIP numbers.
  const person: Person = { ...newPerson(ctx, rng, { country, city, homeIp: ring.exits[0] }) };
  const devices = personaDevices(ctx, ring, rng, person, index);
  const farmDevice = ring.farm
    ? devices.find(([device]) => !ring.operatorDevices.includes(device))?.[0]
    : undefined;
  const plan = assemblePlan(ctx, rng, {
    id: ctx.accountId(rng),
    truth: { fraudulent: true, kind: ring.farm ? 'laptop-farm' : 'dprk-persona', ringId: ring.id },
    role: 'freelancer',
    person,
    registeredAt,
    profile: fromTemplate(rng, ring.template, person.name.first),
    photo: rng.chance(0.7) ? nearDuplicatePhoto(rng, ring.basePhoto) : photoHash(rng),
    rhythm: operatorRhythm(rng, ring.base.timeZone),
    stays: personaStays(ctx, ring, city.timeZone, 0.85),
    devices,
    identity: personaIdentity(rng, ring, person, registeredAt, index),
    payouts: personaPayouts(rng, ring, person, registeredAt, ctx.endAt),
    addresses: personaAddresses(rng, ring, person, registeredAt),
    desktop:
      farmDevice && ring.farm
        ? {
            deviceId: farmDevice.deviceId,
            habit: {
              probability: 0.8,
              tools: ring.farm.tools,
              listeningPorts: ring.farm.tools.includes('anydesk')
                ? [7070]
                : ring.farm.tools.includes('rustdesk')
                  ? [21118]
                  : [],
              ...(ring.farm.ipKvm ? { ipKvmSuspected: rng.chance(0.7) } : {}),
            },
          }
        : undefined,
    // They bid on everything and get hired more than most.
    workload: rng.int(2, 5),
  });
  return plan;
}

function personaDevices(
  ctx: GeneratorContext,
  ring: Ring,
  rng: Random,
  person: Person,
  index: number,
): (readonly [Device, number])[] {
  if (ring.farm) {
    // One company laptop per persona at the farm, set to the farm's local time; the operator's own
    // laptop for the odd session outside the farm.
    const laptop = newDevice(rng, {
      platform: 'windows',
      languages: ['en-US'],
      timeZone: ring.farm.city.timeZone,
    });
    return [
      [laptop, 85],
      [ring.operatorDevices[0], 15],
    ];
  }
  // Personas run as browser profiles on the operators' laptops; most share one with a sibling.
  const shared = ring.operatorDevices[index % ring.operatorDevices.length];
  if (rng.chance(0.65)) return [[shared, 100]];
  const own = newDevice(rng, { platform: 'windows', languages: shared.languages, timeZone: shared.timeZone });
  return [
    [own, 80],
    [shared, 20],
  ];
}

function personaIdentity(
  rng: Random,
  ring: Ring,
  person: Person,
  registeredAt: number,
  index: number,
): Timed<IdentityVerifiedData>[] {
  const at = registeredAt + rng.int(2, 72) * HOUR;
  const outcome = rng.weighted([
    ['stolen-approved', 40],
    ['declined', 25],
    ['needs-review', 15],
    ['foreign-document', 10],
    ['none', 10],
  ] as const);
  if (outcome === 'none') return [];
  const base: IdentityVerifiedData = {
    provider: rng.pick(['onfido', 'veriff', 'persona', 'jumio']),
    status: 'approved',
    legalName: fullName(person.name),
    dateOfBirth: person.dateOfBirth,
    nationality: ring.claimedCountry,
    documentCountry: ring.claimedCountry,
    documentType: rng.pick(['passport', 'driving_licence'] as const),
    documentNumber: documentNumberFor(rng, ring.claimedCountry, 'passport'),
  };
  // A stolen identity is reused by two personas of the ring: same legal name, DOB and document.
  const stolen = ring.stolenIdentity && index < 2 ? ring.stolenIdentity : undefined;
  switch (outcome) {
    case 'stolen-approved':
      return [
        {
          at,
          data: {
            ...base,
            ...(stolen ?? {}),
            livenessPassed: true,
            faceMatchScore: round(rng.between(0.7, 0.9)),
          },
        },
      ];
    case 'declined':
      // AI-made or swapped photos fail liveness; a retry may follow with another document.
      return [
        {
          at,
          data: {
            ...base,
            status: 'declined',
            livenessPassed: false,
            faceMatchScore: round(rng.between(0.2, 0.6)),
          },
        },
        ...(rng.chance(0.4)
          ? [
              {
                at: at + rng.int(1, 4) * DAY,
                data: {
                  ...base,
                  ...(stolen ?? {}),
                  status: 'needs_review' as const,
                  faceMatchScore: round(rng.between(0.6, 0.8)),
                },
              },
            ]
          : []),
      ];
    case 'needs-review':
      return [
        {
          at,
          data: {
            ...base,
            ...(stolen ?? {}),
            status: 'needs_review',
            faceMatchScore: round(rng.between(0.55, 0.8)),
          },
        },
      ];
    case 'foreign-document': {
      // Claims US residence, shows a document from elsewhere (Japan, Singapore, Ukraine are common covers).
      const documentCountry = rng.pick(['JP', 'SG', 'UA', 'MY', 'IT']);
      return [
        {
          at,
          data: {
            ...base,
            status: 'approved',
            nationality: documentCountry,
            documentCountry,
            documentNumber: documentNumberFor(rng, documentCountry, 'passport'),
            livenessPassed: true,
            faceMatchScore: round(rng.between(0.75, 0.92)),
          },
        },
      ];
    }
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** Shared ring instruments, a personal-looking one first, and churn: new methods every few days. */
function personaPayouts(
  rng: Random,
  ring: Ring,
  person: Person,
  registeredAt: number,
  endAt: number,
): Timed<PayoutMethodAddedData>[] {
  const methods: Timed<PayoutMethodAddedData>[] = [];
  let at = registeredAt + rng.int(2, 48) * HOUR;
  if (rng.chance(0.5)) {
    methods.push({
      at,
      data: {
        methodId: `pm_${rng.hex(14)}`,
        kind: 'paypal',
        instrument: person.email,
        holderName: fullName(person.name),
        currency: 'USD',
      },
    });
    at += rng.between(2, 6) * DAY;
  }
  for (const shared of rng.sample(ring.sharedPayouts, rng.int(1, ring.sharedPayouts.length))) {
    if (at > endAt) break;
    methods.push({ at, data: { ...shared, methodId: `pm_${rng.hex(14)}` } });
    at += rng.between(1, 5) * DAY;
  }
  return methods;
}

function personaAddresses(
  rng: Random,
  ring: Ring,
  person: Person,
  registeredAt: number,
): AccountPlan['addresses'] {
  const at = registeredAt + rng.int(1, 30) * MINUTE;
  // The company laptop is shipped to the facilitator: every farm persona's shipping address is the farm.
  if (ring.farm)
    return [
      { at, data: { kind: 'shipping', ...ring.farm.address } },
      { at: at + MINUTE, data: { kind: 'residential', ...person.address } },
    ];
  return rng.chance(0.6) ? [{ at, data: { kind: 'residential', ...person.address } }] : [];
}

const COMPANY_WORDS = ['Bright', 'Summit', 'Blue', 'North', 'Apex', 'Vertex', 'Pioneer', 'Harbor'];
const COMPANY_SUFFIX = ['Digital LLC', 'Solutions Inc', 'Tech Group', 'Consulting LLC', 'Software Co'];

/** The ring's own "client": hires the personas, pays them, praises them. */
function fakeClient(ctx: GeneratorContext, ring: Ring, registeredAt: number): AccountPlan {
  const rng = ring.rng.fork('client');
  const country = countryByCode(ring.claimedCountry);
  const person = newPerson(ctx, rng, { country, homeIp: ring.exits[0] });
  const device = rng.chance(0.6)
    ? ring.operatorDevices[0]
    : newDevice(rng, {
        platform: 'windows',
        languages: ring.operatorDevices[0].languages,
        timeZone: ring.operatorDevices[0].timeZone,
      });
  const payouts = rng.chance(0.4)
    ? [
        {
          at: registeredAt + rng.int(1, 5) * DAY,
          data: { ...ring.sharedPayouts[0], methodId: `pm_${rng.hex(14)}` },
        },
      ]
    : [];
  return assemblePlan(ctx, rng, {
    id: ctx.accountId(rng),
    truth: { fraudulent: true, kind: 'fake-client', ringId: ring.id },
    role: 'client',
    person,
    displayName: `${rng.pick(COMPANY_WORDS)}${rng.pick(['line', 'point', 'stone', 'wave'])} ${rng.pick(COMPANY_SUFFIX)}`,
    registeredAt,
    rhythm: {
      ...operatorRhythm(rng, ring.base.timeZone),
      sessionsPerDay: [1, 1],
      sessionMinutes: [20, 60],
      weekdayProbability: 0.5,
    },
    stays: [
      {
        from: ctx.startAt - DAY,
        to: ctx.endAt + DAY,
        timeZone: person.city.timeZone,
        connect: operatorConnector(ring, 0.03),
      },
    ],
    devices: [[device, 100]],
    identity: [],
    payouts,
    addresses: [
      { at: registeredAt + HOUR, data: { kind: 'billing', ...streetAddressFor(rng, country, person.city) } },
    ],
    workload: 0,
  });
}
