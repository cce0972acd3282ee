import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { ACCESS_DIRECTIVE_NAME, ACCESS_SPEC_URL, accessDirective } from '@onshi/platform';
import { accessChecker } from './access';

const FEDERATION_LINK = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@composeDirective"])
  @link(url: "${ACCESS_SPEC_URL}", import: ["@${ACCESS_DIRECTIVE_NAME}"])
  @composeDirective(name: "@${ACCESS_DIRECTIVE_NAME}")
`;

export interface FederatedSchemaOptions {
  /** type-graphql resolver classes */
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` per entity type: they belong in the resolver map, not in a type-graphql class. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/**
 * type-graphql → Apollo Federation 2 subgraph schema, as in type-graphql's apollo-federation-2 example:
 * build with type-graphql, print with directives, hand SDL + resolver map to buildSubgraphSchema
 * (as an array of modules: @apollo/subgraph reads a bare {typeDefs, resolvers} object as SDL).
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: accessChecker,
    authMode: 'error',
    directives: [accessDirective],
    validate: false,
    skipCheck: true,
  });
  refuseUncheckedAccess();
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(extra as object) } as GraphQLResolverMap<unknown>[string];
  }
  const subgraph = buildSubgraphSchema([{ typeDefs, resolvers }]);
  carryFieldExtensions(schema, subgraph);
  return subgraph;
}

/**
 * An answer type whose plain fields are read straight off the object (`@ObjectType({ simpleResolvers: true })`, type-graphql's
 * own option: no per-field wrapper, profiled hot on checkups' and drugs' long lists) never runs type-graphql's auth checker
 * for those fields. So an `@Access` on a plain field of such a type would publish a rule nobody enforces: refused at start.
 */
function refuseUncheckedAccess(): void {
  const storage = getMetadataStorage();
  for (const type of storage.objectTypes) {
    for (const field of type.fields ?? []) {
      // A field resolver (a resolver class's method) keeps its wrapper and its check whatever the type says.
      if (storage.fieldResolvers.some((resolver) => resolver.getObjectType?.() === type.target && resolver.methodName === field.name)) continue;
      const readStraight = field.simple ?? type.simpleResolvers ?? false;
      if (readStraight && field.roles !== undefined) {
        throw new Error(`${type.name}.${field.name} has @Access but its type reads fields straight (simpleResolvers): the access check would not run`);
      }
    }
  }
}

/**
 * The SDL round trip drops what type-graphql's `@Extensions` put on fields (the SDL has no place for it), and the
 * request plugins read it from the schema they serve (tokenLiveness.ts `LiveBeforeWrites`): copied across by name.
 */
function carryFieldExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const [typeName, type] of Object.entries(from.getTypeMap())) {
    const target = to.getType(typeName);
    if (!isObjectType(type) || !isObjectType(target)) continue;
    const targetFields = target.getFields();
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const into = targetFields[fieldName];
      if (into && Object.keys(field.extensions).length > 0) into.extensions = { ...into.extensions, ...field.extensions };
    }
  }
}
