import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { CLIENT_ADDRESS_HEADER, ERROR_CATALOGUE, errorMessage, askOwnerDecision, bearerToken, clientAddressOf, createDecisionClient, incomingRequestId, requestLogPlugin, createErrorMasker, createLogger, createTokenVerifier, ConsentRevocationList, openSharedState, unauthenticatedGraphQLError, serveHttp, type RunningService } from '@onshi/platform';
import { accessPlugin, introspectionPlugin, type GatewayContext, type RefusalLogger } from './accessPlugin';
import { armorFor, rateLimitClient, requestLimiter, retryAfterSeconds, uploadLimiter } from './limits';
import { cookieValue, graphiqlRoutes, OPERATOR_COOKIE } from './graphiql';
import { loadTrustedDocuments, trustedDocumentsPlugin } from './trustedDocuments';
import { accessPolicyFromSupergraph, fieldCategoriesFromSupergraph } from './accessPolicy';
import { subgraphUrlOverride, type GatewayConfig } from './config';
import { ForwardingDataSource } from './dataSource';
import { cacheableReferenceTypes, ReferenceEntityCache } from './referenceCache';
import { uploadRoutes } from './uploads';
import { predecisionPlugin } from './predecisions';
import { compiledResultShapingPlugin } from './resultShaping';

/** Subgraph name → URL (from the supergraph, or overridden by config). */
export function subgraphUrls(supergraphSdl: string, config: GatewayConfig): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    const [, name, url] = match;
    if (name && url) urls[name] = subgraphUrlOverride(config, name) ?? url;
  }
  return urls;
}

/** The consent subgraph's staff login (operators have no facility code). */
async function operatorLogin(consentGraphqlUrl: string, staffId: string, password: string, totp: string, clientAddress: string): Promise<{ accessToken: string; role: string }> {
  const response = await fetch(consentGraphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: clientAddress },
    body: JSON.stringify({
      query: 'mutation($staffId: String!, $password: String!, $totp: String!) { staffLogin(staffId: $staffId, password: $password, totp: $totp) { accessToken role } }',
      variables: { staffId, password, totp },
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: { staffLogin?: { accessToken: string; role: string } } };
  if (!body.data?.staffLogin) throw new Error('login failed');
  return body.data.staffLogin;
}

/**
 * The public entry point (docs/architecture.md): @apollo/gateway on the static, committed supergraph (ADR 0001),
 * JWT verification, `@access` enforcement before any subgraph is called, masked errors.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningService> {
  const logger = createLogger('onshi-gateway', config.LOG_LEVEL);
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const urls = subgraphUrls(supergraphSdl, config);
  const policy = accessPolicyFromSupergraph(supergraphSdl);
  const categories = fieldCategoriesFromSupergraph(supergraphSdl);
  const internalSecret = config.INTERNAL_SECRET;
  if (!internalSecret) logger.warn('INTERNAL_SECRET is not set: refusals for role at the gateway are not written to the access log');
  // The decision point decides the same question (the role is named by no rule of the category) and logs the denial.
  const logRefusal: RefusalLogger = async (context, { patients, owners }) => {
    if (!internalSecret) return;
    const decisions = createDecisionClient({ consentUrl: config.CONSENT_URL, internalSecret, token: context.token, requestId: context.requestId });
    const options = { consentUrl: config.CONSENT_URL, internalSecret };
    await Promise.all([
      ...patients.map((request) => decisions.decide(request)),
      ...owners.map(({ category, target }) => askOwnerDecision(context, options, category, target)),
    ]).catch((error: unknown) => {
      logger.error({ err: error, requestId: context.requestId }, 'a refusal for role could not be logged');
    });
  };
  // The request's one decision call (predecisions.ts): the answers the subgraphs would otherwise each ask for.
  const predecisions = internalSecret ? [predecisionPlugin({
    categories, internalSecret, logger,
    decide: (context, requests) => {
      const decisions = createDecisionClient({ consentUrl: config.CONSENT_URL, internalSecret, token: context.token, requestId: context.requestId });
      return Promise.all(requests.map((request) => decisions.decide(request)));
    },
  })] : [];
  const referenceTypes = cacheableReferenceTypes(policy, categories);
  if (referenceTypes.refused.length > 0) logger.warn({ types: referenceTypes.refused }, 'reference types under @access are not cached at the gateway');
  const references = config.REFERENCE_CACHE_TTL_MS > 0 ? new ReferenceEntityCache(referenceTypes.types, config.REFERENCE_CACHE_TTL_MS) : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new ForwardingDataSource(name, urls[name] ?? url ?? '', config.SUBGRAPH_TIMEOUT_MS, references),
  });
  const armor = armorFor(config);
  const trustedDocuments = loadTrustedDocuments(config.TRUSTED_DOCUMENTS_PATH);
  if (!trustedDocuments) logger.warn({ path: config.TRUSTED_DOCUMENTS_PATH }, 'no trusted-document manifest: the portal client will be refused');
  // Without Redis the consent subgraph, which ends sessions, keeps the revocation list (platform sharedState.ts).
  const shared = openSharedState({ ...config, localRevocations: new ConsentRevocationList(config.CONSENT_URL, config.INTERNAL_SECRET) });
  const rateLimiter = requestLimiter(shared, config);
  const verifyToken = createTokenVerifier(config.CONSENT_URL, shared.revocations);
  // Uploads count against their own, smaller limit (limits.ts); the checkups subgraph still authenticates the caller.
  const uploadRateLimiter = uploadLimiter(shared, config);
  const uploadRetryAfter = async (req: IncomingMessage): Promise<number> => {
    const token = bearerToken(req.headers.authorization);
    const actor = token === undefined ? null : await verifyToken(token).catch(() => null);
    return retryAfterSeconds(req.method === 'POST' ? uploadRateLimiter : rateLimiter, rateLimitClient(actor, clientAddressOf(req)));
  };
  const consentGraphqlUrl = urls.consent ?? `${config.CONSENT_URL}/graphql`;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [requestLogPlugin<GatewayContext>(logger), trustedDocumentsPlugin(config.TRUSTED_CLIENT_NAME, trustedDocuments), ...armor.plugins, introspectionPlugin(config.ALLOW_INTROSPECTION), accessPlugin(policy, { categories, logRefusal }), ...predecisions, compiledResultShapingPlugin()],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.MAX_TOKENS },
    // One operation per HTTP request: batching would multiply every other limit.
    allowBatchedHttpRequests: false,
    formatError: createErrorMasker(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
  });
  await apollo.start();
  const running = await serveHttp<GatewayContext>({
    name: 'onshi-gateway',
    host: config.HOST,
    port: config.PORT,
    logger,
    apollo,
    readiness: async () => {
      const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => {
        const health = new URL('/health', url);
        const ok = await fetch(health, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
        return [name, ok] as const;
      }));
      return Object.fromEntries(entries);
    },
    maxBodyBytes: config.MAX_BODY_BYTES,
    streamRoutes: uploadRoutes(urls.checkups ?? config.CHECKUPS_URL ?? 'http://127.0.0.1:4003', logger, uploadRetryAfter),
    routes: graphiqlRoutes({ verifyToken, login: (staffId, password, totp, clientAddress) => operatorLogin(consentGraphqlUrl, staffId, password, totp, clientAddress) }),
    corsOrigins: config.CORS_ORIGINS,
    requestIds: 'generate',
    context: async (req, requestId) => {
      // GraphiQL sends the operator's session cookie; API clients send a bearer token.
      const token = bearerToken(req.headers.authorization) ?? cookieValue(req, OPERATOR_COOKIE);
      const clientAddress = clientAddressOf(req);
      const clientRequestId = incomingRequestId(req);
      let context: GatewayContext = { actor: null, requestId, clientAddress, clientRequestId };
      if (token) {
        try {
          context = { actor: await verifyToken(token), token, requestId, clientAddress, clientRequestId };
        } catch (error) {
          throw unauthenticatedGraphQLError(error);
        }
      }
      const retryAfter = await retryAfterSeconds(rateLimiter, rateLimitClient(context.actor, clientAddress)).catch((error: unknown) => {
        logger.error({ err: error, requestId }, 'the request counter cannot be reached');
        throw new GraphQLError(errorMessage('SERVICE_UNAVAILABLE'), { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: ERROR_CATALOGUE.SERVICE_UNAVAILABLE.status } } });
      });
      if (retryAfter > 0) {
        throw new GraphQLError(errorMessage('RATE_LIMITED'), {
          extensions: { code: 'RATE_LIMITED', http: { status: ERROR_CATALOGUE.RATE_LIMITED.status, headers: new Map([['retry-after', String(retryAfter)]]) } },
        });
      }
      return context;
    },
  });
  logger.info({ url: `${running.url}/graphql`, subgraphs: urls }, 'gateway listening');
  return {
    ...running,
    close: async () => {
      await running.close();
      await apollo.stop();
      await shared.close();
    },
  };
}
