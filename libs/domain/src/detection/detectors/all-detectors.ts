import type { Detector } from '../reason';
import { detectActivityHours } from './activity-hours.detector';
import { detectAnonymisingNetwork } from './anonymising-network.detector';
import { detectClientCollusion } from './client-collusion.detector';
import { detectConcurrentSessions } from './concurrent-sessions.detector';
import { detectIdentityVerification } from './identity-verification.detector';
import { detectImpossibleTravel } from './impossible-travel.detector';
import { detectIpCountryMismatch } from './ip-country-mismatch.detector';
import { detectMarathonActivity } from './marathon-activity.detector';
import { detectPayoutChurn } from './payout-churn.detector';
import { detectPayoutSharing } from './payout-sharing.detector';
import { detectRemoteControl } from './remote-control.detector';
import { detectRttDistance } from './rtt-distance.detector';
import { detectSharedAddress } from './shared-address.detector';
import { detectSharedIdentity } from './shared-identity.detector';
import { detectTimezoneMismatch } from './timezone-mismatch.detector';

/** Every detector the scorer runs, by name (the name appears nowhere in results; it is for tests and tracing). */
export const ALL_DETECTORS: Readonly<Record<string, Detector>> = {
  anonymisingNetwork: detectAnonymisingNetwork,
  ipCountryMismatch: detectIpCountryMismatch,
  timezoneMismatch: detectTimezoneMismatch,
  activityHours: detectActivityHours,
  rttDistance: detectRttDistance,
  concurrentSessions: detectConcurrentSessions,
  impossibleTravel: detectImpossibleTravel,
  marathonActivity: detectMarathonActivity,
  remoteControl: detectRemoteControl,
  identityVerification: detectIdentityVerification,
  sharedIdentity: detectSharedIdentity,
  payoutSharing: detectPayoutSharing,
  payoutChurn: detectPayoutChurn,
  clientCollusion: detectClientCollusion,
  sharedAddress: detectSharedAddress,
};
