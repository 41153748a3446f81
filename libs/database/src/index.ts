export * from './data-source';
export * from './database-urls';
export * from './database.module';
export * from './embedded/embedded-postgres';
export * from './entities';
export * from './repositories';
export * from './returning-rows';
export * from './prepared-query';
