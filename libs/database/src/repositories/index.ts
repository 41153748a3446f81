import { AccountFeaturesRepository } from './account-features.repository';
import { ApiKeyRepository } from './api-key.repository';
import { DetectionSignalRepository } from './detection-signal.repository';
import { IdentityGraphRepository } from './identity-graph.repository';
import { MarketplaceRepository } from './marketplace.repository';
import { ModeratorRepository } from './moderator.repository';
import { OutboxRepository } from './outbox.repository';
import { ProcessedMessageRepository } from './processed-message.repository';
import { ReviewCaseRepository } from './review-case.repository';
import { RiskAssessmentRepository } from './risk-assessment.repository';
import { SanctionsListRepository } from './sanctions-list.repository';
import { SanctionsScreeningRepository } from './sanctions-screening.repository';
import { SignalBatchRepository } from './signal-batch.repository';
import { SignalRepository } from './signal.repository';

export * from './api-key.repository';
export * from './marketplace.repository';
export * from './moderator.repository';
export * from './outbox.repository';
export * from './processed-message.repository';
export * from './sanctions-list.repository';
export * from './signal-batch.repository';
export * from './signal.repository';
export * from './signal-partitions';
export * from './account-features.repository';
export * from './account-link-attributes';
export * from './detection-signal.repository';
export * from './identity-graph.repository';
export * from './review-case.repository';
export * from './risk-assessment.repository';
export * from './sanctions-screening.repository';

/** Every repository, each built on the application DataSource alone; DatabaseModule provides and exports them. */
export const REPOSITORIES = [
  AccountFeaturesRepository,
  ApiKeyRepository,
  MarketplaceRepository,
  ModeratorRepository,
  OutboxRepository,
  ProcessedMessageRepository,
  SanctionsListRepository,
  SanctionsScreeningRepository,
  SignalBatchRepository,
  SignalRepository,
  DetectionSignalRepository,
  IdentityGraphRepository,
  ReviewCaseRepository,
  RiskAssessmentRepository,
] as const;
