import type { Messages } from './messages';


function lookup(t: Messages, key: string): string | undefined {
  const value = (t as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

export function categoryLabel(t: Messages, category: string): string {
  return lookup(t, `category${category}`) ?? category;
}

export function roleLabel(t: Messages, role: string): string {
  return lookup(t, `role${role}`) ?? role;
}

export function reasonLabel(t: Messages, reason: string): string {
  return lookup(t, `reason${reason}`) ?? t.reasonOther(reason);
}

export function decisionLabel(t: Messages, decision: string): string {
  return lookup(t, `decision${decision}`) ?? decision;
}

/** A facility by name when the master knows it, else by its 医療機関コード. */
export function facilityLabel(t: Messages, code: string | null | undefined, names?: Map<string, string>): string {
  if (!code) return t.noFacility;
  return names?.get(code) ?? t.facilityCodeLabel(code);
}

