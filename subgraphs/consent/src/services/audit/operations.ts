import type { Operation } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { verifyAccessLog } from './checkpoints';

/** `pnpm audit:verify`: every hash chain of the access log against the latest checkpoint; exit 1 when one is broken. */
export const auditVerifyOperation: Operation<Tables> = async (db) => {
  const verification = await verifyAccessLog(db);
  return { result: verification, exitCode: verification.ok ? 0 : 1 };
};

/** Served by the running consent service at /internal/operations/<name> (kit operations.ts). */
export const consentOperations: Record<string, Operation<Tables>> = { 'audit-verify': auditVerifyOperation };
