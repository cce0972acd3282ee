import { graphql } from './generated';

export const DispensingFields = graphql(`
  fragment DispensingFields on Dispensing {
    date drugCode drugName ingredient quantity unit usage days inOut
    prescribingFacilityCode prescribingFacility { code name } pharmacyCode pharmacy { code name }
  }
`);

/** 薬剤情報: one page of my dispensings in a period (the API pages by at most 100). */
export const MyDispensingsQuery = graphql(`
  query MyDispensings($from: String, $to: String, $first: Int!, $after: String) {
    me {
      id
      dispensings(from: $from, to: $to, first: $first, after: $after) {
        edges { cursor node { ...DispensingFields } }
        pageInfo { hasNextPage endCursor }
        informationThrough
      }
    }
  }
`);

/** What I am probably taking now: supplies lasting to the end of the claims-based information (docs/drugs.md). */
export const MyActiveDrugsQuery = graphql(`
  query MyActiveDrugs {
    me {
      id
      medicationSummary {
        asOf informationThrough
        activeDrugs { coveredThrough basis dispensing { ...DispensingFields } }
        counts { activeDrugs activeIngredients prescribingFacilities }
      }
    }
  }
`);

/** 医療費通知: one calendar year, per month and facility. */
export const MyMedicalExpensesQuery = graphql(`
  query MyMedicalExpenses($year: Int!) {
    me {
      id
      medicalExpenses(year: $year) {
        year claimCount totalPoints totalCostYen patientShareYen
        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }
      }
    }
  }
`);

/**
 * The year's medical expenses with what a 医療費通知 must also name (NTA タックスアンサー No.1119: the insured
 * person, the insurer): for the e-Tax file (医療費通知情報).
 */
export const MedicalExpenseNoticeFileQuery = graphql(`
  query MedicalExpenseNoticeFile($year: Int!) {
    me {
      id
      name
      qualifications { id insurerNumber insurerName qualificationDate disqualificationDate }
      medicalExpenses(year: $year) {
        year claimCount totalPoints totalCostYen patientShareYen
        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }
      }
    }
  }
`);
