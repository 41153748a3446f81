export * from './start-detection';
