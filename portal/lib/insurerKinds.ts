/** The kinds of insurer (consent services/operator/insurers.ts, kit insurerMaster.ts INSURER_KINDS), in the form's order. */
export const INSURER_KINDS = ['KOKUHO', 'KYOKAI', 'KUMIAI', 'KYOSAI', 'KOUKI'] as const;
export type InsurerKind = (typeof INSURER_KINDS)[number];

export function isInsurerKind(kind: string): kind is InsurerKind {
  return (INSURER_KINDS as readonly string[]).includes(kind);
}
