/**
 * `pnpm compose`: prints each subgraph's SDL from the running code into schema/<name>.graphql and composes
 * them with @apollo/composition into schema/supergraph.graphql (Rover cannot be installed here).
 * It also renders docs/access-policy.md from the access policy (@onshi/platform policy.ts).
 * `pnpm compose --check` fails when the committed files differ from what the code produces (CI drift check).
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderPolicyTable } from '@onshi/platform/policy';
import { composeSubgraphs, findDrift } from './composition';

/** The generated policy table, kept beside the schema files and checked for drift the same way. */
const POLICY_TABLE = '../docs/access-policy.md';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { files: schemaFiles, hints } = await composeSubgraphs();
  const files: Record<string, string> = { ...schemaFiles, [POLICY_TABLE]: renderPolicyTable() };
  const drifted = findDrift(files, __dirname);
  if (!check) for (const name of drifted) writeFileSync(path.join(__dirname, name), files[name] ?? '');
  for (const hint of hints) process.stderr.write(`hint: ${hint}\n`);
  if (check && drifted.length > 0) {
    process.stderr.write(`schema drift: ${drifted.join(', ')} differ from the code; run \`pnpm compose\` and commit the result\n`);
    process.exit(1);
  }
  process.stdout.write(check ? 'schema files match the code\n' : `wrote ${Object.keys(files).join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`compose: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
