/**
 * `pnpm demo:totp <account>`: the current six-digit code of a demo staff account's authenticator, for
 * logging in by hand (portal /clinic, GraphiQL). Real staff read it from their authenticator app.
 */
import { DEMO_STAFF, demoTotpSecret } from '@onshi/demo';
import { totpCode } from '../services/identity/staffAuth';

const account = process.argv[2];
const staff = DEMO_STAFF.find((s) => s.account === account);
if (!staff) {
  process.stderr.write(`usage: pnpm demo:totp <account>   (${DEMO_STAFF.map((s) => s.account).join(', ')})\n`);
  process.exit(1);
}
const seed = process.env.DEMO_SEED || 'onshi';
process.stdout.write(`${totpCode(demoTotpSecret(seed, staff.account), new Date())}\n`);
