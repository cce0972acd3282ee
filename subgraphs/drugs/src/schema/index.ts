import { buildFederatedSchema } from '@onshi/kit';
import { ClaimRoutingResolver } from '../resolvers/ClaimRoutingResolver';
import { ClaimsResolver } from '../resolvers/ClaimsResolver';
import { PatientDrugsResolver } from '../resolvers/PatientDrugsResolver';
import { Patient } from './Patient';

export function buildDrugsSchema() {
  return buildFederatedSchema({
    resolvers: [ClaimsResolver, ClaimRoutingResolver, PatientDrugsResolver],
    orphanedTypes: [Patient],
    // Drug fields check access themselves (per field, per patient), so resolving the reference reads nothing.
    referenceResolvers: { Patient: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
  });
}
