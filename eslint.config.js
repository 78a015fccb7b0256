// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'data/**', 'src/scan/ner/*-data.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Scripts, configs, eval, bench and the CLI run on Node.
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'eval/**', 'bench/**', 'test/**', 'src/cli/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Library layers run in browsers too: no console output from them.
    files: ['src/core/**', 'src/scan/**', 'src/anonymize/**', 'src/crypto/**', 'src/policy/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
);
