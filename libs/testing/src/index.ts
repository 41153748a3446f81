export * from './app-process';
export * from './redis-server-process';
export * from './test-backends';
export * from './test-database';
