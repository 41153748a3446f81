// Detection: per-account features, detectors, identity-graph rules and explainable risk.
// Pure: no I/O, no clock, no randomness. Import as `@tns/domain/detection`.

export * from './observation.types';
export * from './account-features';
export type { Latest } from './bounded-list';
export * from './reason';
export * from './graph-context';
export * from './risk-policy';
export * from './risk-scorer';
export * from './identity-graph';
export * from './union-find';
export * from './ring-verdict';
export * from './minhash';
export * from './photo-hash';
export { networkPrefix } from './ip-prefix';
export { categoryMask, categoriesOf, isAnonymised, locatesPerson } from './ip-category';
export { ALL_DETECTORS } from './detectors/all-detectors';
export { detectAnonymisingNetwork } from './detectors/anonymising-network.detector';
export { detectIpCountryMismatch } from './detectors/ip-country-mismatch.detector';
export { detectTimezoneMismatch } from './detectors/timezone-mismatch.detector';
export { detectActivityHours } from './detectors/activity-hours.detector';
export { detectRttDistance } from './detectors/rtt-distance.detector';
export { detectConcurrentSessions } from './detectors/concurrent-sessions.detector';
export { detectImpossibleTravel } from './detectors/impossible-travel.detector';
export { detectMarathonActivity } from './detectors/marathon-activity.detector';
export { detectRemoteControl } from './detectors/remote-control.detector';
export { detectIdentityVerification } from './detectors/identity-verification.detector';
export { detectSharedIdentity } from './detectors/shared-identity.detector';
export { detectPayoutSharing } from './detectors/payout-sharing.detector';
export { detectPayoutChurn } from './detectors/payout-churn.detector';
export { detectClientCollusion } from './detectors/client-collusion.detector';
export { detectSharedAddress } from './detectors/shared-address.detector';
