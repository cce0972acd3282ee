/**
 * Manual checks of the portal: starts the real system on ephemeral ports (the test harness) and prints the
 * gateway URL; run `GATEWAY_URL=<printed> next start -p <port>` in portal/ against it. Ctrl-C stops it.
 *   npx tsx --tsconfig tsconfig.base.json tests/e2e/devSystem.ts
 */
import { startTestSystem } from '../src/harness';

async function main(): Promise<void> {
  const system = await startTestSystem({ patients: Number(process.env.DEMO_PATIENTS ?? 10) });
  process.stdout.write(`GATEWAY_URL=${system.gatewayUrl}/graphql\n`);
  const stop = (): void => void system.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
