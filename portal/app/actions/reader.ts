'use server';
import { cookies } from 'next/headers';
import { gatewayMutation } from '@/lib/gateway';
import {
  CompleteReaderVerificationMutation, ConfirmQualificationByCardMutation, RegisterVisitConsentMutation, StartReaderVerificationMutation,
} from '@/lib/graphql/facility';
import type { QualificationResultFieldsFragment } from '@/lib/graphql/generated/graphql';
import { currentSession } from '@/lib/session';
import { STAFF_ROLES } from '@/lib/staff';
import { isWellFormedCardSerial, signWithVirtualCard } from '@/lib/virtualCard';

/** The 10-minute verification token stays on the server side of the kiosk (httpOnly cookie), never in page state. */
const VERIFICATION_COOKIE = 'onshi_reader_verification';

export type ReaderState =
  | { step: 'card'; error?: 'CARD' | 'EXPIRED' | 'UNAVAILABLE' | 'STAFF_ONLY' }
  | { step: 'method'; cardSerial: string; error?: 'WRONG_PIN' | 'LOCKED' | 'FAILED' | 'PIN_FORMAT'; triesLeft?: number }
  | { step: 'consent'; cardSerial: string; error?: 'FAILED' }
  | { step: 'done'; result: QualificationResultFieldsFragment };

async function staffToken(): Promise<string | undefined> {
  const session = await currentSession();
  return session && STAFF_ROLES.has(session.claims.role) ? session.token : undefined;
}

/** Step 1: the card is placed (in the demo: its serial is typed). */
async function readerPlaceCard(_previous: ReaderState, formData: FormData): Promise<ReaderState> {
  if (!(await staffToken())) return { step: 'card', error: 'STAFF_ONLY' };
  const cardSerial = String(formData.get('cardSerial') ?? '').trim().toUpperCase();
  if (!isWellFormedCardSerial(cardSerial)) return { step: 'card', error: 'CARD' };
  return { step: 'method', cardSerial };
}

/** Step 2: face or PIN; the card signs a fresh challenge only now, so the 2-minute challenge cannot lapse while the patient chooses. */
async function readerVerify(_previous: ReaderState, formData: FormData): Promise<ReaderState> {
  const token = await staffToken();
  if (!token) return { step: 'card', error: 'STAFF_ONLY' };
  const cardSerial = String(formData.get('cardSerial') ?? '');
  const method = formData.get('method') === 'PIN' ? 'PIN' : 'FACE';
  const pin = method === 'PIN' ? String(formData.get('pin') ?? '') : null;
  if (!isWellFormedCardSerial(cardSerial)) return { step: 'card', error: 'CARD' };
  if (pin !== null && !/^\d{4}$/.test(pin)) return { step: 'method', cardSerial, error: 'PIN_FORMAT' };
  const started = await gatewayMutation(StartReaderVerificationMutation, { cardSerial }, token);
  if (!started.ok) return started.code === 'CARD_LOCKED' ? { step: 'method', cardSerial, error: 'LOCKED' } : { step: 'card', error: started.code === 'UNAVAILABLE' ? 'UNAVAILABLE' : 'CARD' };
  const signature = signWithVirtualCard(cardSerial, started.data.startReaderVerification.challenge);
  const completed = await gatewayMutation(CompleteReaderVerificationMutation, { challengeId: started.data.startReaderVerification.challengeId, method, pin, signature }, token);
  if (!completed.ok) {
    if (completed.code === 'CARD_LOCKED') return { step: 'method', cardSerial, error: 'LOCKED' };
    const triesLeft = completed.extensions.triesLeft;
    if (typeof triesLeft === 'number') return { step: 'method', cardSerial, error: 'WRONG_PIN', triesLeft };
    return { step: 'method', cardSerial, error: 'FAILED' };
  }
  const verification = completed.data.completeReaderVerification;
  (await cookies()).set(VERIFICATION_COOKIE, verification.verificationToken, { httpOnly: true, sameSite: 'strict', path: '/', expires: new Date(verification.expiresAt) });
  return { step: 'consent', cardSerial };
}

/** Step 3: the patient's answers, then the clerk's qualification check with the same verification. */
async function readerConsent(_previous: ReaderState, formData: FormData): Promise<ReaderState> {
  const token = await staffToken();
  if (!token) return { step: 'card', error: 'STAFF_ONLY' };
  const jar = await cookies();
  const verificationToken = jar.get(VERIFICATION_COOKIE)?.value;
  if (!verificationToken) return { step: 'card', error: 'EXPIRED' };
  const drug = formData.get('drug') === 'yes';
  const checkup = formData.get('checkup') === 'yes';
  const consent = await gatewayMutation(RegisterVisitConsentMutation, { verificationToken, drug, checkup }, token);
  if (!consent.ok) return { step: 'consent', cardSerial: String(formData.get('cardSerial') ?? ''), error: 'FAILED' };
  const confirmed = await gatewayMutation(ConfirmQualificationByCardMutation, { verificationToken }, token);
  jar.delete(VERIFICATION_COOKIE);
  if (!confirmed.ok) return { step: 'card', error: confirmed.code === 'UNAVAILABLE' ? 'UNAVAILABLE' : 'EXPIRED' };
  // The facility's list of today's confirmations comes from the API (confirmationsAtMyFacilityToday), not this browser.
  return { step: 'done', result: confirmed.data.confirmQualificationByCard };
}

/** One entry point for the kiosk form: each step's form says which step it answers. */
export async function readerStep(previous: ReaderState, formData: FormData): Promise<ReaderState> {
  switch (formData.get('step')) {
    case 'method': return readerVerify(previous, formData);
    case 'consent': return readerConsent(previous, formData);
    case 'restart': return { step: 'card' };
    default: return readerPlaceCard(previous, formData);
  }
}
