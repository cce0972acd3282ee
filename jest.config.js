// Two projects: "unit" runs pure domain logic beside the code (*.test.ts); "system" starts real
// servers (subgraphs, gateway) on ephemeral ports over a real database (*.int.test.ts and tests/src).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swc, swcrc: false }] };
// ESM-only packages (jose) must be transformed to CommonJS for Jest's module loader.
const transformIgnorePatterns = ['/node_modules/(?!(\\.pnpm/)?(jose|@electric-sql)[@/+])'];
/** Suites run at once (`maxWorkers` below); tests/jest.setup.js gives each worker its own slice of loopback ports. */
const WORKERS = 2;
process.env.ONSHI_TEST_WORKERS = String(WORKERS);
const common = { transform, transformIgnorePatterns, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'mjs', 'json'], setupFiles: ['<rootDir>/tests/jest.setup.js'] };
/**
 * System suites whose outcome does not depend on the database engine: the portal driven in Chromium (its pages read
 * the same API, which the API suites check on both engines), and source guards that read files and start nothing.
 * CI's second phase, the system tests on PostgreSQL, leaves them out (ONSHI_ENGINE_SUITES_ONLY=1, .ci/run); the
 * README's test command runs them, on the embedded database.
 */
const ENGINE_INDEPENDENT = [
  'e2e', 'portal-insurers', 'portal-onboarding', 'portal-operations', 'portal-operator', 'portal-security', 'portal-story', 'portal-subsidy',
  'bilingual-messages', 'comment-citations', 'import-boundaries', 'schema-drift', 'bench-report',
];
const engineIndependentIgnored = process.env.ONSHI_ENGINE_SUITES_ONLY === '1' ? ENGINE_INDEPENDENT.map((name) => `/tests/src/${name}\\.test\\.ts$`) : [];
module.exports = {
  testTimeout: 120000,
  /**
   * Two suites at once, also on two cores (Jest's default is one fewer worker than cores): a system suite spends much of
   * its time waiting on the processes it started, so a second suite fills the idle core. Measured 2026-12-06 on the
   * 2-core machine, CI's PostgreSQL phase: 1,056 s with one worker, 758 s with two, every test passing in both.
   * Fixed at 2, not a share of the cores, because each system suite starts five processes of its own
   * (docs/architecture.md "System tests: two at once"). `-i` still runs one suite at a time.
   */
  maxWorkers: WORKERS,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/platform/src/**/*.test.ts', '<rootDir>/subgraphs/**/src/**/*.test.ts', '<rootDir>/demo/src/**/*.test.ts', '<rootDir>/gateway/src/**/*.test.ts', '<rootDir>/system/src/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'system',
      testMatch: ['<rootDir>/tests/src/**/*.test.ts', '<rootDir>/**/src/**/*.int.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...engineIndependentIgnored],
    },
  ],
};
