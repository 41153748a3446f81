export * from './maintenance.jobs';
export * from './detection.jobs';
export * from './sanctions.jobs';
