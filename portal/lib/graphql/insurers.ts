import { graphql } from './generated';

/**
 * Registering an insurer and its first operator account (docs/operations.md "Registering an insurer"). Every rule is
 * the consent subgraph's (services/operator/insurers.ts).
 */
export const InsurersQuery = graphql(`
  query Insurers($first: Int!) {
    insurers(first: $first) { number name kind prefecture registeredAt }
  }
`);

export const RegisterInsurerMutation = graphql(`
  mutation RegisterInsurer($number: String!, $name: String!, $kind: InsurerKind, $prefecture: String, $administratorStaffId: String!, $administratorName: String!) {
    registerInsurer(number: $number, name: $name, kind: $kind, prefecture: $prefecture, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {
      insurer { number name }
      administrator { enrollmentToken expiresAt staff { staffId displayName } }
    }
  }
`);
