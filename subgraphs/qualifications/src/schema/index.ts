import { buildFederatedSchema } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { loadAllowedPatient, PatientResolver } from '../resolvers/PatientResolver';

export function buildQualificationsSchema() {
  return buildFederatedSchema({
    resolvers: [PatientResolver],
    referenceResolvers: {
      Patient: {
        __resolveReference: (reference: { id: string }, ctx: QualificationsContext) => loadAllowedPatient(ctx, reference.id),
      },
    },
  });
}
