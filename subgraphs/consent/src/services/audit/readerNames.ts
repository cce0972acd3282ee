import type { Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { insurerNumbersOfAccounts } from '../../store/accounts';
import { phrAppNamesOf } from '../../store/phrApps';

/**
 * Who a reader in the access log is, beyond its role and facility code (docs/api-guide.md "Access log: who read"):
 * the 保険者番号 of an insurer's account and the display name and operator (company) of a PHR app. The log row itself keeps only the
 * subject (it is hash-chained and append-only), so the names are looked up when the log is read, once per page.
 */
export interface ReaderNames {
  insurerNumberOf(subject: string): string | null;
  appNameOf(clientId: string): string | null;
  /** The company that runs the app (null when the app is unknown or none was registered). */
  appOperatorOf(clientId: string): string | null;
}

export async function readerNamesOf(db: Db<Tables>, readers: ReadonlyArray<{ actorRole: string; actorSubject: string }>): Promise<ReaderNames> {
  const subjectsOf = (role: string) => [...new Set(readers.filter((reader) => reader.actorRole === role).map((reader) => reader.actorSubject))];
  const insurerSubjects = subjectsOf('INSURER');
  const appIds = subjectsOf('PHR_APP');
  const [insurerRows, appRows] = await Promise.all([
    insurerSubjects.length === 0 ? [] : insurerNumbersOfAccounts(db, insurerSubjects),
    appIds.length === 0 ? [] : phrAppNamesOf(db, appIds),
  ]);
  const insurerNumbers = new Map(insurerRows.flatMap((row) => (row.insurerNumber ? [[row.subject, row.insurerNumber] as const] : [])));
  const appNames = new Map(appRows.map((row) => [row.clientId, row.name] as const));
  const appOperators = new Map(appRows.flatMap((row) => (row.operatorName ? [[row.clientId, row.operatorName] as const] : [])));
  return {
    insurerNumberOf: (subject) => insurerNumbers.get(subject) ?? null,
    appNameOf: (clientId) => appNames.get(clientId) ?? null,
    appOperatorOf: (clientId) => appOperators.get(clientId) ?? null,
  };
}
