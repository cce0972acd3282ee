import { gatewayQuery } from './gateway';
import { FacilityNameQuery } from './graphql/patient';

/** At most this many distinct facilities are named per page; the rest show their code. */
const MAX_LOOKUPS = 30;

/** Names for the facility codes on a page, looked up in the facility master; an unknown code keeps showing its code. */
export async function facilityNames(codes: Array<string | null | undefined>, token: string | undefined): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter((code): code is string => Boolean(code)))].slice(0, MAX_LOOKUPS);
  const entries = await Promise.all(unique.map(async (code) => {
    const result = await gatewayQuery(FacilityNameQuery, { code }, token);
    return result.ok ? ([code, result.data.facility.name] as const) : undefined;
  }));
  return new Map(entries.filter((entry): entry is readonly [string, string] => entry !== undefined));
}
