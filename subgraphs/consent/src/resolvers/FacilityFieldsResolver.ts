import { FieldResolver, Resolver, Root } from 'type-graphql';
import { FacilityReference, facilityReference } from '@onshi/kit';
import { AccessLogEntry } from '../schema/audit';
import { Consent } from '../schema/policy';

// Consent records facilities by code only; their names are the facility master's, resolved by the gateway through
// the Facility entity in the same request (docs/architecture.md "Facility, one entity").

@Resolver(() => AccessLogEntry)
export class AccessLogEntryFacilityResolver {
  @FieldResolver(() => FacilityReference, { nullable: true, description: 'The reader\'s facility (name from the facility master); null for readers who are not a facility' })
  facility(@Root() entry: AccessLogEntry): FacilityReference | null {
    return entry.facilityCode ? facilityReference(entry.facilityCode) : null;
  }
}

@Resolver(() => Consent)
export class ConsentFacilityResolver {
  @FieldResolver(() => FacilityReference, { description: 'The facility the consent was given at (name from the facility master)' })
  facility(@Root() consent: Consent): FacilityReference {
    return facilityReference(consent.facilityCode);
  }
}
