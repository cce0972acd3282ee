/**
 * Demo: card lifecycle (docs/operations.md "Demo: card lifecycle"). In production J-LIS issues, suspends and
 * expires My Number Cards; in demo mode the operator stands in for it: looks up a demo card and suspends (一時停止) or
 * expires (有効期限切れ) it, so that the refusal at the next confirmation can be shown. Outside demo mode every call is
 * refused (FORBIDDEN, DEMO_ONLY) and logged. Like every operator action, a refusal is logged and a change is written to
 * admin_changes with its access-log entry (onboarding.ts recordChange), before qualifications is asked to change the
 * card: if the record cannot be written nothing changes, and if qualifications cannot be reached the record rolls back.
 */
import { bilingual, BadUserInputError, demoCardLifecycle, NotFoundError, type Actor, type CardStatusClientOptions, type Db, type DemoCardAction, type DemoCardAnswer } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { recordChange, refuse, requireOperator, type AdminAction, type ChangeAction } from './operator/onboarding';

const NOT_FOUND = bilingual('No demo card with this serial or holder', '該当するデモ用カードはありません');

function lookupOf(input: { cardSerial?: string | null; patientId?: string | null }): { cardSerial: string } | { patientId: string } {
  const serial = input.cardSerial?.trim() ?? '';
  const patient = input.patientId?.trim() ?? '';
  if ((serial === '') === (patient === '')) throw new BadUserInputError(bilingual('Give either a card serial or a patient id', 'カードのシリアル番号か患者IDのどちらかを入力してください'), { field: serial === '' ? 'cardSerial' : 'patientId' });
  if (serial.length > 64 || patient.length > 64) throw new BadUserInputError(bilingual('Too long', '長すぎます'), { field: serial === '' ? 'patientId' : 'cardSerial' });
  return serial !== '' ? { cardSerial: serial } : { patientId: patient };
}

/** Who may use the card lifecycle page, decided before anything is read: demo mode first, then the operator. */
export function demoCardRefusal(demoMode: boolean, role: string): 'DEMO_ONLY' | 'NOT_OPERATOR' | null {
  if (!demoMode) return 'DEMO_ONLY';
  return role === 'ADMIN' ? null : 'NOT_OPERATOR';
}

export async function guardDemoCard(db: Db<Tables>, demoMode: boolean, actor: Actor, action: AdminAction, requestId: string, now: Date): Promise<void> {
  if (demoCardRefusal(demoMode, actor.role) === 'DEMO_ONLY') await refuse(db, actor, action, null, 'DEMO_ONLY', bilingual('Card lifecycle changes are a demo stand-in for J-LIS and are refused outside demo mode', 'カードの状態変更はデモ専用です（本番ではJ-LISが行います）'), requestId, now);
  await requireOperator(db, actor, action, null, requestId, now);
}

export async function lookUpDemoCard(
  db: Db<Tables>, client: CardStatusClientOptions, demoMode: boolean, actor: Actor, input: { cardSerial?: string | null; patientId?: string | null }, requestId: string, now: Date,
): Promise<DemoCardAnswer> {
  await guardDemoCard(db, demoMode, actor, 'VIEW_DEMO_CARD', requestId, now);
  const found = await demoCardLifecycle(client, lookupOf(input));
  if (!found) throw new NotFoundError(NOT_FOUND);
  return found;
}

export async function changeDemoCard(
  db: Db<Tables>, client: CardStatusClientOptions, demoMode: boolean, actor: Actor, cardSerial: string, action: DemoCardAction, requestId: string, now: Date,
): Promise<DemoCardAnswer> {
  const adminAction: ChangeAction = action === 'SUSPEND' ? 'DEMO_SUSPEND_CARD' : 'DEMO_EXPIRE_CARD';
  await guardDemoCard(db, demoMode, actor, adminAction, requestId, now);
  const lookup = lookupOf({ cardSerial });
  const before = await demoCardLifecycle(client, lookup);
  if (!before) throw new NotFoundError(NOT_FOUND);
  return db.transaction(async (tx) => {
    const after = { ...before, status: action === 'SUSPEND' ? 'SUSPENDED' : 'EXPIRED' };
    await recordChange(tx, actor, { action: adminAction, facilityCode: null, target: `card:${before.cardSerial}`, before, after }, requestId, now);
    // Last, so that a failure to record leaves the card untouched; a failure here rolls the record back.
    const changed = await demoCardLifecycle(client, { ...lookup, action });
    if (!changed) throw new NotFoundError(NOT_FOUND);
    return changed;
  });
}
