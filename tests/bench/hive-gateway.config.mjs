// Hive Gateway configuration for the peer comparison: forward the caller's bearer token and
// request id to the subgraphs, as our gateway does (gateway/src/dataSource.ts), so subgraphs verify the
// same actor and the same records are read. Nothing else is configured: the peer runs with its defaults.
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      return {
        authorization: request.headers.get('authorization'),
        'x-request-id': request.headers.get('x-request-id'),
      };
    },
  },
};
