import type { FacilityLoader, FacilityRow } from '../store/masters';

/** A facility as the API shows it: a code the master does not hold keeps its code, and the rest is null. */
export type FacilityView = Pick<FacilityRow, 'code'> & { [K in Exclude<keyof FacilityRow, 'code'>]: FacilityRow[K] | null };

/** The entity for a reference: the master's row, or only the code when the master does not know it (no error: one unknown prescriber must not hide a patient's other dispensings). */
export async function facilityOfReference(loader: FacilityLoader, code: string): Promise<FacilityView> {
  return (await loader.load(code)) ?? { code, name: null, kind: null, prefecture: null, address: null };
}
