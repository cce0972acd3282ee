import { buildFederatedSchema } from '@onshi/kit';
import { CapabilitiesResolver } from '../resolvers/CapabilitiesResolver';
import { AccessLogEntryFacilityResolver, ConsentFacilityResolver } from '../resolvers/FacilityFieldsResolver';
import { DvRegistrationResolver } from '../resolvers/DvRegistrationResolver';
import { LoginResolver } from '../resolvers/LoginResolver';
import { OperatorResolver } from '../resolvers/OperatorResolver';
import { PatientConsentResolver } from '../resolvers/PatientConsentResolver';
import { PhrResolver } from '../resolvers/PhrResolver';
import { NoticeResolver } from '../resolvers/NoticeResolver';
import { OnboardingResolver } from '../resolvers/OnboardingResolver';
import { SubsidyResolver } from '../resolvers/SubsidyResolver';
import { PhrAppResolver } from '../resolvers/PhrAppResolver';
import { InsurerRegistryResolver } from '../resolvers/InsurerRegistryResolver';
import { DemoCardResolver } from '../resolvers/DemoCardResolver';
import { ReaderResolver } from '../resolvers/ReaderResolver';
import { SpecialAccessResolver } from '../resolvers/SpecialAccessResolver';
import { Patient } from './patient';

/** The schema's types by area, as the services are split (docs/architecture.md "Subgraph template"). */
export * from './identity';
export * from './policy';
export * from './specialAccess';
export * from './audit';
export * from './operator';
export * from './patient';
export * from './paging';
export * from './codes';

export function buildConsentSchema() {
  return buildFederatedSchema({
    resolvers: [CapabilitiesResolver, LoginResolver, ReaderResolver, PatientConsentResolver, PhrResolver, NoticeResolver, OperatorResolver, DvRegistrationResolver, SpecialAccessResolver, OnboardingResolver, SubsidyResolver, PhrAppResolver, InsurerRegistryResolver, DemoCardResolver, AccessLogEntryFacilityResolver, ConsentFacilityResolver],
    orphanedTypes: [Patient],
    referenceResolvers: { Patient: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
  });
}
