import { z } from 'zod';
import { CONSENT_FLAGS_PATH, INTERNAL_SECRET_HEADER, postToService, type Decision, type Logger } from '@onshi/kit';

/** Consent flags of the confirmation result: 0 なし / 1 あり / 2 期限切れ / 3 取得困難 (docs/domain.md "Confirmation at the counter (資格確認)"). */
export type ConsentFlag = '0' | '1' | '2' | '3';
export interface ConsentFlags {
  drug: ConsentFlag;
  checkup: ConsentFlag;
  available: boolean;
  /**
   * Answer without address and postcode (a DV/abuse registration, seed ※ in 2-2): known to this subgraph only, never
   * sent to a client, so that the confirmation looks exactly like that of a person with no address on file.
   */
  withholdAddress: boolean;
  /** Asked `withExpiry` only: until when each given consent lasts (ISO 8601), null for a flag other than 1. */
  expiresAt?: { drug: string | null; checkup: string | null };
}

const flag = z.enum(['0', '1', '2', '3']);
const visitFlagsSchema = z.object({ drug: flag, checkup: flag, withholdAddress: z.boolean() });
const responseSchema = visitFlagsSchema.extend({ expiresAt: z.object({ drug: z.iso.datetime().nullable(), checkup: z.iso.datetime().nullable() }).optional() });

/**
 * When the consent service cannot answer, the flags say 3 取得困難: never "consented" by default, and the address is
 * withheld since a DV/abuse registration cannot be ruled out (fail closed).
 */
export const UNAVAILABLE_FLAGS: ConsentFlags = { drug: '3', checkup: '3', available: false, withholdAddress: true };

export interface ConsentFlagsClientOptions {
  consentUrl: string;
  internalSecret: string;
  requestId: string;
  logger: Logger;
}

/** Asks the consent subgraph (docs/contracts.md contract 5) for this visit's drug / checkup consent flags. */
export async function fetchConsentFlags(options: ConsentFlagsClientOptions, patientId: string, facilityCode: string, ask: { withExpiry?: boolean } = {}): Promise<ConsentFlags> {
  try {
    const response = await postToService(new URL(CONSENT_FLAGS_PATH, options.consentUrl), {
      headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.internalSecret, 'x-request-id': options.requestId },
      body: JSON.stringify({ patientId, facilityCode, ...(ask.withExpiry === true ? { withExpiry: true } : {}) }),
      timeoutMs: 3_000,
    });
    if (!response.ok) {
      options.logger.warn({ status: response.status, requestId: options.requestId }, 'consent flags refused; answering 3 (取得困難)');
      return UNAVAILABLE_FLAGS;
    }
    const parsed = responseSchema.safeParse(await response.json());
    if (!parsed.success) {
      options.logger.warn({ requestId: options.requestId }, 'consent flags malformed; answering 3 (取得困難)');
      return UNAVAILABLE_FLAGS;
    }
    const { drug, checkup, withholdAddress, expiresAt } = parsed.data;
    return { drug, checkup, available: true, withholdAddress, ...(expiresAt ? { expiresAt } : {}) };
  } catch (error) {
    options.logger.warn({ err: error, requestId: options.requestId }, 'consent flags unavailable; answering 3 (取得困難)');
    return UNAVAILABLE_FLAGS;
  }
}

/**
 * The flags an allowed counter-confirmation decision carries (platform pdp.ts `consentFlags`): the decision point read the
 * consents for its decision and answers the flags from the same rows, so a confirmation asks consent once. Missing or
 * malformed → 3 and the address withheld, as when the flags route does not answer (fail closed).
 */
export function consentFlagsOfDecision(decision: Pick<Decision, 'consentFlags'>): ConsentFlags {
  const parsed = visitFlagsSchema.safeParse(decision.consentFlags);
  return parsed.success ? { ...parsed.data, available: true } : UNAVAILABLE_FLAGS;
}
