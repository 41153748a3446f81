export * from './start-ingestion';
