// The marketplace between accounts: clients hire freelancers (and fraud personas, who bid on
// everything), reviews follow finished work, freelancers withdraw earnings, a few reports are
// filed. A ring's fake client hires its own personas and praises them.

import { AccountPlan } from './account-plan';
import { DAY, HOUR, MINUTE } from './generator-context';
import { Random } from './prng';
import { EmittedActivity } from './session-emitter';
import { SignalSink } from './signal-sink';

interface Party {
  readonly plan: AccountPlan;
  readonly activity: EmittedActivity;
}

interface Contract {
  readonly id: string;
  readonly freelancer: Party;
  readonly client: Party;
  readonly at: number;
}

/** The first session of `party` at or after `at` (contracts and reviews are made while logged in). */
function sessionAfter(party: Party, at: number): number | undefined {
  return party.activity.sessionStarts.find((start) => start >= at);
}

const honestRating = (rng: Random): number =>
  rng.weighted([
    [5, 68],
    [4.5, 6],
    [4, 16],
    [3, 6],
    [2, 2],
    [1, 2],
  ] as const);

export function emitMarketplaceActivity(
  parties: readonly Party[],
  rng: Random,
  sink: SignalSink,
  endAt: number,
): void {
  const freelancers = parties.filter((party) => party.plan.registration.role === 'freelancer');
  const contracts: Contract[] = [];
  for (const client of parties.filter((party) => party.plan.registration.role === 'client')) {
    if (client.plan.truth.kind === 'fake-client')
      contracts.push(...ringContracts(client, freelancers, rng, sink));
    else contracts.push(...honestHires(client, freelancers, rng, sink));
  }
  for (const contract of contracts) emitReviews(contract, rng, sink, endAt);
  for (const freelancer of freelancers) emitPayouts(freelancer, contracts, rng, sink, endAt);
}

function startContract(
  freelancer: Party,
  client: Party,
  notBefore: number,
  rng: Random,
  sink: SignalSink,
): Contract | undefined {
  const at = sessionAfter(client, notBefore);
  if (at === undefined) return undefined;
  const contract = { id: `c_${rng.hex(16)}`, freelancer, client, at: at + rng.int(2, 30) * MINUTE };
  sink.emit('contract.started', freelancer.plan.id, contract.at, {
    contractId: contract.id,
    clientAccountId: client.plan.id,
  });
  return contract;
}

function honestHires(
  client: Party,
  freelancers: readonly Party[],
  rng: Random,
  sink: SignalSink,
): Contract[] {
  const contracts: Contract[] = [];
  // Fraud personas apply to everything with polished profiles: they win more than their share.
  const weighted = freelancers.map((party) => [party, party.plan.truth.fraudulent ? 2 : 1] as const);
  for (let i = 0; i < client.plan.workload; i++) {
    const freelancer = rng.weighted(weighted);
    const notBefore =
      Math.max(client.plan.registeredAt, freelancer.plan.registeredAt) + rng.between(0.5, 4) * DAY;
    const contract = startContract(freelancer, client, notBefore, rng, sink);
    if (contract) contracts.push(contract);
  }
  return contracts;
}

function ringContracts(
  client: Party,
  freelancers: readonly Party[],
  rng: Random,
  sink: SignalSink,
): Contract[] {
  const ringId = client.plan.truth.ringId;
  const own = freelancers.filter((party) => party.plan.truth.ringId === ringId);
  const contracts: Contract[] = [];
  for (const persona of own) {
    if (!rng.chance(0.85)) continue;
    const notBefore =
      Math.max(client.plan.registeredAt, persona.plan.registeredAt) + rng.between(0.3, 3) * DAY;
    const contract = startContract(persona, client, notBefore, rng, sink);
    if (contract) contracts.push(contract);
  }
  // Some rings also hire an outsider or two so the client account looks real.
  if (rng.chance(0.3)) {
    const outsider = rng.pick(freelancers.filter((party) => !party.plan.truth.fraudulent));
    const contract = startContract(
      outsider,
      client,
      Math.max(client.plan.registeredAt, outsider.plan.registeredAt) + DAY,
      rng,
      sink,
    );
    if (contract) contracts.push(contract);
  }
  return contracts;
}

function emitReviews(contract: Contract, rng: Random, sink: SignalSink, endAt: number): void {
  const collusive =
    contract.client.plan.truth.kind === 'fake-client' &&
    contract.freelancer.plan.truth.ringId === contract.client.plan.truth.ringId;
  // Collusive reviews come fast (days); honest ones when the work is done (one to two weeks).
  const after = collusive ? rng.between(1, 4) * DAY : rng.between(3, 14) * DAY;
  const clientReviewAt = sessionAfter(contract.client, contract.at + after);
  if (clientReviewAt !== undefined && clientReviewAt < endAt && rng.chance(collusive ? 0.95 : 0.75)) {
    const rating = collusive ? 5 : honestRating(rng);
    sink.emit('review.posted', contract.client.plan.id, clientReviewAt + rng.int(1, 20) * MINUTE, {
      contractId: contract.id,
      subjectAccountId: contract.freelancer.plan.id,
      rating,
    });
    maybeReport(contract, rating, rng, sink, clientReviewAt + rng.int(20, 60) * MINUTE);
  }
  const freelancerReviewAt = sessionAfter(contract.freelancer, contract.at + after + rng.between(0, 2) * DAY);
  if (freelancerReviewAt !== undefined && rng.chance(collusive ? 0.6 : 0.4)) {
    sink.emit('review.posted', contract.freelancer.plan.id, freelancerReviewAt + rng.int(1, 20) * MINUTE, {
      contractId: contract.id,
      subjectAccountId: contract.client.plan.id,
      rating: collusive ? 5 : honestRating(rng),
    });
  }
}

/** Unhappy clients sometimes report; a few report what they noticed about a persona's identity. */
function maybeReport(contract: Contract, rating: number, rng: Random, sink: SignalSink, at: number): void {
  const subject = contract.freelancer.plan;
  if (rating <= 2 && rng.chance(0.5)) {
    sink.emit('report.filed', contract.client.plan.id, at, {
      subjectAccountId: subject.id,
      category: 'poor_quality',
      text: 'Work was not delivered as agreed.',
    });
  } else if (
    subject.truth.fraudulent &&
    contract.client.plan.truth.kind !== 'fake-client' &&
    rng.chance(0.08)
  ) {
    sink.emit('report.filed', contract.client.plan.id, at, {
      subjectAccountId: subject.id,
      category: 'identity_mismatch',
      text: 'Camera always off on calls and the voice did not sound like the person we interviewed.',
    });
  }
}

function emitPayouts(
  freelancer: Party,
  contracts: readonly Contract[],
  rng: Random,
  sink: SignalSink,
  endAt: number,
): void {
  const own = contracts.filter((contract) => contract.freelancer === freelancer);
  if (own.length === 0 || freelancer.plan.payoutMethods.length === 0) return;
  const fraud = freelancer.plan.truth.fraudulent;
  let at = Math.min(...own.map((contract) => contract.at)) + rng.between(2, 6) * DAY;
  while (at < endAt) {
    const methods = freelancer.plan.payoutMethods.filter((method) => method.at <= at);
    const method = methods[methods.length - 1];
    const when = sessionAfter(freelancer, at);
    if (method && when !== undefined && when < endAt) {
      const amount = Math.max(20, fraud ? rng.normal(1800, 700) : rng.normal(350, 250));
      sink.emit('payout.requested', freelancer.plan.id, when + rng.int(1, 30) * MINUTE, {
        methodId: method.data.methodId,
        amount: Math.round(amount * 100) / 100,
        currency: method.data.kind === 'crypto' ? 'USDT' : 'USD',
      });
    }
    at += (fraud ? rng.between(3, 6) : rng.between(5, 10)) * DAY + rng.int(0, 12) * HOUR;
  }
}
