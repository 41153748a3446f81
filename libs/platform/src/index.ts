export * from './domain-exception.filter';
export * from './graphql-endpoint';
export * from './platform.module';
export * from './process-runner';
