/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Transpile only (isolatedModules): `npm run typecheck` type-checks src, test and bench as one
  // program, in CI before the tests; checking each test file again here tripled the suite's time.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  // A bound against hangs, not a timing goal: the front door on Postgres, on a busy 2-core CI machine.
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
};
