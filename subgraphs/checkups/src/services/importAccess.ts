import { bilingual, ForbiddenError, UnauthenticatedError, type Actor } from '@onshi/kit';

/**
 * Who may import checkup files: an insurer, for its own members (docs/access-policy.md; docs/domain.md "Specific
 * health checkups"). The one rule of every import path — the GraphQL mutations and the archive upload route — so that
 * no path admits a caller another refuses. Which members are "its own" is checked per file (cdaImport.ts).
 */
export function importingInsurer(actor: Actor | null): string {
  if (actor === null) throw new UnauthenticatedError();
  const insurerNumber = actor.insurerNumber;
  if (actor.role !== 'INSURER' || insurerNumber === undefined) throw new ForbiddenError(bilingual('Only an insurer submits checkups', '保険者のみ登録できます'));
  return insurerNumber;
}
