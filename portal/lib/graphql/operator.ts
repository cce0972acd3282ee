import { graphql } from './generated';

/** The operator's national re-routing statistics per month of care (docs/drugs.md "Re-routing claims (レセプト振替)"). */
export const ClaimRoutingStatisticsQuery = graphql(`
  query ClaimRoutingStatistics($fromMonth: String!, $toMonth: String!) {
    claimRoutingStatistics(fromMonth: $fromMonth, toMonth: $toMonth) {
      serviceMonth checked asBilled rerouted returned checkedPoints reroutedPoints returnedPoints
    }
  }
`);
