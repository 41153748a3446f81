import type { SharedEntity } from '../graph-context';
import { detectorContext, featuresOf, graphWith, registration } from '../observation.fixtures';
import { detectSharedIdentity } from './shared-identity.detector';

const shared = (kind: SharedEntity['kind'], accountCount: number): SharedEntity => ({
  kind,
  key: `${kind}:k`,
  accountCount,
  others: Array.from({ length: accountCount - 1 }, (_, index) => ({ accountId: `u_${index + 2}`, sameAgency: false })),
});

describe('detectSharedIdentity', () => {
  const features = featuresOf([registration()]);

  it('reports one document or one name + birth date behind several accounts', () => {
    const reasons = detectSharedIdentity(features, detectorContext({ graph: graphWith({ sharedEntities: [shared('document', 3), shared('name-dob', 2)] }) }));
    expect(reasons.map((r) => r.code)).toEqual(['DOCUMENT_SHARED', 'NAME_AND_BIRTH_DATE_SHARED']);
    expect(reasons[0].evidence.otherAccounts).toEqual(['u_2', 'u_3']);
  });

  it('sets aside an entity shared so widely it is a hub (a test document, a data-entry default)', () => {
    expect(detectSharedIdentity(features, detectorContext({ graph: graphWith({ sharedEntities: [shared('document', 40)] }) }))).toEqual([]);
  });

  it('ignores other kinds of sharing', () => {
    expect(detectSharedIdentity(features, detectorContext({ graph: graphWith({ sharedEntities: [shared('ip-window', 3)] }) }))).toEqual([]);
  });
});
