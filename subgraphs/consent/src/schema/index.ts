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
import { Patient } from './types';

export function buildConsentSchema() {
  return buildFederatedSchema({
    resolvers: [CapabilitiesResolver, LoginResolver, ReaderResolver, PatientConsentResolver, PhrResolver, NoticeResolver, OperatorResolver, DvRegistrationResolver, SpecialAccessResolver, OnboardingResolver, SubsidyResolver, PhrAppResolver, InsurerRegistryResolver, DemoCardResolver, AccessLogEntryFacilityResolver, ConsentFacilityResolver],
    orphanedTypes: [Patient],
    referenceResolvers: { Patient: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
  });
}
