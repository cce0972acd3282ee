/**
 * `pnpm demo:token <account>`: prints an access token for a demo account by logging in through the
 * gateway (GATEWAY_URL, default http://127.0.0.1:4000/graphql) — the same path a client takes.
 */
const account = process.argv[2];
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';

async function main(): Promise<void> {
  if (!account) throw new Error('usage: pnpm demo:token <account>   (yamada, sato, clinic-reception, clinic-doctor, dental-dentist, pharmacy-reception, pharmacy-pharmacist, admin, phr-demo)');
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($account: String!) { demoLogin(account: $account) { accessToken } }', variables: { account } }),
  });
  const body = (await response.json()) as { data?: { demoLogin?: { accessToken: string } }; errors?: Array<{ message: string }> };
  const token = body.data?.demoLogin?.accessToken;
  if (!token) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `login failed (${response.status})`);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo:token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
