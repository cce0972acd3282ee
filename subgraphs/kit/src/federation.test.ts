import 'reflect-metadata';
import { graphql } from 'graphql';
import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '@onshi/platform';
import { Access } from './access';
import { buildFederatedSchema } from './federation';

// Answer types may read their plain fields straight (`simpleResolvers`, federation.ts `refuseUncheckedAccess`): the
// access checks that remain must still run, and an @Access that could not run must stop the service from starting.

@ObjectType({ simpleResolvers: true })
class Reading {
  @Field(() => String)
  label!: string;
}

@Resolver(() => Reading)
class ReadingResolver {
  @Query(() => Reading)
  reading(): Reading {
    return { label: 'public part' };
  }

  @Access('DOCTOR')
  @FieldResolver(() => String)
  secret(@Root() reading: Reading, @Ctx() _context: BaseContext): string {
    return `secret of ${reading.label}`;
  }
}

const asRole = (role: string) => ({ actor: { role, subject: 'test' } }) as unknown as BaseContext;

describe('answer types whose fields are read straight', () => {
  it('read plain fields without a wrapper, and still check the field resolver of such a type', async () => {
    const schema = await buildFederatedSchema({ resolvers: [ReadingResolver] });
    const readingType = schema.getType('Reading') as import('graphql').GraphQLObjectType;
    expect(readingType.getFields().label?.resolve).toBeUndefined();

    const refused = await graphql({ schema, source: '{ reading { label secret } }', contextValue: asRole('RECEPTION') });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused.data ?? null)).not.toContain('secret of');

    const allowed = await graphql({ schema, source: '{ reading { label secret } }', contextValue: asRole('DOCTOR') });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toEqual({ reading: { label: 'public part', secret: 'secret of public part' } });
  });

  it('refuse to build when a plain field of such a type carries @Access (the check would never run)', async () => {
    @ObjectType({ simpleResolvers: true })
    class Careless {
      @Access('DOCTOR')
      @Field(() => String)
      diagnosis!: string;
    }
    @Resolver(() => Careless)
    class CarelessResolver {
      @Query(() => Careless)
      careless(): Careless {
        return { diagnosis: 'leaked' };
      }
    }
    await expect(buildFederatedSchema({ resolvers: [CarelessResolver] })).rejects.toThrow(/Careless\.diagnosis has @Access/);
  });
});
