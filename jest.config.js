/** Jest transpiles each file on its own (tsconfig's isolatedModules: fast); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] },
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
};
