/** Jest transpiles each file on its own (tsconfig's isolatedModules: fast); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] },
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  // Many tests run real programs (xmllint, LibreOffice, Chromium) on a shared machine: 5 s is too tight
  // for them under load. Speed is measured by the benchmarks, never by a test's time limit.
  testTimeout: 30_000,
};
