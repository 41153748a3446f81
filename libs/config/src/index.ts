export * from './config.module';
export * from './platform-config';
