import { graphql } from './generated';

/** PHR連携: the apps I let read my data. */
export const MyPhrGrantsQuery = graphql(`
  query MyPhrGrants {
    me { id phrGrants { id appId appName categories grantedAt expiresAt revokedAt active } }
  }
`);

export const GrantPhrAccessMutation = graphql(`
  mutation GrantPhrAccess($appId: String!, $categories: [String!]!, $days: Int!) {
    grantPhrAccess(appId: $appId, categories: $categories, days: $days) { id active }
  }
`);

export const RevokePhrAccessMutation = graphql(`
  mutation RevokePhrAccess($grantId: ID!) {
    revokePhrAccess(grantId: $grantId) { id active revokedAt }
  }
`);
