import { gatewayQuery } from './gateway';
import type { AccessLogActorRole } from './graphql/generated/graphql';
import { InsurerNameQuery } from './graphql/patient';
import type { Messages } from './messages';
import { facilityLabel, roleLabel } from './labels';

/** What the access log says about one reader (docs/api-guide.md "Access log: who read"). */
export interface ReaderFields {
  actorRole: AccessLogActorRole;
  actorSubject: string;
  facilityCode?: string | null;
  /** The reader's facility with its name from the facility master, in the same query (the Facility entity). */
  facility?: { code: string; name: string | null } | null;
  insurerNumber?: string | null;
  appName?: string | null;
  appOperatorName?: string | null;
}

export interface ReaderDirectory { insurers: Map<string, string> }

/** At most this many distinct insurers are named per page; the rest show their number. */
const MAX_INSURER_LOOKUPS = 10;

async function insurerNames(numbers: Array<string | null | undefined>, token: string | undefined): Promise<Map<string, string>> {
  const unique = [...new Set(numbers.filter((number): number is string => Boolean(number)))].slice(0, MAX_INSURER_LOOKUPS);
  const entries = await Promise.all(unique.map(async (number) => {
    const result = await gatewayQuery(InsurerNameQuery, { number }, token);
    return result.ok ? ([number, result.data.insurer.name] as const) : undefined;
  }));
  return new Map(entries.filter((entry): entry is readonly [string, string] => entry !== undefined));
}

/** The insurer names a page of log entries needs (facility names come with the entries, from the Facility entity). */
export async function readerDirectory(entries: readonly ReaderFields[], token: string | undefined): Promise<ReaderDirectory> {
  return { insurers: await insurerNames(entries.map((entry) => entry.insurerNumber), token) };
}

/**
 * One key per reader: a facility, an insurer, an app, the operator. Staff of one facility are one reader for the
 * patient (Mynaportal names the facility, not the person), so repeated reads group by it.
 */
export function readerKey(entry: ReaderFields): string {
  if (entry.facilityCode) return `facility:${entry.facilityCode}`;
  if (entry.actorRole === 'INSURER') return `insurer:${entry.insurerNumber ?? entry.actorSubject}`;
  if (entry.actorRole === 'PHR_APP') return `app:${entry.actorSubject}`;
  return `role:${entry.actorRole}`;
}

/** The reader by name: the facility's, the insurer's, the app's display name, or 「運用者」; never 「—」 or a client id. */
export function readerName(t: Messages, entry: ReaderFields, directory: ReaderDirectory): string {
  if (entry.facilityCode) return facilityLabel(t, entry.facility ?? { code: entry.facilityCode, name: null });
  if (entry.actorRole === 'INSURER') {
    const name = entry.insurerNumber ? directory.insurers.get(entry.insurerNumber) : undefined;
    return name ?? (entry.insurerNumber ? t.insurerNumberLabel(entry.insurerNumber) : roleLabel(t, entry.actorRole));
  }
  if (entry.actorRole === 'PHR_APP') return entry.appName ?? roleLabel(t, entry.actorRole);
  return roleLabel(t, entry.actorRole);
}

/** Disaster-mode and emergency reads (the API marks them `special`, the reason says which): their label, else undefined. */
export function specialReadLabel(t: Messages, entry: { special: boolean; reason: string }): string | undefined {
  if (entry.reason.startsWith('DISASTER')) return t.reasonDISASTER;
  if (entry.reason.startsWith('EMERGENCY')) return t.reasonEMERGENCY;
  return entry.special ? t.specialOperation : undefined;
}
