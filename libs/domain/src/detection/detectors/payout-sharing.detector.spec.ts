import type { LinkedAccount } from '../graph-context';
import { ACCOUNT, detectorContext, featuresOf, graphWith, registration, T0 } from '../observation.fixtures';
import type { Observation } from '../observation.types';
import { detectPayoutSharing } from './payout-sharing.detector';

const payoutShared = (others: LinkedAccount[], accountCount = others.length + 1) =>
  graphWith({ sharedEntities: [{ kind: 'payout-instrument', key: 'payout-instrument:iban-1', accountCount, others }] });
const contractWith = (clientAccountId: string, contractId = `k-${clientAccountId}`): Observation => ({ kind: 'contract', eventId: `c-${contractId}`, accountId: ACCOUNT, occurredAt: T0, contractId, clientAccountId });

describe('detectPayoutSharing', () => {
  it('reports an instrument shared with unrelated accounts', () => {
    const [reason] = detectPayoutSharing(featuresOf([registration()]), detectorContext({ graph: payoutShared([{ accountId: 'u_9', sameAgency: false }]) }));
    expect(reason).toMatchObject({ code: 'PAYOUT_INSTRUMENT_SHARED', family: 'payout', weight: 28 });
  });

  it('reports self-dealing when the instrument is shared with a client the freelancer works for', () => {
    const features = featuresOf([registration(), contractWith('client-7')]);
    const reasons = detectPayoutSharing(features, detectorContext({ graph: payoutShared([{ accountId: 'client-7', sameAgency: false }]) }));
    expect(reasons.map((r) => r.code)).toEqual(['PAYOUT_INSTRUMENT_SHARED', 'PAYOUT_SHARED_WITH_CLIENT']);
    expect(reasons[1].evidence.clients).toEqual(['client-7']);
  });

  it('accepts agency members sharing the agency payout account', () => {
    const member = featuresOf([registration({ agencyAccountId: 'agency-1' })]);
    const graph = payoutShared([{ accountId: 'agency-1', sameAgency: true }, { accountId: 'u_3', sameAgency: true }, { accountId: 'u_4', sameAgency: true }]);
    expect(detectPayoutSharing(member, detectorContext({ graph }))).toEqual([]);
  });

  it('accepts a client hiring the same freelancer twice (no shared instrument at all)', () => {
    const features = featuresOf([registration(), contractWith('client-7'), contractWith('client-7', 'k2')]);
    expect(detectPayoutSharing(features, detectorContext())).toEqual([]);
  });

  it('sets aside hub instruments', () => {
    const others = Array.from({ length: 60 }, (_, index) => ({ accountId: `u_${index}`, sameAgency: false }));
    expect(detectPayoutSharing(featuresOf([registration()]), detectorContext({ graph: payoutShared(others) }))).toEqual([]);
  });
});
