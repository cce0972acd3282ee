import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { errorMessage, isClientSafeCode } from './errorCatalogue';
import type { Logger } from './log';

/**
 * Apollo `formatError`: errors with a client-safe code pass with their message and code only (no
 * stacktrace, no internals); anything else is logged and replaced by a generic INTERNAL_SERVER_ERROR.
 */
export function createErrorMasker(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace: _stacktrace, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (isClientSafeCode(extensions.code)) return { ...formatted, extensions };
    logger.error({ err: unwrapResolverError(error) }, 'unexpected error masked');
    return { message: errorMessage('INTERNAL_SERVER_ERROR'), ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
