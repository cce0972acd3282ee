import { graphql } from './generated';

/** Home (マイページ): who I am, the coverage in force today, and what the alerts are computed from. */
export const HomeQuery = graphql(`
  query Home {
    me {
      id
      name
      currentQualification {
        insurerNumber
        insurerName
        insuredCardSymbol
        insuredIdentificationNumber
        insuredBranchNumber
        insuredPartialContributionRatio
        qualificationDate
      }
      consents { id facilityCode category registeredAt expiresAt valid }
      accessLog(first: 50) { at actorRole actorSubject facilityCode insurerNumber appName category decision reason special requestId }
    }
  }
`);

/** 医療保険情報の提供状況: the decision point's log of reads of my data by others. */
export const AccessLogQuery = graphql(`
  query AccessLog($first: Int!) {
    me {
      id
      accessLog(first: $first) { at actorRole actorSubject facilityCode insurerNumber appName category decision reason special requestId }
    }
  }
`);

/** A facility's name for a 医療機関コード (the access log records only the code). */
export const FacilityNameQuery = graphql(`
  query FacilityName($code: String!) {
    facility(code: $code) { code name }
  }
`);

/** An insurer's name for a 保険者番号 (the access log names an insurer reader by its number). */
export const InsurerNameQuery = graphql(`
  query InsurerName($number: String!) {
    insurer(number: $number) { number name }
  }
`);
