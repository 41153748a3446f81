export * from './maintenance.jobs';
export * from './detection.jobs';
