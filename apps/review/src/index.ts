export * from './start-review';
