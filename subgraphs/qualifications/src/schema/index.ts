import { buildFederatedSchema } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { CardResolver } from '../resolvers/CardResolver';
import { ConfirmationResolver } from '../resolvers/ConfirmationResolver';
import { FacilityResolver } from '../resolvers/FacilityResolver';
import { InsurerResolver } from '../resolvers/InsurerResolver';
import { loadAllowedPatient, PatientResolver } from '../resolvers/PatientResolver';
import { facilityOfReference } from '../services/facilities';

export function buildQualificationsSchema() {
  return buildFederatedSchema({
    resolvers: [PatientResolver, ConfirmationResolver, CardResolver, InsurerResolver, FacilityResolver],
    referenceResolvers: {
      Patient: {
        __resolveReference: (reference: { id: string }, ctx: QualificationsContext) => loadAllowedPatient(ctx, reference.id),
      },
      // Master data, not a person's: any caller who reached a field that names a facility may read its name.
      Facility: {
        __resolveReference: (reference: { code: string }, ctx: QualificationsContext) => facilityOfReference(ctx.loaders.facility, reference.code),
      },
    },
  });
}
