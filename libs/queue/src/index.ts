export * from './jobs';
export * from './outbox-relay';
export * from './queue-backend';
export * from './queue-health';
export * from './queue-names';
export * from './queue-worker';
export * from './queue.module';
