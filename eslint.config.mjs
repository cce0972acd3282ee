// ESLint flat config: typescript-eslint with type information (no-floating-promises, no-misused-promises) for every
// package including the portal, and the import boundaries between packages (docs/architecture.md "Packages").
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['qualifications', 'drugs', 'checkups', 'consent'];

/** Imports a package may not make: `names` are package roots (their files included), with the reason shown. */
function forbid(names, message) {
  return names.flatMap((name) => [{ group: [name, `${name}/**`], message }]);
}

/**
 * The files that may import the demo package (docs/architecture.md "The demo package"): the demo package itself, tests
 * and the bench, the seeds and the demo data they generate, the demo CLIs, and the portal's kiosk (its virtual card).
 * Everything else is production code, which never runs on the demo world.
 */
const DEMO_USERS = [
  'demo/**', 'tests/**', '**/*.test.ts',
  'subgraphs/*/src/services/seed.ts', 'subgraphs/checkups/src/services/demoCheckups.ts', 'subgraphs/consent/src/services/demoReaders.ts',
  'subgraphs/*/src/cli/demo*.ts',
  'portal/lib/virtualCard.ts',
];
/** A subgraph's own boundary: no other subgraph's code, not the gateway or the portal. */
function subgraphPatterns(subgraph) {
  return [
    ...forbid(SUBGRAPHS.filter((other) => other !== subgraph).map((other) => `@onshi/${other}`), 'a subgraph calls another through the internal contracts (docs/contracts.md), never imports its code'),
    ...forbid(['@onshi/gateway', '@onshi/portal'], 'subgraphs do not depend on the gateway or the portal'),
  ];
}
/** The subgraphs whose resolvers hold no SQL (docs/architecture.md "Subgraph template"). */
const THIN_RESOLVERS = ['qualifications', 'drugs', 'checkups', 'consent'];

const NO_DEMO = forbid(['@onshi/demo'], 'production code never imports the demo package: only seeds, demo CLIs, tests, the bench and the portal\'s kiosk do (docs/architecture.md "The demo package")');

/**
 * The import rule of one package. ESLint keeps only the last `no-restricted-imports` that matches a file, so the
 * package's own patterns are stated twice: alone for the files that may use the demo package, with NO_DEMO for the rest.
 */
function boundary(files, patterns, ignores = []) {
  return [
    { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } },
    { files, ignores: [...DEMO_USERS, ...ignores], rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ...NO_DEMO] }] } },
  ];
}

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.tsbuild/**', '**/.next/**', '**/.next-e2e/**', '**/dist/**', 'portal/next-env.d.ts', 'portal/lib/graphql/generated/**',
      '**/*.js', '**/*.mjs', '**/drizzle/**', 'test-output/**', '.data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The house style, enforced and fixed by `eslint --fix` (docs/architecture.md "Formatting"): ESLint Stylistic's rules
  // for quotes, semicolons, indentation, spacing and trailing commas, without the rules that would break up the dense
  // one-statement-per-line style the code is written in (Prettier would rewrite ~15,700 lines of it).
  { files: ['**/*.ts', '**/*.tsx'], ...stylistic.configs.customize({ indent: 2, quotes: 'single', semi: true, jsx: true, braceStyle: '1tbs', commaDangle: 'always-multiline', arrowParens: true }) },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@stylistic/list-style': 'off',
      '@stylistic/jsx-one-expression-per-line': 'off',
      '@stylistic/multiline-ternary': 'off',
      '@stylistic/max-statements-per-line': 'off',
      '@stylistic/jsx-max-props-per-line': 'off',
      '@stylistic/jsx-first-prop-new-line': 'off',
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      // Off: removing the quotes of `{ '30': 30 }` changes its type (TypeScript types a quoted key as a string).
      '@stylistic/quote-props': 'off',
      // A chain of conditions reads as a flat list (`a ? x : b ? y : z` over several lines), not a staircase.
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, flatTernaryExpressions: true, ignoreComments: false }],
    },
  },
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
  // No production file imports the demo package (the packages below add their own boundaries to this one).
  { files: ['**/*.ts', '**/*.tsx'], ignores: DEMO_USERS, rules: { 'no-restricted-imports': ['error', { patterns: NO_DEMO }] } },
  // A subgraph owns its data: it talks to another subgraph only through the internal contracts (platform contracts.ts,
  // docs/contracts.md), never by importing its code, and it never depends on the gateway.
  ...SUBGRAPHS.flatMap((subgraph) => boundary([`subgraphs/${subgraph}/src/**/*.ts`], subgraphPatterns(subgraph))),
  // Resolvers are thin (docs/architecture.md "Subgraph template"): the SQL is in store/.
  ...THIN_RESOLVERS.flatMap((subgraph) => boundary([`subgraphs/${subgraph}/src/resolvers/**/*.ts`], [
    ...subgraphPatterns(subgraph),
    ...forbid(['drizzle-orm'], 'resolvers are thin: SQL lives in the subgraph\'s store/ (docs/architecture.md "Subgraph template")'),
    { group: ['**/db/tables'], message: 'resolvers are thin: the tables are read and written in the subgraph\'s store/ (docs/architecture.md "Subgraph template")' },
  ])),
  // Every subgraph's use cases and routes hold the rules and store/ the SQL (docs/architecture.md "Subgraph template"):
  // they may name the tables' row types, not build a statement. The demo seed writes its world directly.
  ...SUBGRAPHS.flatMap((subgraph) => boundary([`subgraphs/${subgraph}/src/services/**/*.ts`, `subgraphs/${subgraph}/src/http/**/*.ts`], [
    ...subgraphPatterns(subgraph),
    { group: ['drizzle-orm', 'drizzle-orm/**'], allowTypeImports: true, message: 'use cases and routes hold no SQL: it lives in the subgraph\'s store/ (docs/architecture.md "Subgraph template")' },
    { group: ['**/db/tables'], allowTypeImports: true, message: 'use cases and routes hold no SQL: the tables are read and written in the subgraph\'s store/ (docs/architecture.md "Subgraph template")' },
  ], [`subgraphs/${subgraph}/src/services/seed.ts`])),
  // The platform is what the gateway and the subgraphs share; it depends on no package of ours.
  ...boundary(['platform/src/**/*.ts'], forbid(['@onshi/kit', ...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/gateway', '@onshi/system', '@onshi/portal', '@onshi/demo'], 'the platform is shared by the gateway and the subgraphs and depends on none of them')),
  // The demo package is built on the kit, so not even the kit's tests may use it.
  ...boundary(['subgraphs/kit/src/**/*.ts'], forbid([...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/gateway', '@onshi/system', '@onshi/portal', '@onshi/demo'], 'the kit is shared by every subgraph and depends on none of them, only on the platform (and not on the demo package built on it)')),
  // The kit is the subgraphs' (type-graphql, drizzle, the embedded database): the gateway needs none of it.
  ...boundary(['gateway/src/**/*.ts'], [
    ...forbid([...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/portal', '@onshi/system'], 'the gateway knows the subgraphs only by their schema and URL'),
    ...forbid(['@onshi/kit'], 'the kit is for subgraphs only (type-graphql, drizzle, the database): the gateway imports @onshi/platform'),
  ]),
  // The launcher starts the services as processes (by their entry files), so a service's code never runs inside it.
  ...boundary(['system/src/**/*.ts'], [
    ...forbid([...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/gateway', '@onshi/portal'], 'the launcher starts services as processes and imports only the platform'),
    ...forbid(['@onshi/kit'], 'the launcher imports @onshi/platform; only backup and restore open the embedded databases through the kit'),
  ]),
  // `pnpm backup` / `pnpm restore` dump and load the subgraphs' embedded databases (PGlite), which the kit owns.
  ...boundary(['system/src/backup.ts', 'system/src/restore.ts'], forbid([...SUBGRAPHS.map((name) => `@onshi/${name}`), '@onshi/gateway', '@onshi/portal'], 'the launcher starts services as processes and imports only the platform and, for the databases, the kit')),
  ...boundary(['portal/**/*.ts', 'portal/**/*.tsx'], [
    ...forbid(['@onshi/kit', '@onshi/gateway', '@onshi/system', ...SUBGRAPHS.map((name) => `@onshi/${name}`)], 'the portal talks to the gateway over GraphQL and imports no subgraph code: the vocabulary it shares is the platform\'s, the reader stand-in the platform\'s and the demo package\'s'),
    // The platform's entries that import no server code of ours: the error catalogue, the roles and the access log's
    // vocabulary (which import nothing else), and the reader statement (jose only, signed by the kiosk's server side).
    // The rest is server code (node:http, pino, Redis).
    { regex: '^@onshi/platform(?!/(errors|roles|reasons|readerStatement)$)(/.*)?$', message: 'the portal imports only the platform\'s entries free of server code: @onshi/platform/errors, /roles, /reasons and /readerStatement' },
    { regex: '^@onshi/demo(?!/src/(card|readerKeys)$)', message: 'the kiosk imports the card and reader-key files only (@onshi/demo/src/card, /src/readerKeys): the package index brings the kit and its database drivers into the bundle' },
  ]),
);
