export * from './health.controller';
export * from './logger';
export * from './metrics';
export * from './observability.module';
export * from './readiness';
export * from './public-endpoint';
