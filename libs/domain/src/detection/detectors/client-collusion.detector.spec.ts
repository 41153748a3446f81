import { DAY, detectorContext, featuresOf, graphWith, T0 } from '../observation.fixtures';
import type { Observation } from '../observation.types';
import { detectClientCollusion } from './client-collusion.detector';

const CLIENT = 'client-1';
function hireAndRate(freelancer: string, contractId: string, rating: number): Observation[] {
  return [
    { kind: 'contract', eventId: `c-${contractId}`, accountId: freelancer, occurredAt: T0, contractId, clientAccountId: CLIENT },
    { kind: 'review', eventId: `r-${contractId}`, accountId: CLIENT, occurredAt: T0 + DAY, contractId, subjectAccountId: freelancer, rating },
  ];
}

describe('detectClientCollusion', () => {
  it('reports a client whose contracts and 5-star reviews go to freelancers linked to each other', () => {
    const features = featuresOf([...hireAndRate('f1', 'k1', 5), ...hireAndRate('f2', 'k2', 5), ...hireAndRate('f3', 'k3', 4)], CLIENT);
    const graph = graphWith({ counterpartClusters: { f1: 'ring-A', f2: 'ring-A', f3: 'ring-A' } });
    const [reason] = detectClientCollusion(features, detectorContext({ graph }));
    expect(reason).toMatchObject({ code: 'CLIENT_FUNDS_LINKED_ACCOUNTS', family: 'collusion' });
    expect(reason.evidence).toMatchObject({ freelancers: ['f1', 'f2', 'f3'], fiveStarReviews: 2, linkedToClientItself: false });
  });

  it('reports a client linked to the freelancer it pays (own cluster)', () => {
    const features = featuresOf(hireAndRate('f1', 'k1', 5), CLIENT);
    const graph = graphWith({ cluster: { clusterId: 'ring-B', size: 2 }, counterpartClusters: { f1: 'ring-B' } });
    const [reason] = detectClientCollusion(features, detectorContext({ graph }));
    expect(reason).toMatchObject({ weight: 40, evidence: expect.objectContaining({ linkedToClientItself: true }) });
  });

  it('accepts a client hiring the same freelancer twice', () => {
    const features = featuresOf([...hireAndRate('f1', 'k1', 5), ...hireAndRate('f1', 'k2', 5)], CLIENT);
    expect(detectClientCollusion(features, detectorContext({ graph: graphWith({ counterpartClusters: { f1: 'household-1' } }) }))).toEqual([]);
  });

  it('accepts a client hiring unrelated freelancers', () => {
    const features = featuresOf([...hireAndRate('f1', 'k1', 5), ...hireAndRate('f2', 'k2', 5)], CLIENT);
    expect(detectClientCollusion(features, detectorContext({ graph: graphWith({ counterpartClusters: { f1: 'c-1', f2: 'c-2' } }) }))).toEqual([]);
  });
  it("accepts a client hiring and 5-star reviewing several members of one agency (linked by the agency's office and hot desk)", () => {
    const features = featuresOf([...hireAndRate('f1', 'k1', 5), ...hireAndRate('f2', 'k2', 5), ...hireAndRate('f3', 'k3', 5)], CLIENT);
    const graph = graphWith({
      counterpartClusters: { f1: 'agency-team', f2: 'agency-team', f3: 'agency-team' },
      counterpartAgencies: { f1: 'agency-1', f2: 'agency-1', f3: 'agency-1' },
    });
    expect(detectClientCollusion(features, detectorContext({ graph }))).toEqual([]);
  });

  it('still reports linked freelancers of different agencies (or none) hired by one client', () => {
    const features = featuresOf([...hireAndRate('f1', 'k1', 5), ...hireAndRate('f2', 'k2', 5)], CLIENT);
    const graph = graphWith({ counterpartClusters: { f1: 'ring-A', f2: 'ring-A' }, counterpartAgencies: { f1: 'agency-1' } });
    expect(detectClientCollusion(features, detectorContext({ graph }))).toHaveLength(1);
  });
});
