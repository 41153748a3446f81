export * from './api-scope';
