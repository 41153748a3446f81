import { Foundation1764000000000 } from './1764000000000-foundation';
import { SignalBatches1764000100000 } from './1764000100000-signal-batches';
import { Signals1764000200000 } from './1764000200000-signals';
import { SanctionsLists1764000300000 } from './1764000300000-sanctions-lists';
import { Detection1764000400000 } from './1764000400000-detection';
import { SanctionsScreening1764000500000 } from './1764000500000-sanctions-screening';
import { DetectionReads1764000600000 } from './1764000600000-detection-reads';
import { ScreeningIdentifierLinks1764000700000 } from './1764000700000-screening-identifier-links';
import { SignalAccountIndex1764000800000 } from './1764000800000-signal-account-index';
import { SignalDataJson1764000900000 } from './1764000900000-signal-data-json';

/** Every migration, oldest first. Hand-reviewed SQL; `synchronize` is off everywhere. */
export const MIGRATIONS = [Foundation1764000000000, SignalBatches1764000100000, Signals1764000200000, SanctionsLists1764000300000, Detection1764000400000, SanctionsScreening1764000500000, DetectionReads1764000600000, ScreeningIdentifierLinks1764000700000, SignalAccountIndex1764000800000, SignalDataJson1764000900000];
