import { ConfigError, loadPlatformConfig, queueBackendKind } from './platform-config';

describe('loadPlatformConfig', () => {
  it('applies the documented defaults on an empty environment', () => {
    const config = loadPlatformConfig({});
    expect(config).toMatchObject({ PORT: 3000, REVIEW_PORT: 3001, QUEUE_PREFIX: 'tns', DATA_DIR: './.data' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(queueBackendKind(config)).toBe('postgres');
  });

  it('selects Redis queues when REDIS_URL is set', () => {
    expect(queueBackendKind(loadPlatformConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe('redis');
  });

  it('names the variable in a one-line error', () => {
    expect(() => loadPlatformConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadPlatformConfig({ PORT: 'eighty' })).toThrow(/^Invalid configuration: PORT /);
    expect(() => loadPlatformConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      'Invalid configuration: DATABASE_URL must be a postgres:// URL',
    );
    expect(() => loadPlatformConfig({ QUEUE_PREFIX: 'a b' })).toThrow(/QUEUE_PREFIX/);
  });

  it('treats empty variables as unset', () => {
    expect(loadPlatformConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
