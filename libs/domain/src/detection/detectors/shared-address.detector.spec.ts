import type { SharedEntity } from '../graph-context';
import { ACCOUNT, detectorContext, featuresOf, graphWith, T0 } from '../observation.fixtures';
import type { AddressKind, AddressObservation } from '../observation.types';
import { detectSharedAddress } from './shared-address.detector';

const moveTo = (addressKind: AddressKind, addressKey: string, at = T0): AddressObservation => ({
  kind: 'address', eventId: `a-${addressKind}-${addressKey}-${at}`, accountId: ACCOUNT, occurredAt: at, addressKind, addressKey, country: 'US',
});
const sharedBy = (addressKey: string, others: number, sameAgency = false): SharedEntity => ({
  kind: 'address', key: `address:${addressKey}`, accountCount: others + 1,
  others: Array.from({ length: others }, (_, index) => ({ accountId: `u_${index + 2}`, sameAgency })),
});

describe('detectSharedAddress', () => {
  it('reports a shipping address that three other accounts use (laptop farm)', () => {
    const features = featuresOf([moveTo('shipping', 'farm')]);
    const [reason] = detectSharedAddress(features, detectorContext({ graph: graphWith({ sharedEntities: [sharedBy('farm', 3)] }) }));
    expect(reason).toMatchObject({ code: 'SHARED_SHIPPING_ADDRESS', family: 'address', evidence: { addressKinds: ['shipping'], otherAccounts: ['u_2', 'u_3', 'u_4'] } });
  });

  it('accepts a couple of freelancers living together', () => {
    const features = featuresOf([moveTo('shipping', 'home')]);
    expect(detectSharedAddress(features, detectorContext({ graph: graphWith({ sharedEntities: [sharedBy('home', 1)] }) }))).toEqual([]);
  });

  it('only looks at the current shipping or tax address', () => {
    const features = featuresOf([moveTo('shipping', 'farm', T0), moveTo('shipping', 'new-home', T0 + 1), moveTo('residential', 'farm')]);
    expect(detectSharedAddress(features, detectorContext({ graph: graphWith({ sharedEntities: [sharedBy('farm', 3)] }) }))).toEqual([]);
  });

  it('sets aside hubs (a coworking space or mail centre) and agency offices', () => {
    const features = featuresOf([moveTo('tax', 'cowork')]);
    expect(detectSharedAddress(features, detectorContext({ graph: graphWith({ sharedEntities: [sharedBy('cowork', 80)] }) }))).toEqual([]);
    expect(detectSharedAddress(features, detectorContext({ graph: graphWith({ sharedEntities: [sharedBy('cowork', 4, true)] }) }))).toEqual([]);
  });
});
