// Names of prescribing facilities and pharmacies shown next to a dispensing (docs/domain.md "Drug
// information (薬剤情報) and medical expenses": "dispensing pharmacy and prescribing facility"). Claims carry only the 10-digit code;
// the names come from the facility directory, which in this build is the demo world's list (the
// qualifications subgraph owns facilities; a shared facility master would replace this lookup).
import { demoFacilities } from '@onshi/demo';

export type FacilityNameOf = (facilityCode: string) => string | null;

const directories = new Map<string, FacilityNameOf>();

/** One directory per demo seed, built once per process (contexts are per request). */
export function createFacilityDirectory(seed: string): FacilityNameOf {
  const cached = directories.get(seed);
  if (cached) return cached;
  const names = new Map(demoFacilities(seed).map((facility) => [facility.code, facility.name]));
  const nameOf: FacilityNameOf = (facilityCode) => names.get(facilityCode) ?? null;
  directories.set(seed, nameOf);
  return nameOf;
}
