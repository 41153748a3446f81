// The demo marketplace: a deterministic synthetic population (ordinary freelancers and clients,
// legitimate look-alikes, North Korean IT-worker rings) turned into contract §3 signals, with
// the truth about every account. Pure apart from reading the IP data files.

import { Signal } from '@tns/domain/signals';
import { IpIntelService } from '@tns/ip-intel';
import { AccountPlan, LOOKALIKE_KINDS, LookalikeKind, TruthLabel } from './account-plan';
import { buildRing, LaptopFarm, newLaptopFarm } from './fraud-rings';
import { DAY, GeneratorContext, HOUR } from './generator-context';
import { LOOKALIKE_BUILDERS, ordinary } from './honest-populations';
import { IpPools } from './ip-pools';
import { emitMarketplaceActivity } from './marketplace-activity';
import { Random } from './prng';
import { emitAccount } from './session-emitter';
import { SignalSink } from './signal-sink';
import { CAMPUSES, COUNTRIES } from './world';

export type { TruthLabel } from './account-plan';
export { FRAUD_KINDS, LOOKALIKE_KINDS } from './account-plan';

/** Share of all accounts per look-alike kind. */
export const DEFAULT_LOOKALIKE_SHARES: Readonly<Record<LookalikeKind, number>> = {
  household: 0.05,
  coworking: 0.04,
  university: 0.04,
  'privacy-vpn': 0.03,
  'digital-nomad': 0.03,
  'night-owl': 0.03,
  agency: 0.04,
  'mobile-cgnat': 0.04,
  'private-relay': 0.03,
};

export interface MarketplaceOptions {
  readonly seed?: string | number;
  /** Total accounts (approximate: groups are kept whole). Default 3,000. */
  readonly accounts?: number;
  /** Length of the period in days. Default 21. */
  readonly days?: number;
  /** Start of the period. Default: `days` before now, on the hour. */
  readonly startAt?: Date | string | number;
  /** Share of fraudulent accounts (personas and fake clients). Default 0.03. */
  readonly fraudShare?: number;
  /** Share of rings working through a US laptop farm. Default 0.35. */
  readonly laptopFarmShare?: number;
  readonly lookalikeShares?: Partial<Record<LookalikeKind, number>>;
  /** Folder of the anonymiser lists (default ../shared/data/ipintel beside the repository, or DEMO_IPINTEL_DIR). */
  readonly ipIntelDir?: string;
  /** An already loaded service with the demo manifest (tests share one). */
  readonly ipIntel?: IpIntelService;
}

export interface GeneratedMarketplace {
  /** Chronological. */
  readonly signals: Signal[];
  readonly truth: Map<string, TruthLabel>;
  readonly startAt: Date;
  readonly endAt: Date;
  readonly seed: string;
}

export const DEFAULT_SEED = 'tns-demo-1';

export async function generateMarketplace(options: MarketplaceOptions = {}): Promise<GeneratedMarketplace> {
  const seed = String(options.seed ?? DEFAULT_SEED);
  const accounts = options.accounts ?? 3000;
  const days = options.days ?? 21;
  const startAt = resolveStart(options.startAt, days);
  const endAt = startAt + days * DAY;
  const rng = new Random(seed);
  const pools = await IpPools.load(
    rng.fork('ip-pools'),
    {
      mobile: COUNTRIES.flatMap((country) => country.mobileAsns),
      campus: Object.values(CAMPUSES)
        .flat()
        .map(([asn]) => asn),
    },
    { year: new Date(startAt).getUTCFullYear(), dataDir: options.ipIntelDir, ipIntel: options.ipIntel },
  );
  const ctx = new GeneratorContext(rng.fork('context'), pools, startAt, endAt);
  const plans = buildPopulation(ctx, rng, accounts, options);
  const sink = new SignalSink(rng.fork('ids'), startAt, endAt);
  const parties = plans.map((plan) => ({
    plan,
    activity: emitAccount(plan, rng.fork(`sessions-${plan.id}`), sink, endAt),
  }));
  emitMarketplaceActivity(parties, rng.fork('marketplace'), sink, endAt);
  return {
    signals: sink.sorted(),
    truth: new Map(plans.map((plan) => [plan.id, plan.truth])),
    startAt: new Date(startAt),
    endAt: new Date(endAt),
    seed,
  };
}

function resolveStart(startAt: MarketplaceOptions['startAt'], days: number): number {
  if (startAt !== undefined) return new Date(startAt).getTime();
  // Ends a little before now so the last events are never "in the future" for the API.
  return Math.floor((Date.now() - days * DAY - HOUR) / HOUR) * HOUR;
}

function buildPopulation(
  ctx: GeneratorContext,
  rng: Random,
  accounts: number,
  options: MarketplaceOptions,
): AccountPlan[] {
  const shares = { ...DEFAULT_LOOKALIKE_SHARES, ...options.lookalikeShares };
  const fraud = buildFraud(
    ctx,
    rng.fork('fraud'),
    Math.round(accounts * (options.fraudShare ?? 0.03)),
    options.laptopFarmShare ?? 0.35,
  );
  const lookalikes = LOOKALIKE_KINDS.flatMap((kind) =>
    LOOKALIKE_BUILDERS[kind](ctx, rng.fork(kind), Math.round(accounts * shares[kind])),
  );
  const rest = Math.max(accounts - fraud.length - lookalikes.length, 0);
  return [...ordinary(ctx, rng.fork('ordinary'), rest), ...lookalikes, ...fraud];
}

/** Rings of 3-6 personas (and usually a fake client) until the fraudulent share is reached. */
function buildFraud(ctx: GeneratorContext, rng: Random, target: number, farmShare: number): AccountPlan[] {
  const plans: AccountPlan[] = [];
  let farm: LaptopFarm | undefined;
  for (let index = 0; plans.length < target; index++) {
    const r = rng.fork(`ring-${index}`);
    // Whole rings only (3-6 personas): the last one may overshoot the target by a few accounts.
    const withClient = r.chance(0.85);
    const personas = r.int(3, 6);
    // Facilitators serve more than one team: a farm is sometimes reused by the next farm ring.
    const viaFarm = r.chance(farmShare);
    if (viaFarm && (!farm || r.chance(0.6))) farm = newLaptopFarm(ctx, r);
    plans.push(...buildRing(ctx, r, index, personas, viaFarm ? farm : undefined, withClient));
  }
  return plans;
}
