// Three suites: unit (pure logic, no servers), integration (one service against real PostgreSQL and
// Redis started by the harness), e2e (gateway and the four services as processes, driven over HTTP).
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, keepClassNames: true } }];
const moduleNameMapper = { '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src' };
const common = { transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname, modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,migrations,test}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      setupFiles: ['<rootDir>/jest.setup-env.js'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/timeout-integration.js'],
      testMatch: ['<rootDir>/{apps,libs,migrations,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      setupFiles: ['<rootDir>/jest.setup-env.js'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/timeout-e2e.js'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    },
  ],
};
