// One flat config for the whole workspace (STYLE.md §2.7, §2.8). Each project's `lint` target
// runs `eslint <its folder>`; `npm run lint` runs them all through Nx (cached).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { defineConfig } from 'eslint/config';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import featureBoundaries from './infra/lint/feature-boundaries.cjs';

const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test/**/*.ts',
  'e2e/**/*.ts',
];

// Pure domain files: no framework, no I/O (STYLE §2.1, §2.7).
const PURE_DOMAIN_FILES = [
  'services/*/src/**/*.{decider,events,commands,state}.ts',
  'services/*/src/**/*-rules.ts',
  'services/*/src/**/decide/*.ts',
];

const restricted = {
  deepImports: {
    group: ['@taizhang/*/*', '!@taizhang/testing/global-setup'],
    message: 'Import a library through its entry point (@taizhang/<lib>), never a deep path.',
  },
  testing: {
    group: ['@taizhang/testing', '@taizhang/testing/*'],
    message: '@taizhang/testing is for tests only.',
  },
  framework: {
    group: [
      '@nestjs/*',
      'typeorm',
      'typeorm/*',
      'kafkajs',
      'pg',
      'pg/*',
      'redis',
      'ioredis',
      '@taizhang/messaging',
      '@taizhang/auth',
    ],
    message:
      'Deciders, events and commands stay pure: no framework, database or messaging imports.',
  },
};

// Flat config replaces a rule's options rather than merging them, so each file set gets the full list.
const restrictImports = (...patterns) => ['error', { patterns }];

// STYLE §2.7, plus `type:infra` (tools, e2e) that may use every library but no service. Tests
// may also use `type:testing`; the cycles that creates (testing's helpers know the store's types,
// the store's tests use the helpers) are ignored.
const boundaries = ({ inTests }) => {
  const testing = inTests ? ['type:testing'] : [];

  return [
    'error',
    {
      enforceBuildableLibDependency: true,
      allow: [],
      ignoredCircularDependencies: [
        ['tag:type:testing', 'tag:type:platform'],
        ['tag:type:testing', 'tag:type:contracts'],
      ],
      depConstraints: [
        {
          sourceTag: 'type:service',
          onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts', 'type:testing'],
        },
        {
          sourceTag: 'type:platform',
          onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts', ...testing],
        },
        {
          sourceTag: 'type:testing',
          onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts', ...testing],
        },
        {
          sourceTag: 'type:contracts',
          onlyDependOnLibsWithTags: [...testing],
          bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', 'redis'],
        },
        // The domain kernel: what pure deciders may import besides contracts, so nothing of a
        // framework, a database or messaging.
        {
          sourceTag: 'type:domain',
          onlyDependOnLibsWithTags: [...testing],
          bannedExternalImports: [
            '@nestjs/*',
            'nestjs-zod',
            'typeorm',
            'pg',
            'kafkajs',
            'redis',
            'ioredis',
            'exceljs',
          ],
        },
        {
          sourceTag: 'type:infra',
          onlyDependOnLibsWithTags: [
            'type:platform',
            'type:domain',
            'type:contracts',
            'type:testing',
            'type:infra',
          ],
        },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      ],
    },
  ];
};

export default defineConfig(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.data/**', '.nx/**'] },

  {
    plugins: { '@nx': nx, 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': [
        'error',
        // Side effects, node:, @nestjs/*, other packages, @taizhang/*, relative (STYLE §2.8).
        {
          groups: [['^\\u0000'], ['^node:'], ['^@nestjs/'], ['^@?\\w'], ['^@taizhang/'], ['^\\.']],
        },
      ],
      'padding-line-between-statements': [
        'error',
        { blankLine: 'always', prev: '*', next: 'return' },
      ],
      complexity: ['warn', 10],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },

  // Plain Node scripts (.mjs) and Jest configs (.js): no type information to lint with.
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['**/*.{js,cjs}'], languageOptions: { sourceType: 'commonjs' } },

  {
    files: ['**/*.ts', 'services/dashboard/**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // Nest's constructor injection needs value imports of the injected classes.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ inTests: false }),
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      'no-restricted-imports': restrictImports(restricted.deepImports),
    },
  },

  // The root tsconfig.json does not include e2e/ (yet), so its files get the rules that need no
  // type information; add e2e/**/*.ts to tsconfig.json and drop this block to check them fully.
  { files: ['e2e/**/*.ts'], extends: [tseslint.configs.disableTypeChecked] },

  {
    files: ['libs/**/*.ts', 'services/**/*.ts'],
    ignores: [...TEST_FILES, 'libs/testing/**'],
    rules: { 'no-restricted-imports': restrictImports(restricted.deepImports, restricted.testing) },
  },

  // The dashboard runs in the browser, type-checked with its own tsconfig (DOM, JSX).
  {
    files: ['services/dashboard/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },

  // A feature uses another only through its index.ts (infra/lint/feature-boundaries.cjs); the
  // dashboard's folders are parts of one page, not features.
  {
    files: ['services/**/*.ts'],
    ignores: [...TEST_FILES, 'services/dashboard/**'],
    plugins: { taizhang: featureBoundaries },
    rules: { 'taizhang/feature-boundaries': 'error' },
  },

  {
    files: PURE_DOMAIN_FILES,
    rules: {
      'no-restricted-imports': restrictImports(
        restricted.deepImports,
        restricted.testing,
        restricted.framework,
      ),
    },
  },

  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ inTests: true }),
      // A spec is as long as the behaviour it covers.
      'max-lines': 'off',
    },
  },
);
