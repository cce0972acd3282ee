// ESLint flat config: typescript-eslint with type information (no-floating-promises, no-misused-promises) for every
// package including the portal, and the import boundaries between packages (docs/architecture.md "Packages").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['qualifications', 'drugs', 'checkups', 'consent'];

/** Imports a package may not make: `names` are package roots (their files included), with the reason shown. */
function forbid(names, message) {
  return names.flatMap((name) => [{ group: [name, `${name}/**`], message }]);
}

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.tsbuild/**', '**/.next/**', '**/.next-e2e/**', '**/dist/**', 'portal/next-env.d.ts', 'portal/lib/graphql/generated/**',
      '**/*.js', '**/*.mjs', '**/drizzle/**', 'test-output/**', '.data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  // A subgraph owns its data: it talks to another subgraph only through the internal contracts (platform contracts.ts,
  // docs/contracts.md), never by importing its code, and it never depends on the gateway.
  ...SUBGRAPHS.map((subgraph) => ({
    files: [`subgraphs/${subgraph}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...forbid(SUBGRAPHS.filter((other) => other !== subgraph).map((other) => `@onshi/${other}`), 'a subgraph calls another through the internal contracts (docs/contracts.md), never imports its code'),
          ...forbid(['@onshi/gateway', '@onshi/portal'], 'subgraphs do not depend on the gateway or the portal'),
        ],
      }],
    },
  })),
  // The platform is what the gateway and the subgraphs share; it depends on no package of ours.
  {
    files: ['platform/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbid(['@onshi/kit', ...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/gateway', '@onshi/system', '@onshi/portal'], 'the platform is shared by the gateway and the subgraphs and depends on none of them') }],
    },
  },
  {
    files: ['subgraphs/kit/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbid([...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/gateway', '@onshi/system', '@onshi/portal'], 'the kit is shared by every subgraph and depends on none of them, only on the platform') }],
    },
  },
  // The kit is the subgraphs' (type-graphql, drizzle, the embedded database): the gateway needs none of it.
  {
    files: ['gateway/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        ...forbid([...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/portal', '@onshi/system'], 'the gateway knows the subgraphs only by their schema and URL'),
        ...forbid(['@onshi/kit'], 'the kit is for subgraphs only (type-graphql, drizzle, the database): the gateway imports @onshi/platform'),
      ] }],
    },
  },
  // The launcher starts the services as processes (by their entry files), so a service's code never runs inside it.
  {
    files: ['system/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        ...forbid([...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/gateway', '@onshi/portal'], 'the launcher starts services as processes and imports only the platform'),
        ...forbid(['@onshi/kit'], 'the launcher imports @onshi/platform; only backup and restore open the embedded databases through the kit'),
      ] }],
    },
  },
  // `pnpm backup` / `pnpm restore` dump and load the subgraphs' embedded databases (PGlite), which the kit owns.
  {
    files: ['system/src/backup.ts', 'system/src/restore.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbid([...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/gateway', '@onshi/portal'], 'the launcher starts services as processes and imports only the platform and, for the databases, the kit') }],
    },
  },
  {
    files: ['portal/**/*.ts', 'portal/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...forbid(['@onshi/kit', '@onshi/gateway', '@onshi/system', '@onshi/qualifications', '@onshi/drugs', '@onshi/checkups'], 'the portal talks to the gateway over GraphQL; it shares only consent\'s vocabulary and the demo kiosk\'s card and reader stand-ins'),
          // The platform's browser-safe entry (the error catalogue) only: the rest is server code (node:http, pino, Redis).
          { regex: '^@onshi/platform(?!/errors$)(/.*)?$', message: 'the portal imports only the platform\'s browser-safe entry, @onshi/platform/errors' },
        ],
      }],
    },
  },
);
