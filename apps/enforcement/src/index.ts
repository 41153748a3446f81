export * from './start-enforcement';
