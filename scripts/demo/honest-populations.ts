// Honest accounts: ordinary freelancers and clients, and the legitimate look-alikes that share
// something with fraud on the surface (an IP, a device, a payout account, a VPN, odd hours,
// a moving location) while everything else about them is consistent.

import { AccountPlan, LookalikeKind, Stay } from './account-plan';
import { browserLanguages, Device, newDevice, phoneDevice } from './devices';
import {
  assemblePlan,
  clientRhythm,
  Connector,
  DAY,
  everydayConnector,
  everydayDevices,
  fixed,
  fromPool,
  GeneratorContext,
  HOUR,
  identityCheck,
  mix,
  newPerson,
  officeRhythm,
  payoutMethod,
  Person,
  pickCountry,
  RTT,
  singleStay,
} from './generator-context';
import { fullName, streetAddressFor } from './people';
import { fromTemplate, resumeTemplate } from './profiles';
import { Random } from './prng';
import { CAMPUS_CITY, CAMPUSES, Country, countryByCode, COUNTRIES, NOMAD_DESTINATIONS } from './world';

type Builder = (ctx: GeneratorContext, rng: Random, count: number) => AccountPlan[];

const honest = (kind: 'ordinary' | LookalikeKind) => ({ fraudulent: false, kind }) as const;

/** Some honest remote workers run TeamViewer for their day job or family support. */
function maybeTeamViewer(rng: Random, devices: (readonly [Device, number])[]): AccountPlan['desktop'] {
  if (!rng.chance(0.4)) return undefined;
  const tools = rng.chance(0.04) ? [rng.pick(['teamviewer', 'anydesk'])] : [];
  return {
    deviceId: devices[0][0].deviceId,
    habit: { probability: 0.5, tools, listeningPorts: tools.length ? [5938] : [] },
  };
}

export const ordinary: Builder = (ctx, rng, count) => {
  const plans: AccountPlan[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`ordinary-${i}`);
    const role = r.chance(0.32) ? 'client' : 'freelancer';
    const person = newPerson(ctx, r, { country: pickCountry(r, role) });
    const devices = everydayDevices(r, person);
    plans.push(
      assemblePlan(ctx, r, {
        id: ctx.accountId(r),
        truth: honest('ordinary'),
        role,
        person,
        registeredAt: ctx.registrationTime(r),
        rhythm: role === 'client' ? clientRhythm(r) : officeRhythm(r),
        stays: withOccasionalTrip(ctx, r, person, everydayConnector(ctx, r, person)),
        devices,
        desktop: role === 'freelancer' ? maybeTeamViewer(r, devices) : undefined,
      }),
    );
  }
  return plans;
};

/** About one honest person in thirty takes a short trip abroad during the period. */
function withOccasionalTrip(ctx: GeneratorContext, rng: Random, person: Person, home: Connector): Stay[] {
  if (!rng.chance(0.03)) return singleStay(ctx, person.city.timeZone, home);
  const destination = pickCountry(rng, 'client', [person.country.code]);
  const city = rng.pick(destination.cities);
  const leave = ctx.startAt + rng.next() * (ctx.endAt - ctx.startAt) * 0.7;
  const back = leave + rng.int(3, 7) * DAY;
  const hotelIp = ctx.localIp(destination.code, city);
  return [
    { from: ctx.startAt - DAY, to: leave, timeZone: person.city.timeZone, connect: home },
    { from: leave, to: back, timeZone: city.timeZone, connect: fixed(hotelIp) },
    { from: back, to: ctx.endAt + DAY, timeZone: person.city.timeZone, connect: home },
  ];
}

/** Families and flatmates: one router, one street address, now and then one laptop or one joint account. */
export const households: Builder = (ctx, rng, count) => {
  const plans: AccountPlan[] = [];
  for (let h = 0; plans.length < count; h++) {
    const r = rng.fork(`household-${h}`);
    const country = pickCountry(r, 'freelancer');
    const city = r.pick(country.cities);
    const homeIp = ctx.localIp(country.code, city);
    const address = streetAddressFor(r, country, city);
    const family = r.chance(0.7);
    const lastName = family ? newPerson(ctx, r, { country, city, homeIp, address }).name.last : undefined;
    const members = Array.from({ length: Math.min(r.int(2, 4), count - plans.length) }, () =>
      newPerson(ctx, r, { country, city, homeIp, address, lastName }),
    );
    const familyLaptop = r.chance(0.3) ? newDevice(r, { languages: members[0].languages }) : undefined;
    const jointAccount =
      family && members.length >= 2 && r.chance(0.1)
        ? payoutMethod(r, members[0], ctx.startAt, 'bank')
        : undefined;
    members.forEach((person, index) => {
      const role = r.chance(0.25) ? 'client' : 'freelancer';
      const own = everydayDevices(r, person);
      const devices: (readonly [Device, number])[] = familyLaptop ? [...own, [familyLaptop, 40]] : own;
      const registeredAt = ctx.registrationTime(r);
      const joint =
        jointAccount && index < 2 && role === 'freelancer'
          ? [
              {
                at: registeredAt + r.int(1, 48) * HOUR,
                data: {
                  ...jointAccount.data,
                  methodId: `pm_${r.hex(14)}`,
                  holderName: `${fullName(members[0].name)} & ${fullName(members[1].name)}`,
                },
              },
            ]
          : undefined;
      plans.push(
        assemblePlan(ctx, r, {
          id: ctx.accountId(r),
          truth: honest('household'),
          role,
          person,
          registeredAt,
          rhythm: role === 'client' ? clientRhythm(r) : officeRhythm(r),
          stays: singleStay(
            ctx,
            city.timeZone,
            mix([
              [fixed(homeIp), 88],
              [
                ctx.mobilePool(country).length ? fromPool(ctx.mobilePool(country), RTT.mobile) : undefined,
                12,
              ],
            ]),
          ),
          devices,
          payouts: joint,
          addresses: [
            { at: registeredAt + r.int(10, 300) * 60_000, data: { kind: 'residential', ...address } },
          ],
        }),
      );
    });
  }
  return plans;
};

/** Coworking spaces: a handful of office IPs shared by members who otherwise have nothing in common. */
export const coworking: Builder = (ctx, rng, count) => {
  const plans: AccountPlan[] = [];
  for (let s = 0; plans.length < count; s++) {
    const r = rng.fork(`coworking-${s}`);
    const country = pickCountry(r, 'freelancer');
    const city = r.pick(country.cities);
    const officeIps = [ctx.localIp(country.code, city)];
    if (r.chance(0.5)) officeIps.push(ctx.localIp(country.code, city));
    const size = Math.min(r.int(6, 14), count - plans.length);
    for (let m = 0; m < size; m++) {
      // Mostly locals; some expats who live here now but hold another country's passport.
      const local = r.chance(0.8);
      const person = local ? newPerson(ctx, r, { country, city }) : expat(ctx, r, country, city);
      const office = fromPool(officeIps, RTT.broadband);
      const away = local ? everydayConnector(ctx, r, person) : fixed(person.homeIp);
      plans.push(
        assemblePlan(ctx, r, {
          id: ctx.accountId(r),
          truth: honest('coworking'),
          role: r.chance(0.15) ? 'client' : 'freelancer',
          person,
          claimedCountry: country.code,
          registeredAt: ctx.registrationTime(r),
          rhythm: officeRhythm(r),
          stays: singleStay(
            ctx,
            city.timeZone,
            mix([
              [office, 60],
              [away, 40],
            ]),
          ),
          devices: everydayDevices(r, person),
        }),
      );
    }
  }
  return plans;
};

/** A foreign national living in `city`: local home and address, their own passport and bank. */
function expat(
  ctx: GeneratorContext,
  rng: Random,
  country: Country,
  city: Country['cities'][number],
): Person {
  const origin = pickCountry(rng, 'freelancer', [country.code]);
  const person = newPerson(ctx, rng, {
    country: origin,
    homeIp: ctx.localIp(country.code, city),
  });
  return { ...person, city, address: streetAddressFor(rng, country, city) };
}

/** Students and staff freelancing from a campus network: many accounts behind a few NAT addresses. */
export const university: Builder = (ctx, rng, count) => {
  const plans: AccountPlan[] = [];
  const campuses = Object.entries(CAMPUSES).flatMap(([code, list]) =>
    list.map(([asn]) => [code, asn] as const),
  );
  for (let c = 0; plans.length < count && c < 200; c++) {
    const r = rng.fork(`campus-${c}`);
    const [code, asn] = r.pick(campuses);
    const pool = ctx.pools.campusPool(code, asn, r.int(2, 6));
    if (pool.length === 0) continue;
    const country = countryByCode(code);
    const city = country.cities.find((candidate) => candidate.name === CAMPUS_CITY[asn]) ?? country.cities[0];
    const size = Math.min(r.int(8, 20), count - plans.length);
    for (let m = 0; m < size; m++) {
      const person = newPerson(ctx, r, { country, city, ageRange: [18, 30] });
      const campus = fromPool(pool, RTT.broadband);
      const mobile = ctx.mobilePool(country);
      plans.push(
        assemblePlan(ctx, r, {
          id: ctx.accountId(r),
          truth: honest('university'),
          role: 'freelancer',
          person,
          registeredAt: ctx.registrationTime(r),
          // Students keep irregular, late hours.
          rhythm: officeRhythm(r, {
            startHour: r.int(9, 13),
            endHour: r.int(20, 25),
            weekendProbability: 0.5,
          }),
          stays: singleStay(
            ctx,
            city.timeZone,
            mix([
              [campus, 60],
              [fixed(person.homeIp), 30],
              [mobile.length ? fromPool(mobile, RTT.mobile) : undefined, 10],
            ]),
          ),
          devices: everydayDevices(r, person),
          workload: r.int(0, 2),
        }),
      );
    }
  }
  return plans;
};

const PRIVACY_EXIT_COUNTRIES = ['CH', 'NL', 'SE', 'DE', 'IS', 'RO', 'US', 'GB', 'CA'];

/** Privacy-minded people: a commercial VPN nearly always on; the rest of their story is ordinary. */
export const privacyVpn: Builder = (ctx, rng, count) =>
  Array.from({ length: count }, (_, i) => {
    const r = rng.fork(`privacy-${i}`);
    const role = r.chance(0.2) ? 'client' : 'freelancer';
    const person = newPerson(ctx, r, { country: pickCountry(r, role) });
    const favouriteExits = r.chance(0.5) ? [person.country.code] : r.sample(PRIVACY_EXIT_COUNTRIES, 2);
    const exits = Array.from({ length: r.int(2, 6) }, () => ctx.pools.vpnExit(favouriteExits, true));
    return assemblePlan(ctx, r, {
      id: ctx.accountId(r),
      truth: honest('privacy-vpn'),
      role,
      person,
      registeredAt: ctx.registrationTime(r),
      rhythm: role === 'client' ? clientRhythm(r) : officeRhythm(r),
      stays: singleStay(
        ctx,
        person.city.timeZone,
        mix([
          [fromPool(exits, RTT.vpn), 90],
          [fixed(person.homeIp), 10],
        ]),
      ),
      devices: everydayDevices(r, person),
    });
  });

/** Digital nomads: a home country on paper, a new country every week or two, local time wherever they are. */
export const digitalNomads: Builder = (ctx, rng, count) =>
  Array.from({ length: count }, (_, i) => {
    const r = rng.fork(`nomad-${i}`);
    const homeCountry = countryByCode(r.pick(['US', 'GB', 'DE', 'CA', 'AU', 'NL', 'FR', 'PL', 'UA', 'BR']));
    const person = newPerson(ctx, r, { country: homeCountry, ageRange: [24, 45] });
    const stays = nomadItinerary(ctx, r, person);
    return assemblePlan(ctx, r, {
      id: ctx.accountId(r),
      truth: honest('digital-nomad'),
      role: 'freelancer',
      person,
      registeredAt: ctx.registrationTime(r),
      rhythm: officeRhythm(r, { weekendProbability: 0.35 }),
      stays,
      // Laptops and phones set their clock from the network: no pinned zone.
      devices: [
        [newDevice(r, { platform: r.chance(0.6) ? 'mac' : 'windows', languages: person.languages }), 85],
        [phoneDevice(r, person.languages), 15],
      ],
    });
  });

function nomadItinerary(ctx: GeneratorContext, rng: Random, person: Person): Stay[] {
  const destinations = rng.sample(
    NOMAD_DESTINATIONS.filter((code) => code !== person.country.code),
    4,
  );
  const homeExits = Array.from({ length: 2 }, () => ctx.pools.vpnExit([person.country.code], true));
  const stays: Stay[] = [];
  let from = ctx.startAt - DAY;
  for (const code of destinations) {
    const country: Country = countryByCode(code);
    const city = rng.pick(country.cities);
    // A week or two per place; a travel day between places leaves realistic gaps (no teleporting).
    const to = Math.min(from + rng.int(6, 14) * DAY, ctx.endAt + DAY);
    const lodging = ctx.localIp(country.code, city);
    const cafe = ctx.localIp(country.code, city);
    const mobile = ctx.mobilePool(country);
    stays.push({
      from,
      to,
      timeZone: city.timeZone,
      connect: mix([
        [fixed(lodging), 55],
        [fixed(cafe), 20],
        [mobile.length ? fromPool(mobile, RTT.mobile) : undefined, 10],
        // Some banking and streaming wants a home IP: a VPN back home now and then.
        [fromPool(homeExits, [120, 260]), 15],
      ]),
    });
    from = to + DAY;
    if (from > ctx.endAt) break;
  }
  return stays;
}

/** Night owls: honest people who simply work at night in their own time zone. */
export const nightOwls: Builder = (ctx, rng, count) =>
  Array.from({ length: count }, (_, i) => {
    const r = rng.fork(`owl-${i}`);
    const person = newPerson(ctx, r, { country: pickCountry(r, 'freelancer') });
    const start = r.int(20, 23);
    return assemblePlan(ctx, r, {
      id: ctx.accountId(r),
      truth: honest('night-owl'),
      role: 'freelancer',
      person,
      registeredAt: ctx.registrationTime(r),
      rhythm: officeRhythm(r, { startHour: start, endHour: start + r.int(5, 8), weekendProbability: 0.5 }),
      stays: singleStay(ctx, person.city.timeZone, everydayConnector(ctx, r, person)),
      devices: everydayDevices(r, person),
    });
  });

/** Agencies: an agency account and its members, paid into the agency's account by design. */
export const agencies: Builder = (ctx, rng, count) => {
  const plans: AccountPlan[] = [];
  for (let a = 0; plans.length < count; a++) {
    const r = rng.fork(`agency-${a}`);
    const country = countryByCode(r.pick(['UA', 'IN', 'PK', 'PH', 'RO', 'PL', 'VN', 'EG', 'BD', 'AR', 'NG']));
    const city = r.pick(country.cities);
    const owner = newPerson(ctx, r, { country, city });
    const officeIps = [ctx.localIp(country.code, city)];
    const agencyName = `${owner.name.last} ${r.pick(['Digital', 'Soft', 'Labs', 'Studio', 'Tech', 'Solutions'])}`;
    const bank = payoutMethod(r, owner, ctx.startAt, 'bank');
    const agencyBank = {
      ...bank.data,
      holderName: `${agencyName} ${r.pick(['LLC', 'Ltd', 'SRL', 'Pvt Ltd', 'Sp. z o.o.'])}`,
    };
    const template = resumeTemplate(r);
    const agencyId = ctx.accountId(r);
    const ownerRegisteredAt = ctx.startAt + r.next() * (ctx.endAt - ctx.startAt) * 0.3;
    const office = fromPool(officeIps, RTT.broadband);
    plans.push(
      assemblePlan(ctx, r, {
        id: agencyId,
        truth: honest('agency'),
        role: 'agency',
        person: owner,
        displayName: agencyName,
        registeredAt: ownerRegisteredAt,
        rhythm: officeRhythm(r),
        stays: singleStay(
          ctx,
          city.timeZone,
          mix([
            [office, 70],
            [fixed(owner.homeIp), 30],
          ]),
        ),
        devices: everydayDevices(r, owner),
        payouts: [{ at: ownerRegisteredAt + HOUR, data: { ...agencyBank, methodId: `pm_${r.hex(14)}` } }],
      }),
    );
    const hotDesk = r.chance(0.2)
      ? newDevice(r, { languages: browserLanguages(r, country.languages) })
      : undefined;
    const size = Math.min(r.int(3, 8), count - plans.length);
    for (let m = 0; m < size; m++) {
      const person = newPerson(ctx, r, { country, city });
      const registeredAt = ownerRegisteredAt + r.int(1, 10) * DAY * 0.5;
      const devices = everydayDevices(r, person);
      plans.push(
        assemblePlan(ctx, r, {
          id: ctx.accountId(r),
          truth: honest('agency'),
          role: 'freelancer',
          person,
          registeredAt,
          agencyAccountId: agencyId,
          // Agencies hand members one boilerplate bio: near-duplicate text across accounts.
          profile: fromTemplate(r, template, person.name.first),
          rhythm: officeRhythm(r),
          stays: singleStay(
            ctx,
            city.timeZone,
            mix([
              [office, 65],
              [everydayConnector(ctx, r, person), 35],
            ]),
          ),
          devices: hotDesk ? [...devices, [hotDesk, 30]] : devices,
          payouts: [
            { at: registeredAt + r.int(1, 24) * HOUR, data: { ...agencyBank, methodId: `pm_${r.hex(14)}` } },
          ],
          identity: [identityCheck(r, person, registeredAt + r.int(1, 24) * HOUR)],
        }),
      );
    }
  }
  return plans;
};

/** Phone-first people on mobile data: carrier-grade NAT puts thousands of them behind a few addresses. */
export const mobileCgnat: Builder = (ctx, rng, count) => {
  const countries = COUNTRIES.filter(
    (country) => country.mobileAsns.length > 0 && country.freelancerWeight >= 2,
  );
  return Array.from({ length: count }, (_, i) => {
    const r = rng.fork(`cgnat-${i}`);
    const country = r.pick(countries);
    const person = newPerson(ctx, r, { country });
    const pool = ctx.mobilePool(country);
    const phone = phoneDevice(r, person.languages);
    return assemblePlan(ctx, r, {
      id: ctx.accountId(r),
      truth: honest('mobile-cgnat'),
      role: r.chance(0.15) ? 'client' : 'freelancer',
      person,
      registeredAt: ctx.registrationTime(r),
      rhythm: officeRhythm(r, { sessionMinutes: [15, 90], sessionsPerDay: [1, 4] }),
      stays: singleStay(
        ctx,
        person.city.timeZone,
        mix([
          [fromPool(pool.length ? pool : [person.homeIp], RTT.mobile), 85],
          [fixed(person.homeIp), 15],
        ]),
      ),
      devices: r.chance(0.5)
        ? [[phone, 100]]
        : [
            [phone, 70],
            [newDevice(r, { languages: person.languages }), 30],
          ],
    });
  });
};

/** iCloud+ subscribers on Safari: Private Relay egress addresses that rotate and are shared widely. */
export const privateRelay: Builder = (ctx, rng, count) =>
  Array.from({ length: count }, (_, i) => {
    const r = rng.fork(`relay-${i}`);
    const role = r.chance(0.35) ? 'client' : 'freelancer';
    const person = newPerson(ctx, r, { country: pickCountry(r, role) });
    const pool = ctx.relayPool(person.country.code);
    const mac = newDevice(r, { platform: 'mac', languages: person.languages });
    return assemblePlan(ctx, r, {
      id: ctx.accountId(r),
      truth: honest('private-relay'),
      role,
      person,
      registeredAt: ctx.registrationTime(r),
      rhythm: role === 'client' ? clientRhythm(r) : officeRhythm(r),
      stays: singleStay(
        ctx,
        person.city.timeZone,
        mix([
          [fromPool(pool, RTT.relay), 85],
          [fixed(person.homeIp), 15],
        ]),
      ),
      devices: [
        [mac, 70],
        [phoneDevice(r, person.languages, true), 30],
      ],
    });
  });

export const LOOKALIKE_BUILDERS: Readonly<Record<LookalikeKind, Builder>> = {
  household: households,
  coworking,
  university,
  'privacy-vpn': privacyVpn,
  'digital-nomad': digitalNomads,
  'night-owl': nightOwls,
  agency: agencies,
  'mobile-cgnat': mobileCgnat,
  'private-relay': privateRelay,
};
