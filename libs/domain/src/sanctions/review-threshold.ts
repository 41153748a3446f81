import { DEFAULT_REVIEW_THRESHOLD } from './name-matcher';

/** Review threshold from configuration text (e.g. an env value), falling back to the default. */
export function resolveReviewThreshold(configured?: string | number | null): number {
  const value = typeof configured === 'string' ? Number.parseFloat(configured) : configured;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1
    ? value
    : DEFAULT_REVIEW_THRESHOLD;
}

/** The configured default; screening and contract §6 share it. */
export const REVIEW_THRESHOLD = DEFAULT_REVIEW_THRESHOLD;
