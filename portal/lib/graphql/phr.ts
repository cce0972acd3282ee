import { graphql } from './generated';

/** PHR連携: the apps I let read my data. */
export const MyPhrGrantsQuery = graphql(`
  query MyPhrGrants {
    me { id phrGrants { id appId appName appOperatorName categories grantedAt expiresAt revokedAt active } }
  }
`);

/** The apps I can link: registered by the operator and not disabled, with what each may ask for. */
export const GrantablePhrAppsQuery = graphql(`
  query GrantablePhrApps {
    grantablePhrApps { clientId displayName operatorName scopes }
  }
`);

export const GrantPhrAccessMutation = graphql(`
  mutation GrantPhrAccess($appId: String!, $categories: [DataCategory!]!, $days: Int!) {
    grantPhrAccess(appId: $appId, categories: $categories, days: $days) { id active }
  }
`);

export const RevokePhrAccessMutation = graphql(`
  mutation RevokePhrAccess($grantId: ID!) {
    revokePhrAccess(grantId: $grantId) { id active revokedAt }
  }
`);
