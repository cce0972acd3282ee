import { buildFederatedSchema } from '@onshi/kit';
import { CheckupIngestResolver } from '../resolvers/CheckupIngestResolver';
import { PatientCheckupsResolver } from '../resolvers/PatientCheckupsResolver';
import { Patient } from './Patient';

export function buildCheckupsSchema() {
  return buildFederatedSchema({
    resolvers: [PatientCheckupsResolver, CheckupIngestResolver],
    orphanedTypes: [Patient],
    referenceResolvers: {
      // Only the id is needed here; every checkup field asks the decision point itself (requireCheckupRead).
      Patient: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
    },
  });
}
