import { graphql } from './generated';

/**
 * Demo: card lifecycle (docs/operations.md "Demo: card lifecycle"): the operator, standing in for J-LIS, looks up a
 * demo card and suspends or expires it. Every rule is the consent subgraph's (services/demoCards.ts).
 */
export const DemoModeQuery = graphql(`
  query DemoMode { demoMode }
`);

export const DemoCardQuery = graphql(`
  query DemoCard($cardSerial: String, $patientId: String) {
    demoCard(cardSerial: $cardSerial, patientId: $patientId) { cardSerial patientId status certificateExpiresOn unusable }
  }
`);

export const SetDemoCardStatusMutation = graphql(`
  mutation SetDemoCardStatus($cardSerial: String!, $action: String!) {
    setDemoCardStatus(cardSerial: $cardSerial, action: $action) { cardSerial status unusable }
  }
`);
