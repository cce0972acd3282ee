import { Query, Resolver } from 'type-graphql';
import { buildFederatedSchema } from '@onshi/kit';
import { Patient } from './Patient';

@Resolver()
class ServiceInfoResolver {
  @Query(() => String, { description: 'Name of this subgraph' })
  checkupsService(): string {
    return 'checkups';
  }
}

export function buildCheckupsSchema() {
  return buildFederatedSchema({
    resolvers: [ServiceInfoResolver],
    orphanedTypes: [Patient],
    referenceResolvers: { Patient: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
  });
}
