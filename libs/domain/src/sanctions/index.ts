// Public API of the sanctions subdomain: name matching, list entity types, identifier channels
// and the candidate index. Pure and deterministic: no I/O.
export * from './sanctioned-entity';
export {
  compareNames,
  comparePreparedNames,
  DEFAULT_REVIEW_THRESHOLD,
  type NameComparison,
} from './name-matcher';
export { REVIEW_THRESHOLD, resolveReviewThreshold } from './review-threshold';
export { scorePairs, type PairRow, type ScoredPairRow } from './score-pairs';
export { prepareName, type PreparedName, type PreparedToken } from './name-normalisation';
export {
  adjustForContext,
  PLAUSIBLE_CLAIMED_NATIONALITIES,
  type MatchContext,
  type PartyAttributes,
} from './context-adjustment';
export { koreanKey } from './korean-romanisation';
export { mandarinKey } from './chinese-romanisation';
export { romaniseHangulSyllable, romaniseHangulWord } from './hangul-romanisation';
export { hanReading, readHanName } from './han-readings';
export { areEquivalentSurnames } from './surname-equivalence';
export {
  SanctionsNameIndex,
  nameBlockingKeys,
  type NameHit,
  type NameSearchOptions,
  type SearchStatistics,
} from './candidate-index';
export { SanctionsIdentifierIndex, type IdentifierHit, type IdentifierQuery } from './identifier-index';
export {
  normaliseChain,
  normaliseDocumentNumber,
  normaliseEmail,
  normaliseIdentifier,
  normalisePhone,
  normaliseWalletAddress,
  normaliseWebsite,
  type IdentifierChannel,
} from './identifier-normalisation';
export {
  screenParty,
  screeningKeys,
  type ScreenedNameField,
  type ScreeningChannel,
  type ScreeningMatch,
  type ScreeningParty,
} from './party-screening';
