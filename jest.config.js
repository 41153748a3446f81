// One Jest run, three tiers (unit specs beside the code, integration against real
// PostgreSQL/Redis, e2e in test/). Nest 12 ships ESM only, so @nestjs/* is transpiled too.
const swcConfig = {
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

const aliases = {
  '^@tns/domain$': '<rootDir>/libs/domain/src',
  '^@tns/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@tns/(config|database|queue|auth|observability|ip-intel|sanctions-lists|testing|platform|ndjson)$': '<rootDir>/libs/$1/src',
  '^@app/(.*)$': '<rootDir>/apps/$1/src',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swcConfig] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@fastify|mercurius)/)'],
  moduleNameMapper: aliases,
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // e2e tests start processes; unit tests finish far below this.
  testTimeout: 120_000,
};
