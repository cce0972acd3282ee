import { existsSync, readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, parse, print, stripIgnoredCharacters, visit, type ASTNode } from 'graphql';
import type { GatewayContext } from './accessPlugin';
import { bilingual } from '@onshi/platform';

/** The header by which the portal's server identifies itself (Apollo "client awareness"). */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

/**
 * Canonical text of a document for comparison: whitespace, comments, the order of definitions, fields,
 * arguments and variables (codegen's manifest sorts them; clients send source order) and the `__typename`
 * fields that GraphQL clients add for their caches do not make a different operation.
 */
export function canonicalDocument(source: string): string {
  const byText = <T extends ASTNode>(nodes: readonly T[]) => [...nodes].sort((a, b) => (print(a) < print(b) ? -1 : print(a) > print(b) ? 1 : 0));
  const byName = <T extends { name: { value: string } }>(nodes: readonly T[] | undefined) => [...(nodes ?? [])].sort((a, b) => a.name.value.localeCompare(b.name.value));
  const canonical = visit(parse(source, { noLocation: true }), {
    Field: {
      enter: (node) => (node.name.value === '__typename' ? null : undefined),
      leave: (node) => ({ ...node, arguments: byName(node.arguments) }),
    },
    SelectionSet: { leave: (node) => ({ ...node, selections: byText(node.selections) }) },
    OperationDefinition: { leave: (node) => ({ ...node, variableDefinitions: [...(node.variableDefinitions ?? [])].sort((a, b) => a.variable.name.value.localeCompare(b.variable.name.value)) }) },
    Document: { leave: (node) => ({ ...node, definitions: byText(node.definitions) }) },
  });
  return stripIgnoredCharacters(print(canonical));
}

/** Reads the portal's build-time manifest (graphql-codegen persisted documents: hash → document). */
export function loadTrustedDocuments(path: string): Set<string> | undefined {
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  return new Set(Object.values(manifest).map(canonicalDocument));
}

/** Texts of trusted operations remembered as such: the portal's manifest with room for clients' formatting variants. */
const TRUSTED_SOURCES_KEPT = 1000;

/**
 * Trusted documents: requests from the portal client may run only the operations registered in
 * the portal's build; vendors (any other client) may send arbitrary operations within the limits.
 * Without a manifest the portal client gets nothing (fail closed).
 */
export function trustedDocumentsPlugin(clientName: string, trusted: Set<string> | undefined): ApolloServerPlugin<GatewayContext> {
  // The portal sends the same few texts again and again: canonicalising one costs 2–15 ms of parsing and printing
  // (the clinic patient page's server time), so a text found trusted is remembered. Only trusted texts are
  // kept, at most TRUSTED_SOURCES_KEPT of them, so no client can grow this set with texts of its own.
  const trustedSources = new Set<string>();
  return {
    async requestDidStart({ request }) {
      if (request.http?.headers.get(CLIENT_NAME_HEADER) !== clientName) return;
      return {
        // Checked once the operation is resolved: errors thrown here become a proper 403 response.
        async didResolveOperation({ source }) {
          if (trustedSources.has(source)) return;
          let canonical: string | undefined;
          try {
            canonical = canonicalDocument(source);
          } catch {
            canonical = undefined;
          }
          if (canonical && trusted?.has(canonical)) {
            if (trustedSources.size < TRUSTED_SOURCES_KEPT) trustedSources.add(source);
            return;
          }
          throw new GraphQLError(bilingual('This client may only send its registered operations', '登録されていない操作です'), {
            extensions: { code: 'UNTRUSTED_DOCUMENT', http: { status: 403 } },
          });
        },
      };
    },
  };
}
