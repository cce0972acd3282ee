/**
 * Refusals of a card that concern a known patient leave an access-log entry (the team's standard: every
 * denied access is logged): a wrong card signature, a locked card or a card that may not be used,
 * at the portal login or at a reader. The checks put the holder's patient id into the error's extensions;
 * this is the one place that logs it and takes it out again, so the caller never learns whether a serial
 * exists or whose it is.
 */
import { GraphQLError } from 'graphql';
import { OnshiError, type ErrorCode, type Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { appendAccessLog, type LoggedActor } from '../policy/decisionPoint';

/** Runs the card checks; a refusal naming a patient is logged (DENY, QUALIFICATION, reason = code[:reason]) and rethrown without the id. */
export async function logCardDenial<T>(db: Db<Tables>, actor: LoggedActor, requestId: string, now: Date, checks: () => Promise<T>): Promise<T> {
  try {
    return await checks();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const { patientId, ...extensions } = error.extensions;
    if (typeof patientId !== 'string') throw error;
    const code = String(extensions.code ?? 'BAD_USER_INPUT');
    const reason = typeof extensions.reason === 'string' ? `${code}:${extensions.reason}` : code === 'BAD_USER_INPUT' ? 'CARD_SIGNATURE_INVALID' : code;
    // Fail closed: if the denial cannot be logged the caller gets SERVICE_UNAVAILABLE — still a refusal.
    await appendAccessLog(db, actor, [{ patientId, category: 'QUALIFICATION', decision: 'DENY', reason, basisId: null, special: false }], requestId, now);
    const { code: _code, ...rest } = extensions;
    throw new OnshiError(code as ErrorCode, error.message, rest);
  }
}
