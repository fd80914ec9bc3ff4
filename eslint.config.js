// ESLint 9 flat config: typescript-eslint for TypeScript, eslint-plugin-astro
// for .astro pages and components, jsx-a11y for the Preact islands.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.e2e/',
      '.e2e-build/',
      '.bench/',
      'data/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.test-results/',
      'db/migrations/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // TypeScript checks names itself (ambient types such as GeoJSON).
    files: ['**/*.astro'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['src/islands/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: { ...jsxA11y.flatConfigs.recommended.languageOptions, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable table region must take keyboard focus (WCAG 2.1.1).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'], tags: [] }],
    },
  },
);
