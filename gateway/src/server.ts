import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { bearerToken, createErrorMasker, createLogger, createTokenVerifier, OnshiError, serveHttp, type RunningService } from '@onshi/kit';
import { accessPlugin, type GatewayContext } from './accessPlugin';
import { accessPolicyFromSupergraph } from './accessPolicy';
import { subgraphUrlOverride, type GatewayConfig } from './config';
import { ForwardingDataSource } from './dataSource';

/** Subgraph name → URL (from the supergraph, or overridden by config). */
export function subgraphUrls(supergraphSdl: string, config: GatewayConfig): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    const [, name, url] = match;
    if (name && url) urls[name] = subgraphUrlOverride(config, name) ?? url;
  }
  return urls;
}

/**
 * The public entry point (ARCHITECTURE.md): @apollo/gateway on the static, committed supergraph (ADR 0001),
 * JWT verification, `@access` enforcement before any subgraph is called, masked errors.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningService> {
  const logger = createLogger('onshi-gateway', config.LOG_LEVEL);
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const urls = subgraphUrls(supergraphSdl, config);
  const policy = accessPolicyFromSupergraph(supergraphSdl);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new ForwardingDataSource(urls[name] ?? url ?? '', config.SUBGRAPH_TIMEOUT_MS),
  });
  const verifyToken = createTokenVerifier(config.CONSENT_URL);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [accessPlugin(policy)],
    formatError: createErrorMasker(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
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
    context: async (req, requestId) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) return { actor: null, requestId };
      try {
        return { actor: await verifyToken(token), token, requestId };
      } catch (error) {
        const message = error instanceof OnshiError ? error.message : 'Invalid token';
        throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
    },
  });
  logger.info({ url: `${running.url}/graphql`, subgraphs: urls }, 'gateway listening');
  return {
    ...running,
    close: async () => {
      await running.close();
      await apollo.stop();
    },
  };
}
