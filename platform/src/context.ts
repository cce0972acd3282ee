import type { Actor } from './roles';
import type { DecisionClient } from './pdp';

/** What every resolver receives. Subgraphs extend it with their own loaders and services. */
export interface BaseContext {
  actor: Actor | null;
  /** The caller's bearer token, forwarded to the decision point so it can verify the actor itself. */
  token?: string;
  requestId: string;
  /** The client's address (http.ts clientAddressOf): the source that login throttling counts. */
  clientAddress: string;
  decisions: DecisionClient;
}
