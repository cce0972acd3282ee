// The decorators below run when the kit is imported, before a subgraph's entry point has loaded the polyfill.
import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * A facility named by another subgraph's data (a dispensing's prescriber and pharmacy, an expense's facility, a
 * consent or log entry's facility): only its 医療機関コード. The qualifications subgraph owns the facility master
 * and resolves the name; no other subgraph keeps or makes up facility names (docs/architecture.md "Facility, one entity").
 */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Facility')
export class FacilityReference {
  @Field(() => String)
  code!: string;
}

export function facilityReference(code: string): FacilityReference {
  return { code };
}
