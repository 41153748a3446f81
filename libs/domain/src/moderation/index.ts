export * from './moderator-role';
