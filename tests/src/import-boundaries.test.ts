/**
 * The package boundaries of docs/architecture.md "Packages" are enforced by ESLint (eslint.config.mjs,
 * no-restricted-imports), so `pnpm lint` and `pnpm validate` fail on an import that crosses one. This test writes
 * the forbidden imports a careless change would add, each in the package that may not make it, runs the real
 * ESLint CLI over them, and expects every one refused — and the allowed imports beside them accepted.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface Probe { file: string; source: string; refused: boolean }

const PROBES: Probe[] = [
  { file: 'subgraphs/drugs/src/boundaryProbe.ts', source: "export { isStaffRole } from '@onshi/consent/src/services/policy/roles';\n", refused: true },
  { file: 'subgraphs/qualifications/src/boundaryProbe.ts', source: "export * from '@onshi/checkups';\n", refused: true },
  { file: 'subgraphs/kit/src/boundaryProbe.ts', source: "export * from '@onshi/consent';\n", refused: true },
  { file: 'gateway/src/boundaryProbe.ts', source: "export * from '@onshi/drugs/src/subgraph';\n", refused: true },
  { file: 'system/src/boundaryProbe.ts', source: "export * from '@onshi/gateway';\n", refused: true },
  { file: 'portal/lib/boundaryProbe.ts', source: "export { REPO_ROOT } from '@onshi/kit';\n", refused: true },
  // The kit is the subgraphs' (type-graphql, drizzle, PGlite): the gateway and the launcher take what they share from the platform.
  { file: 'gateway/src/kitProbe.ts', source: "export { OnshiError } from '@onshi/kit';\n", refused: true },
  { file: 'system/src/kitProbe.ts', source: "export { REPO_ROOT } from '@onshi/kit';\n", refused: true },
  { file: 'platform/src/boundaryProbe.ts', source: "export { openDatabase } from '@onshi/kit';\n", refused: true },
  // The portal may take the platform's error catalogue, roles, reasons and reader statement, nothing else of it (server code).
  { file: 'portal/lib/platformProbe.ts', source: "export { createLogger } from '@onshi/platform';\n", refused: true },
  { file: 'portal/components/platformProbe.ts', source: "export { errorText } from '@onshi/platform/errors';\n", refused: false },
  { file: 'portal/lib/rolesProbe.ts', source: "export { STAFF_ROLES } from '@onshi/platform/roles';\n", refused: false },
  { file: 'portal/lib/policyProbe.ts', source: "export { rulesFor } from '@onshi/platform/policy';\n", refused: true },
  // No subgraph code in the portal (docs/architecture.md "Packages"): the access log's reasons and the reader's
  // statement are the platform's entries free of server code; the kiosk's reader keys are the demo package's.
  { file: 'portal/lib/consentProbe.ts', source: "export type { OwnViewReason } from '@onshi/consent/src/services/policy/decision';\n", refused: true },
  { file: 'portal/lib/reasonsProbe.ts', source: "export type { OwnViewReason } from '@onshi/platform/reasons';\n", refused: false },
  { file: 'portal/lib/readerProbe.ts', source: "export { signReaderStatement } from '@onshi/platform/readerStatement';\n", refused: false },
  // Allowed: a subgraph uses the kit; the gateway and the launcher use the platform.
  { file: 'subgraphs/checkups/src/boundaryProbe.ts', source: "export { REPO_ROOT } from '@onshi/kit';\n", refused: false },
  { file: 'gateway/src/platformProbe.ts', source: "export { OnshiError } from '@onshi/platform';\n", refused: false },
  { file: 'system/src/platformProbe.ts', source: "export { REPO_ROOT } from '@onshi/platform';\n", refused: false },
  // Production → demo (docs/architecture.md "The demo package"): a resolver, a service, the kit, the gateway, the
  // launcher and a portal page may not use the demo world or the virtual card.
  { file: 'subgraphs/drugs/src/resolvers/demoBoundaryProbe.ts', source: "export { demoFacilities } from '@onshi/demo';\n", refused: true },
  // The file that used to name prescribers from the demo world is production code like any other (Facility is qualifications' entity).
  { file: 'subgraphs/drugs/src/services/facilities.ts', source: "export { demoFacilities } from '@onshi/demo';\n", refused: true },
  { file: 'subgraphs/consent/src/services/demoBoundaryProbe.ts', source: "export { demoPatientCard } from '@onshi/demo';\n", refused: true },
  { file: 'subgraphs/kit/src/demoBoundaryProbe.ts', source: "export { createRng } from '@onshi/demo/src/prng';\n", refused: true },
  { file: 'subgraphs/kit/src/demoBoundaryProbe.test.ts', source: "export { DEMO_CLINIC } from '@onshi/demo';\n", refused: true },
  { file: 'gateway/src/demoBoundaryProbe.ts', source: "export { DEMO_STAFF } from '@onshi/demo';\n", refused: true },
  { file: 'system/src/demoBoundaryProbe.ts', source: "export { DEMO_PIN } from '@onshi/demo';\n", refused: true },
  { file: 'portal/lib/demoBoundaryProbe.ts', source: "export { signWithDemoPatientCard } from '@onshi/demo/src/card';\n", refused: true },
  { file: 'portal/app/demoBoundaryProbe.ts', source: "export { readDemoReaderKeys } from '@onshi/demo/src/readerKeys';\n", refused: true },
  // Thin resolvers (docs/architecture.md "Subgraph template"): SQL and the tables stay in store/; a resolver still
  // keeps its package boundary, and a store file may use both.
  { file: 'subgraphs/drugs/src/resolvers/sqlProbe.ts', source: "export { eq } from 'drizzle-orm';\n", refused: true },
  { file: 'subgraphs/qualifications/src/resolvers/tablesProbe.ts', source: "export { patients } from '../db/tables';\n", refused: true },
  { file: 'subgraphs/checkups/src/resolvers/boundaryProbe.ts', source: "export * from '@onshi/drugs';\n", refused: true },
  { file: 'subgraphs/consent/src/resolvers/sqlProbe.ts', source: "export { sql } from 'drizzle-orm';\n", refused: true },
  { file: 'subgraphs/consent/src/resolvers/tablesProbe.ts', source: "export type { accessLog } from '../db/tables';\n", refused: true },
  { file: 'subgraphs/consent/src/store/sqlProbe.ts', source: "export { eq } from 'drizzle-orm';\nexport { accessLog } from '../db/tables';\n", refused: false },
  // Every subgraph's use cases and routes too (the demo seed excepted); naming a table's row type stays allowed.
  { file: 'subgraphs/qualifications/src/services/sqlProbe.ts', source: "export { confirmations } from '../db/tables';\n", refused: true },
  { file: 'subgraphs/qualifications/src/http/sqlProbe.ts', source: "export { sql } from 'drizzle-orm';\n", refused: true },
  { file: 'subgraphs/qualifications/src/services/typeProbe.ts', source: "export type { Tables } from '../db/tables';\n", refused: false },
  { file: 'subgraphs/consent/src/services/policy/sqlProbe.ts', source: "export { accessLog } from '../../db/tables';\n", refused: true },
  { file: 'subgraphs/consent/src/services/identity/sqlProbe.ts', source: "export { and, eq } from 'drizzle-orm';\n", refused: true },
  { file: 'subgraphs/consent/src/http/sqlProbe.ts', source: "export { sql } from 'drizzle-orm';\n", refused: true },
  { file: 'subgraphs/consent/src/services/operator/typeProbe.ts', source: "export type { facilities } from '../../db/tables';\n", refused: false },
  { file: 'subgraphs/consent/src/services/seedProbe.ts', source: "export { eq } from 'drizzle-orm';\n", refused: true },
  { file: 'subgraphs/drugs/src/services/sqlProbe.ts', source: "export { sql } from 'drizzle-orm';\n", refused: true },
  { file: 'subgraphs/checkups/src/http/sqlProbe.ts', source: "export { checkups } from '../db/tables';\n", refused: true },
  { file: 'subgraphs/checkups/src/services/sqlProbe.ts', source: "export { eq } from 'drizzle-orm';\n", refused: true },
  { file: 'subgraphs/checkups/src/store/sqlProbe.ts', source: "export { eq } from 'drizzle-orm';\nexport { checkups } from '../db/tables';\n", refused: false },
  // Allowed: a demo CLI and a subgraph's test use the demo package.
  { file: 'subgraphs/consent/src/cli/demo-boundaryProbe.ts', source: "export { DEMO_STAFF } from '@onshi/demo';\n", refused: false },
  { file: 'subgraphs/drugs/src/services/demoBoundaryProbe.test.ts', source: "export { demoPatient } from '@onshi/demo';\n", refused: false },
];

interface LintResult { filePath: string; messages: Array<{ ruleId: string | null; message: string }> }

test('ESLint refuses each import that crosses a package boundary and accepts an allowed one', () => {
  try {
    for (const probe of PROBES) writeFileSync(path.join(ROOT, probe.file), probe.source);
    const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', ...PROBES.map((probe) => probe.file)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(run.status).toBe(1); // what `pnpm lint` (and so `pnpm validate`) exits with
    const results = JSON.parse(run.stdout) as LintResult[];
    for (const probe of PROBES) {
      const result = results.find((entry) => entry.filePath === path.join(ROOT, probe.file));
      const boundary = (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports');
      expect({ file: probe.file, refused: boundary.length > 0 }).toEqual({ file: probe.file, refused: probe.refused });
      expect(result?.messages.filter((message) => message.ruleId !== 'no-restricted-imports')).toEqual([]);
    }
  } finally {
    for (const probe of PROBES) rmSync(path.join(ROOT, probe.file), { force: true });
  }
});
