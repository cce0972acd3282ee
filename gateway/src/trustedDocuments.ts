import { existsSync, readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, parse, print, stripIgnoredCharacters, visit } from 'graphql';
import type { GatewayContext } from './accessPlugin';

/** The header by which the portal's server identifies itself (Apollo "client awareness"). */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

/**
 * Canonical text of a document for comparison: whitespace, comments and the `__typename` fields that
 * GraphQL clients add for their caches do not make a different operation.
 */
export function canonicalDocument(source: string): string {
  const withoutTypename = visit(parse(source), {
    Field: (node) => (node.name.value === '__typename' ? null : undefined),
    SelectionSet: { leave: (node) => (node.selections.length === 0 ? { kind: Kind.SELECTION_SET, selections: [] } : undefined) },
  });
  return stripIgnoredCharacters(print(withoutTypename));
}

/** Reads the portal's build-time manifest (graphql-codegen persisted documents: hash → document). */
export function loadTrustedDocuments(path: string): Set<string> | undefined {
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  return new Set(Object.values(manifest).map(canonicalDocument));
}

/**
 * Trusted documents (issue 9): requests from the portal client may run only the operations registered in
 * the portal's build; vendors (any other client) may send arbitrary operations within the limits.
 * Without a manifest the portal client gets nothing (fail closed).
 */
export function trustedDocumentsPlugin(clientName: string, trusted: Set<string> | undefined): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.headers.get(CLIENT_NAME_HEADER) !== clientName) return;
      return {
        // Checked once the operation is resolved: errors thrown here become a proper 403 response.
        async didResolveOperation({ source }) {
          let canonical: string | undefined;
          try {
            canonical = canonicalDocument(source);
          } catch {
            canonical = undefined;
          }
          if (canonical && trusted?.has(canonical)) return;
          throw new GraphQLError('This client may only send its registered operations / 登録されていない操作です', {
            extensions: { code: 'UNTRUSTED_DOCUMENT', http: { status: 403 } },
          });
        },
      };
    },
  };
}
