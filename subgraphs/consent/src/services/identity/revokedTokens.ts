import { MemoryRevocationList, type Db, type RevocationList } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { deleteRevokedTokensExpiredBefore, liveRevokedTokens, upsertRevokedToken } from '../../store/revokedTokens';

/**
 * The revocation list of the embedded default (no Redis): one consent process answers every revocation question
 * (platform sharedState.ts ConsentRevocationList), so it keeps the list in memory for the per-request check, and writes
 * each revocation to its database first, so a restart loads the list back instead of forgetting every logout of the
 * last 15 minutes. The write comes first: a logout that cannot be stored fails, never ends the token only in memory.
 */
export class DatabaseRevocationList implements RevocationList {
  private readonly memory = new MemoryRevocationList();
  private loaded: Promise<void> | undefined;

  constructor(private readonly db: Db<Tables>) {}

  async revoke(id: string, untilMs: number): Promise<void> {
    await this.load();
    const until = new Date(untilMs);
    await upsertRevokedToken(this.db, id, until);
    // Rows of tokens that have expired anyway mean nothing: the table stays as small as the live sessions' logouts.
    await deleteRevokedTokensExpiredBefore(this.db, new Date());
    await this.memory.revoke(id, untilMs);
  }

  async anyRevoked(ids: readonly string[]): Promise<boolean> {
    await this.load();
    return this.memory.anyRevoked(ids);
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const rows = await liveRevokedTokens(this.db);
      for (const row of rows) await this.memory.revoke(row.jti, row.expiresAt.getTime());
    })().catch((error: unknown) => {
      // Not loaded: the next question tries again, and this one fails closed.
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }
}
