import { DirectiveLocation, GraphQLDirective, GraphQLList, GraphQLNonNull, GraphQLString } from 'graphql';

/**
 * Field-level access rule (docs/architecture.md "Who may see what: three layers", layer 2). `@access` is our own directive, linked with @link and
 * kept in the supergraph by @composeDirective, because @apollo/gateway refuses supergraphs that use
 * @requiresScopes/@policy (ADR 0002). The gateway reads it from the supergraph SDL; the subgraph enforces it too.
 */
export const ACCESS_SPEC_URL = 'https://onshi.dev/access/v0.1';
export const ACCESS_DIRECTIVE_NAME = 'access';

export const accessDirective = new GraphQLDirective({
  name: ACCESS_DIRECTIVE_NAME,
  description: 'Roles that may read this field. Enforced by the gateway and again by the subgraph.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: {
    roles: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) },
    category: { type: GraphQLString, description: 'The access-policy category the field carries (docs/access-policy.md): the gateway logs a refusal for role under it' },
  },
});
