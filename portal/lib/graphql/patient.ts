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
        personalFamilyClassification
      }
      consents { id facilityCode facility { code name } category registeredAt expiresAt valid }
      myNumberCards { certificateExpiresOn certificateStanding certificateGraceEndsOn status }
      noticesReadThrough
      accessLog(first: 50) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }
    }
  }
`);

/** 健康保険証情報: every coverage period of mine, newest first, with 本人/家族, 限度額適用認定証区分 and 高齢受給者. */
export const InsuranceHistoryQuery = graphql(`
  query InsuranceHistory {
    me {
      id
      qualifications {
        id insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber
        personalFamilyClassification qualificationDate disqualificationDate insuredPartialContributionRatio
        limitApplicationCertificateClassificationFlag elderlyRecipientContributionRatio
        elderlyRecipientValidStartDate elderlyRecipientValidEndDate
      }
    }
  }
`);

/** 医療保険情報の提供状況: the decision point's log of reads of my data by others. */
export const AccessLogQuery = graphql(`
  query AccessLog($first: Int!) {
    me {
      id
      accessLog(first: $first) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }
    }
  }
`);

/** An insurer's name for a 保険者番号 (the access log names an insurer reader by its number). */
export const InsurerNameQuery = graphql(`
  query InsurerName($number: String!) {
    insurer(number: $number) { number name }
  }
`);

/** Marks the home page's notices up to the newest shown as read (お知らせの既読). */
export const MarkNoticesReadMutation = graphql(`
  mutation MarkNoticesRead($through: String!) {
    markNoticesRead(through: $through)
  }
`);
