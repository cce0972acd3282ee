import type { InsurerKind } from './graphql/generated/graphql';

export type { InsurerKind };

/** The API's insurer kinds (InsurerKind, docs/api-guide.md "Enums"), in the form's order. */
export const INSURER_KINDS = ['KOKUHO', 'KYOKAI', 'KUMIAI', 'KYOSAI', 'KOUKI'] as const satisfies readonly InsurerKind[];

/** Every kind the API knows is offered by the form: checked by the compiler, so the list cannot fall behind the schema. */
const everyKindListed: [Exclude<InsurerKind, (typeof INSURER_KINDS)[number]>] extends [never] ? true : never = true;
void everyKindListed;

export function isInsurerKind(kind: string): kind is InsurerKind {
  return (INSURER_KINDS as readonly string[]).includes(kind);
}
