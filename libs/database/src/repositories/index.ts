export * from './api-key.repository';
export * from './marketplace.repository';
export * from './moderator.repository';
export * from './outbox.repository';
export * from './processed-message.repository';
export * from './signal-batch.repository';
