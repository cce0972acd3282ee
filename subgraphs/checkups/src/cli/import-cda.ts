/**
 * Imports one HL7 CDA 特定健診情報ファイル through the API, as the insurer whose token is given:
 *
 *   ONSHI_TOKEN=<insurer access token> npx tsx --tsconfig tsconfig.base.json subgraphs/checkups/src/cli/import-cda.ts <file.xml>
 *
 * It calls the same `importCheckupCda` mutation as any client (same access rules, same all-or-nothing checks), so the
 * CLI can never store what the API would refuse. ONSHI_GRAPHQL_URL defaults to the local gateway.
 * Exit codes: 0 stored, 1 refused (the reason is printed), 2 usage or connection problem.
 */
import { readFileSync } from 'node:fs';

const MUTATION = `mutation ImportCheckupCda($xml: String!) {
  importCheckupCda(xml: $xml) { stored checkups { patientId fiscalYear examinedOn itemCount } }
}`;

interface GraphQLReply {
  data?: { importCheckupCda?: { stored: number; checkups: Array<{ patientId: string; fiscalYear: number; examinedOn: string; itemCount: number }> } } | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (file === undefined) fail('usage: import-cda.ts <file.xml>   (env ONSHI_TOKEN, optional ONSHI_GRAPHQL_URL)', 2);
  const token = process.env.ONSHI_TOKEN;
  if (token === undefined || token === '') fail('ONSHI_TOKEN is required: an INSURER access token (staffLogin)', 2);
  const url = process.env.ONSHI_GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql';
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  let reply: GraphQLReply;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
      body: JSON.stringify({ query: MUTATION, variables: { xml } }),
    });
    reply = (await response.json()) as GraphQLReply;
  } catch (error) {
    fail(`cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  const [firstError] = reply.errors ?? [];
  if (firstError !== undefined) {
    const reason = firstError.extensions?.reason ?? firstError.extensions?.code ?? 'ERROR';
    fail(`refused (${String(reason)}): ${firstError.message}\nnothing was stored`, 1);
  }
  const result = reply.data?.importCheckupCda;
  if (result === undefined) fail('unexpected reply without data', 2);
  for (const checkup of result.checkups) {
    process.stdout.write(`stored FY${checkup.fiscalYear} checkup of ${checkup.patientId} (${checkup.examinedOn}, ${checkup.itemCount} items)\n`);
  }
}

void main();
