import { buildFederatedSchema } from '@onshi/kit';
import { LoginResolver } from '../resolvers/LoginResolver';
import { PatientConsentResolver } from '../resolvers/PatientConsentResolver';
import { Patient } from './types';

export function buildConsentSchema() {
  return buildFederatedSchema({
    resolvers: [LoginResolver, PatientConsentResolver],
    orphanedTypes: [Patient],
    referenceResolvers: { Patient: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
  });
}
