import { gatewayMutation } from './gateway';
import { RefreshSessionMutation } from './graphql/auth';
import type { LoginTokens } from './session';

/** Trades a refresh token for a new session (consent `refreshSession`, docs/contracts.md contract 2); undefined when refused. */
export async function refreshTokens(refreshToken: string): Promise<LoginTokens | undefined> {
  const result = await gatewayMutation(RefreshSessionMutation, { refreshToken });
  return result.ok ? result.data.refreshSession : undefined;
}
