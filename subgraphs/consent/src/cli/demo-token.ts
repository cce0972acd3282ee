/**
 * `pnpm demo:token <account>`: prints an access token for a demo account by logging in through the
 * gateway (GATEWAY_URL, default http://127.0.0.1:4000/graphql) with the real flows: the virtual card
 * (PIN 1234) for patients, ID + password + TOTP for staff, client secret + grant for the PHR app.
 */
import { createClock } from '@onshi/kit';
import { DEMO_PHR_APPS, DEMO_STAFF } from '@onshi/demo';
import { loginDemoAccount, type GraphQLCall, type GraphQLResult } from './demoClient';

const account = process.argv[2];
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const accounts = ['yamada', 'sato', 'patient-<index>', ...DEMO_STAFF.map((s) => s.account), ...DEMO_PHR_APPS.map((a) => a.account)];

const call: GraphQLCall = async (query, variables, token) => {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult;
};

async function main(): Promise<void> {
  if (!account) throw new Error(`usage: pnpm demo:token <account>   (${accounts.join(', ')})`);
  const demo = { seed: process.env.DEMO_SEED || 'onshi', patients: Number(process.env.DEMO_PATIENTS || 1000), asOf: createClock(process.env.DEMO_AS_OF || undefined).today() };
  const result = await loginDemoAccount(call, demo, account);
  process.stdout.write(`${result.accessToken}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo:token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
