import { Foundation1764000000000 } from './1764000000000-foundation';
import { SignalBatches1764000100000 } from './1764000100000-signal-batches';

/** Every migration, oldest first. Hand-reviewed SQL; `synchronize` is off everywhere. */
export const MIGRATIONS = [Foundation1764000000000, SignalBatches1764000100000];
