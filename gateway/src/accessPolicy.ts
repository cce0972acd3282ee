import { Kind, parse, type ConstArgumentNode, type DocumentNode } from 'graphql';
import { ACCESS_DIRECTIVE_NAME, POLICY_CATEGORIES, isRole, type PolicyCategory, type Role } from '@onshi/platform';

/** "Type.field" → roles that may read it, as declared by `@access` in the subgraphs. */
export type AccessPolicy = ReadonlyMap<string, readonly Role[]>;

function rolesOf(argument: ConstArgumentNode | undefined): Role[] {
  if (!argument || argument.value.kind !== Kind.LIST) return [];
  return argument.value.values.flatMap((value) => (value.kind === Kind.STRING && isRole(value.value) ? [value.value] : []));
}

/**
 * Reads `@access` from the supergraph SDL. The directive survives composition (via @composeDirective)
 * but not into the API schema the gateway executes against, so it is read here once at start-up (ADR 0002).
 */
export function accessPolicyFromSupergraph(supergraphSdl: string | DocumentNode): AccessPolicy {
  const document = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const policy = new Map<string, Role[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === ACCESS_DIRECTIVE_NAME);
      if (!directive) continue;
      const roles = rolesOf(directive.arguments?.find((a) => a.name.value === 'roles'));
      policy.set(`${definition.name.value}.${field.name.value}`, roles);
    }
  }
  return policy;
}

/** "Type.field" → the access-policy category it carries (`@access(category:)`, written by the subgraphs' `AccessTo`). */
export type FieldCategories = ReadonlyMap<string, PolicyCategory>;

export function fieldCategoriesFromSupergraph(supergraphSdl: string | DocumentNode): FieldCategories {
  const document = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const categories = new Map<string, PolicyCategory>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const argument = field.directives?.find((d) => d.name.value === ACCESS_DIRECTIVE_NAME)?.arguments?.find((a) => a.name.value === 'category');
      const value = argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
      if (value !== undefined && (POLICY_CATEGORIES as readonly string[]).includes(value)) categories.set(`${definition.name.value}.${field.name.value}`, value as PolicyCategory);
    }
  }
  return categories;
}
