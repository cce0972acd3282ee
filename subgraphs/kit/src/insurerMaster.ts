/**
 * The insurer master, one writer (docs/operations.md "Registering an insurer"): the operator registers an
 * insurer in consent (with its first operator account, its enrollment link and the admin record, in one transaction);
 * qualifications keeps the master every confirmation, 資格取得 and insurer change reads the insurer's name from
 * (its `insurers` table). Consent enters the insurer there through this internal call inside its own transaction,
 * before committing: if qualifications cannot take it, the registration fails and nothing is stored in consent.
 * The call is idempotent (same number, same row), so a consent transaction that fails after it leaves at most a
 * master row with no account, which a registration with the same number simply overwrites.
 */
import { z } from 'zod';
import { bilingual, isValidInsurerNumber, OnshiError, postToService, INSURER_MASTER_PATH, INTERNAL_SECRET_HEADER } from '@onshi/platform';

export const INSURER_KINDS = ['KYOKAI', 'KUMIAI', 'KYOSAI', 'KOKUHO', 'KOUKI'] as const;
export type InsurerKindCode = (typeof INSURER_KINDS)[number];

export const insurerMasterRequest = z.object({
  number: z.string().refine(isValidInsurerNumber),
  name: z.string().min(1).max(200),
  kind: z.enum(INSURER_KINDS),
  prefecture: z.string().regex(/^\d{2}$/),
});
export type InsurerMasterEntry = z.infer<typeof insurerMasterRequest>;

export interface InsurerMasterClientOptions { qualificationsUrl: string; internalSecret: string; requestId?: string }

/** Enters (or overwrites) an insurer in qualifications' master. Throws SERVICE_UNAVAILABLE when it was not taken. */
export async function putInsurerMaster(options: InsurerMasterClientOptions, entry: InsurerMasterEntry): Promise<void> {
  const unavailable = () => new OnshiError('SERVICE_UNAVAILABLE', bilingual('The insurer master could not be updated; nothing was registered, try again', '保険者マスタを更新できませんでした。登録されていません'));
  try {
    const response = await postToService(new URL(INSURER_MASTER_PATH, options.qualificationsUrl), {
      headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.internalSecret, ...(options.requestId ? { 'x-request-id': options.requestId } : {}) },
      body: JSON.stringify(entry),
      timeoutMs: 5_000,
    });
    if (!response.ok) throw unavailable();
  } catch (error) {
    if (error instanceof OnshiError) throw error;
    throw unavailable();
  }
}
