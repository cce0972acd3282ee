import { graphql } from './generated';

/**
 * PHR apps registered by the operator (docs/operations.md "PHR apps"). Every rule is the consent subgraph's
 * (services/operator/phrApps.ts); a client secret comes back only in the answer to registering or rotating.
 */
export const PhrAppsQuery = graphql(`
  query PhrApps($first: Int!) {
    phrApps(first: $first) { clientId displayName operatorName scopes createdAt rotatedAt disabledAt }
  }
`);

export const RegisterPhrAppMutation = graphql(`
  mutation RegisterPhrApp($clientId: String, $displayName: String!, $operatorName: String!, $scopes: [DataCategory!]!) {
    registerPhrApp(clientId: $clientId, displayName: $displayName, operatorName: $operatorName, scopes: $scopes) { clientSecret app { clientId displayName } }
  }
`);

export const RotatePhrAppSecretMutation = graphql(`
  mutation RotatePhrAppSecret($clientId: String!) {
    rotatePhrAppSecret(clientId: $clientId) { clientSecret app { clientId displayName } }
  }
`);

export const DisablePhrAppMutation = graphql(`
  mutation DisablePhrApp($clientId: String!) {
    disablePhrApp(clientId: $clientId) { clientId disabledAt }
  }
`);
