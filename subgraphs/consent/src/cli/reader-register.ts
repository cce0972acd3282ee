/**
 * `pnpm reader:register --facility <code> --out <file> [--label <text>]`: provisions a card reader
 * (顔認証付きカードリーダー) for a facility through the running gateway (GATEWAY_URL, default
 * http://127.0.0.1:4000/graphql) as an operator (ONSHI_TOKEN: an ADMIN access token, e.g. from
 * `pnpm -s demo:token admin` in the demo). Generates the reader's Ed25519 key pair here, registers only the
 * public half, and writes `{ readerId, facilityCode, privateJwk }` to the file (mode 0600, never
 * overwritten) for the device. Safe on a running system: it is one GraphQL call (docs/api-guide.md §6).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { newReaderKeyPair } from '@onshi/platform/readerStatement';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { facility: { type: 'string' }, out: { type: 'string' }, label: { type: 'string' } } });
  const token = process.env.ONSHI_TOKEN;
  if (!values.facility || !values.out || !token) throw new Error('usage: ONSHI_TOKEN=<admin token> pnpm reader:register --facility <医療機関コード> --out <key file> [--label <text>]');
  if (existsSync(values.out)) throw new Error(`${values.out} exists; choose a new file (a reader key is never overwritten)`);
  const { privateJwk, publicJwk } = await newReaderKeyPair();
  const response = await fetch(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation($f: String!, $k: String!, $l: String) { registerCardReader(facilityCode: $f, publicKeyJwk: $k, label: $l) { id facilityCode status } }',
      variables: { f: values.facility, k: JSON.stringify(publicJwk), l: values.label ?? null },
    }),
  });
  const body = (await response.json()) as { data?: { registerCardReader?: { id: string; facilityCode: string } }; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const reader = body.data?.registerCardReader;
  if (!reader) throw new Error(body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') ?? `HTTP ${response.status}`);
  writeFileSync(values.out, JSON.stringify({ readerId: reader.id, facilityCode: reader.facilityCode, privateJwk }, null, 2), { mode: 0o600, flag: 'wx' });
  process.stdout.write(`${reader.id}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`reader:register: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
