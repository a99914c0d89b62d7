import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers, enforced: apps are thin and may use any library; a library never imports an app; a context
 * library (contracts, invoicing, collections) never imports another context, which it reads through that
 * context's published views and events only; domain libraries know nothing of HTTP; the API client stands alone.
 */
const CONTEXTS = ['contracts', 'invoicing', 'collections'];
const DOMAIN_LIBRARIES = [...CONTEXTS, 'claims', 'money', 'time', 'pagination'];
const HTTP_MODULES = ['@ar/http', '@nestjs/swagger', '@nestjs/platform-fastify', 'fastify', 'class-validator', 'class-transformer'];

const aliasesOnly = { group: ['../../*/src/*', '../../../libs/*', '@ar/*/src/*', '@ar/*/src'], message: 'Import libraries through their @ar/* alias, not their internals.' };
const noApps = { group: ['**/apps/**', '@apps/*'], message: 'A library never imports an app.' };
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', 'libs/client/src/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An un-awaited promise in a test can never fail; in production it loses errors.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict(aliasesOnly),
    },
  },
  { files: ['libs/**/*.ts'], rules: { 'no-restricted-imports': restrict(aliasesOnly, noApps) } },
  ...DOMAIN_LIBRARIES.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      'no-restricted-imports': restrict(
        aliasesOnly,
        noApps,
        { group: HTTP_MODULES, message: `${lib} is a domain library: HTTP concerns (DTOs, OpenAPI, validation of requests) belong to the apps or @ar/http.` },
        ...(CONTEXTS.includes(lib)
          ? [{ group: CONTEXTS.filter((other) => other !== lib).map((other) => `@ar/${other}`), message: 'A context reads another through its published views and events, never its code.' }]
          : []),
      ),
    },
  })),
  {
    files: ['libs/client/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(aliasesOnly, noApps, { group: ['@ar/*'], message: 'The API client is what other systems import: it depends on nothing of ours but the generated types.' }) },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
