import { graphql } from './generated';

/**
 * The 医療情報化支援基金 subsidy and the rollout dashboard (docs/operations.md "Subsidy (医療情報化支援基金)", "Rollout
 * dashboard"). Every rule, and the amount, is the consent subgraph's (services/operator/subsidy.ts, services/operator/rollout.ts).
 */
export const MySubsidyApplicationsQuery = graphql(`
  query MySubsidyApplications {
    mySubsidyApplications { id category subsidyAmount status rejectionReason submittedAt wentLiveOn }
  }
`);

export const ApplyForSubsidyMutation = graphql(`
  mutation ApplyForSubsidy($systemCost: Int!, $networkCost: Int!, $readerCost: Int!, $otherCost: Int!, $readersBought: Int!, $wentLiveOn: String!, $largeChainPharmacy: Boolean!) {
    applyForSubsidy(systemCost: $systemCost, networkCost: $networkCost, readerCost: $readerCost, otherCost: $otherCost, readersBought: $readersBought, wentLiveOn: $wentLiveOn, largeChainPharmacy: $largeChainPharmacy) { id status }
  }
`);

export const SubsidyApplicationsQuery = graphql(`
  query SubsidyApplications($first: Int!) {
    subsidyApplications(first: $first) {
      id facilityCode facilityName category systemCost networkCost readerCost otherCost readersBought wentLiveOn subsidyAmount status rejectionReason submittedAt
    }
  }
`);

export const ApproveSubsidyMutation = graphql(`
  mutation ApproveSubsidy($id: ID!) { approveSubsidy(id: $id) { id status } }
`);

export const RejectSubsidyMutation = graphql(`
  mutation RejectSubsidy($id: ID!, $reason: String!) { rejectSubsidy(id: $id, reason: $reason) { id status } }
`);

export const MarkSubsidyPaidMutation = graphql(`
  mutation MarkSubsidyPaid($id: ID!) { markSubsidyPaid(id: $id) { id status } }
`);

export const RolloutDashboardQuery = graphql(`
  query RolloutDashboard {
    rolloutDashboard {
      registered live asOf
      byPrefecture { key registered live }
      byKind { key registered live }
      monthly { month registered live targetPercent }
      readersPerFacility { readers facilities }
    }
  }
`);
