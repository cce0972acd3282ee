import { graphql } from './generated';

/** Card login (docs/contracts.md contract 1): the card signs a single-use challenge after the PIN check. */
export const StartCardLoginMutation = graphql(`
  mutation StartCardLogin($cardSerial: String!) {
    startCardLogin(cardSerial: $cardSerial) { challengeId challenge expiresAt }
  }
`);

export const CompleteCardLoginMutation = graphql(`
  mutation CompleteCardLogin($challengeId: ID!, $pin: String!, $signature: String!) {
    completeCardLogin(challengeId: $challengeId, pin: $pin, signature: $signature) {
      accessToken refreshToken expiresAt role patientId facilityCode displayName
    }
  }
`);

/** Staff login with ID, password and TOTP (docs/contracts.md contract 2). */
export const StaffLoginMutation = graphql(`
  mutation StaffLogin($facilityCode: String, $staffId: String!, $password: String!, $totp: String!) {
    staffLogin(facilityCode: $facilityCode, staffId: $staffId, password: $password, totp: $totp) {
      accessToken refreshToken expiresAt role patientId facilityCode displayName
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresAt role displayName }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }
`);
