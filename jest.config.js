// Two projects: "unit" runs pure domain logic beside the code (*.test.ts); "system" starts real
// servers (subgraphs, gateway) on ephemeral ports over a real database (*.int.test.ts and tests/src).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swc, swcrc: false }] };
// ESM-only packages (jose) must be transformed to CommonJS for Jest's module loader.
const transformIgnorePatterns = ['/node_modules/(?!(\\.pnpm/)?(jose|@electric-sql)[@/+])'];
const common = { transform, transformIgnorePatterns, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'mjs', 'json'] };
module.exports = {
  testTimeout: 120000,
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
      testPathIgnorePatterns: ['/node_modules/'],
    },
  ],
};
