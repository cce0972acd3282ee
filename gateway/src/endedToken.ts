import type { ApolloServerPlugin } from '@apollo/server';
import { endedTokenPlugin } from '@onshi/platform';
import type { GatewayContext } from './accessPlugin';

/**
 * The gateway's ended-token check (docs/operations.md "Replicas and shared state"), answered by its subgraphs: each
 * checks the token the gateway forwards before its answer leaves — by its decision call or by asking the list — and
 * answers an ended token with a 401 alone (kit tokenLiveness.ts). So a subgraph's answer proves the request's token
 * live, and a subgraph's 401 refuses it (ForwardingDataSource records both); the gateway asks the list itself only
 * for an answer no subgraph gave: a parse or validation error, a field refused for the role, introspection,
 * `__typename`. Nothing is asked before the plan runs: the gateway writes nothing itself, and every subgraph proves the
 * token before a mutation writes (consent, whose queries write, before any operation). A token found ended gets the
 * whole answer replaced by the UNAUTHENTICATED refusal, and its request is counted against the client's address, not
 * the token's holder (`onRefused`): an ended token spends nothing of the live sessions' budget.
 */
export function gatewayEndedTokenPlugin(onRefused: (context: GatewayContext) => Promise<void>): ApolloServerPlugin<GatewayContext> {
  return endedTokenPlugin<GatewayContext>({ livenessOf: (context) => context.liveness, mustProveBeforeRunning: () => false, marksCheckedAnswers: false, onRefused });
}
