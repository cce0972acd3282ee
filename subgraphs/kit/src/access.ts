import { DirectiveLocation, GraphQLDirective, GraphQLList, GraphQLNonNull, GraphQLString } from 'graphql';
import { Authorized, Directive, type AuthChecker } from 'type-graphql';
import type { BaseContext } from './context';
import { ForbiddenError, UnauthenticatedError } from './errors';
import { readersOf, type PolicyCategory } from './policy';
import type { Role } from './roles';

/**
 * Field-level access rule (ARCHITECTURE.md layer 2). `@access` is our own directive, linked with @link and
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

/**
 * One decorator writes the `@access` directive into the SDL **and** registers the same roles with
 * type-graphql's auth checker, so the published rule and the enforced rule cannot disagree.
 */
export function Access(...roles: [Role, ...Role[]]): MethodDecorator & PropertyDecorator {
  return accessDecorator(roles);
}

/**
 * `@Access` for a field that carries one category of the access policy (patient data, a patient's access log, or an
 * owner's list such as the claims routed to an insurer): the roles are the policy's readers of the category (policy.ts
 * `readersOf`), and the category goes into the directive so that the gateway can log a refusal for role under it
 * (docs/access-policy.md "Every decision is logged").
 */
export function AccessTo(category: PolicyCategory): MethodDecorator & PropertyDecorator {
  return accessDecorator(readersOf(category), category);
}

function accessDecorator(roles: [Role, ...Role[]], category?: PolicyCategory): MethodDecorator & PropertyDecorator {
  const categoryArgument = category === undefined ? '' : `, category: ${JSON.stringify(category)}`;
  const directive = Directive(`@${ACCESS_DIRECTIVE_NAME}(roles: [${roles.map((role) => JSON.stringify(role)).join(', ')}]${categoryArgument})`);
  const authorized = Authorized<Role>(...roles);
  return <T>(target: object, propertyKey: string | symbol, descriptor?: TypedPropertyDescriptor<T>) => {
    if (descriptor) {
      directive(target, propertyKey, descriptor);
      authorized(target, propertyKey, descriptor);
    } else {
      directive(target, propertyKey);
      authorized(target, propertyKey);
    }
  };
}

/** Subgraph-side enforcement of `@access` (defense in depth behind the gateway). */
export const accessChecker: AuthChecker<BaseContext, Role> = ({ context }, roles) => {
  if (!context.actor) throw new UnauthenticatedError();
  if (!roles.includes(context.actor.role)) throw new ForbiddenError();
  return true;
};
