import { buildFederatedSchema } from '@onshi/kit';
import { LoginResolver } from '../resolvers/LoginResolver';
import { PatientConsentResolver } from '../resolvers/PatientConsentResolver';

export function buildConsentSchema() {
  return buildFederatedSchema({
    resolvers: [LoginResolver, PatientConsentResolver],
    referenceResolvers: { Patient: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
  });
}
