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
  // Each test file loads Bolt, Kysely and the bot afresh into the worker, and a worker's heap kept
  // growing past 500 MB over a run: every collection then walked it, and a promise-heavy test ran
  // 50 times slower late in a run than alone (the pacer: 4 s alone, 205 s in CI). A worker past
  // this size is replaced between files; the whole suite ran about 40 % faster.
  workerIdleMemoryLimit: '300MB',
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
};
