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

/** Facilities are named by their 医療機関コード (the API has no facility directory yet). */
export function facilityLabel(t: Messages, code: string | null | undefined): string {
  return code ? t.facilityCodeLabel(code) : t.noFacility;
}

