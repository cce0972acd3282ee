import { Authorized, Directive, type AuthChecker } from 'type-graphql';
import { ACCESS_DIRECTIVE_NAME, type BaseContext, ForbiddenError, UnauthenticatedError, readersOf, type PolicyCategory, type Role } from '@onshi/platform';

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
