// Lint rules; the type checker (tsc, strict) does the heavy lifting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** What the pure core and the model may never import: the layers point one way. */
const hostModules = ['exceljs', 'react', 'react-dom', '@fluentui/*', 'office-addin-*', 'node:*', 'fs', 'path', 'os', 'child_process', 'nodemailer', 'fflate', 'saxes'];

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'out/', 'coverage/', 'node_modules/', 'test-results/', 'test/fixtures/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Plain CommonJS scripts the bench runs under Node without a build (preloads, the exceljs floor).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**', 'src/model/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...hostModules, '**/adapters/**', '**/cli/**', '**/taskpane/**'] }],
      // The core never reads the clock: "today" is passed in.
      'no-restricted-globals': ['error', 'document', 'window', 'Office', 'Excel', 'process'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass today in; the core never reads the clock.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass today in; the core never reads the clock.' }],
    },
  },
  {
    files: ['src/taskpane/**'],
    // The pane reaches Excel and Office only through src/adapters/office.
    rules: { 'no-restricted-globals': ['error', 'Excel', 'Office'] },
  },
);
