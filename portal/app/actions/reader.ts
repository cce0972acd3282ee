'use server';
import { gatewayMutation } from '@/lib/gateway';
import { ConfirmQualificationByCardMutation, StartReaderVerificationMutation, SubmitReaderStatementMutation } from '@/lib/graphql/facility';
import { currentSession } from '@/lib/session';
import { STAFF_ROLES, staffCapabilities } from '@/lib/staff';
import { demoReaderOf, isWellFormedCardSerial, signReaderStatement, signWithVirtualCard } from '@/lib/virtualCard';

/**
 * The demo kiosk plays the facility's registered card reader (docs/api-guide.md "Card readers"):
 * the patient places the card (types the demo serial), answers each question themselves, and confirms with
 * the card's PIN; only then does the server side of the kiosk sign a statement with the facility's demo
 * reader key, and that statement alone registers the answers. The staff session that opened the kiosk is
 * used only to name the facility and to run the clerk's qualification check, whose result goes to the
 * staff view (/clinic), not to the patient's screen.
 *
 * The demo reader offers PIN only: a browser cannot compare a face with the card's photo, and a "face OK"
 * button would let anyone at the kiosk answer for any card serial they type.
 */
export type Answer = 'yes' | 'no';
export interface Answers { drug: Answer; checkup: Answer }

export type ReaderState =
  | { step: 'card'; error?: 'CARD' | 'SERVICE_UNAVAILABLE' | 'STAFF_ONLY' | 'NO_READER' | 'NOT_USABLE' }
  | { step: 'consent'; cardSerial: string; error?: 'UNANSWERED' }
  | { step: 'pin'; cardSerial: string; answers: Answers; error?: 'WRONG_PIN' | 'LOCKED' | 'FAILED' | 'PIN_FORMAT'; triesLeft?: number }
  | { step: 'done'; drug: boolean; checkup: boolean };

async function kioskFacility(): Promise<{ token: string; facilityCode: string } | undefined> {
  const session = await currentSession();
  if (!session || !STAFF_ROLES.has(session.claims.role) || !session.claims.facilityCode) return undefined;
  return { token: session.token, facilityCode: session.claims.facilityCode };
}

function answerOf(value: FormDataEntryValue | null): Answer | undefined {
  return value === 'yes' || value === 'no' ? value : undefined;
}

/** Step 1: the card is placed (in the demo: its serial is typed). Nothing is sent yet. */
async function placeCard(formData: FormData): Promise<ReaderState> {
  const kiosk = await kioskFacility();
  if (!kiosk) return { step: 'card', error: 'STAFF_ONLY' };
  const cardSerial = String(formData.get('cardSerial') ?? '').trim().toUpperCase();
  if (!isWellFormedCardSerial(cardSerial)) return { step: 'card', error: 'CARD' };
  return { step: 'consent', cardSerial };
}

/** Step 2: the patient's own answers; each question must be answered (nothing is pre-selected). */
async function answer(formData: FormData): Promise<ReaderState> {
  const kiosk = await kioskFacility();
  if (!kiosk) return { step: 'card', error: 'STAFF_ONLY' };
  const cardSerial = String(formData.get('cardSerial') ?? '');
  if (!isWellFormedCardSerial(cardSerial)) return { step: 'card', error: 'CARD' };
  const drug = answerOf(formData.get('drug'));
  // A reader that does not ask about checkups (a pharmacy's — seed: 薬局には特定健診情報を提供しない, as the API's
  // policy says) records "no"; the server decides that from the policy, never from a field of the form.
  const checkup = (await staffCapabilities(kiosk.token)).readerAsksCheckups ? answerOf(formData.get('checkup')) : 'no';
  if (!drug || !checkup) return { step: 'consent', cardSerial, error: 'UNANSWERED' };
  return { step: 'pin', cardSerial, answers: { drug, checkup } };
}

/** Step 3: the PIN; the card signs the reader's nonce, the kiosk (as the reader) signs the statement. */
async function confirm(formData: FormData): Promise<ReaderState> {
  const kiosk = await kioskFacility();
  if (!kiosk) return { step: 'card', error: 'STAFF_ONLY' };
  const cardSerial = String(formData.get('cardSerial') ?? '');
  const drug = answerOf(formData.get('drug'));
  const checkup = answerOf(formData.get('checkup'));
  if (!isWellFormedCardSerial(cardSerial)) return { step: 'card', error: 'CARD' };
  if (!drug || !checkup) return { step: 'consent', cardSerial, error: 'UNANSWERED' };
  const answers = { drug, checkup };
  const pin = String(formData.get('pin') ?? '');
  if (!/^\d{4}$/.test(pin)) return { step: 'pin', cardSerial, answers, error: 'PIN_FORMAT' };
  const reader = demoReaderOf(kiosk.facilityCode);
  if (!reader) return { step: 'card', error: 'NO_READER' };
  const started = await gatewayMutation(StartReaderVerificationMutation, { readerId: reader.readerId, cardSerial });
  if (!started.ok) return { step: 'card', error: started.code === 'SERVICE_UNAVAILABLE' ? 'SERVICE_UNAVAILABLE' : 'NO_READER' };
  const { challengeId, challenge } = started.data.startReaderVerification;
  const statement = await signReaderStatement(reader, {
    challengeId, cardSerial, cardSignature: signWithVirtualCard(cardSerial, challenge), method: 'PIN', result: { pin }, consent: { drug: drug === 'yes', checkup: checkup === 'yes' },
  });
  const submitted = await gatewayMutation(SubmitReaderStatementMutation, { statement });
  if (!submitted.ok) {
    if (submitted.code === 'CARD_LOCKED') return { step: 'pin', cardSerial, answers, error: 'LOCKED' };
    if (submitted.code === 'CARD_NOT_USABLE') return { step: 'card', error: 'NOT_USABLE' };
    const triesLeft = submitted.extensions.triesLeft;
    if (typeof triesLeft === 'number') return { step: 'pin', cardSerial, answers, error: 'WRONG_PIN', triesLeft };
    return { step: 'pin', cardSerial, answers, error: 'FAILED' };
  }
  const verification = submitted.data.submitReaderStatement;
  // The clerk's qualification check: recorded for the facility, it appears in the staff view's list of today's
  // confirmations (/clinic), never on this screen. A refusal here changes nothing the patient answered.
  await gatewayMutation(ConfirmQualificationByCardMutation, { verificationToken: verification.verificationToken }, kiosk.token);
  return { step: 'done', drug: verification.drugAnswer, checkup: verification.checkupAnswer };
}

/** One entry point for the kiosk form: each step's form says which step it answers. */
export async function readerStep(_previous: ReaderState, formData: FormData): Promise<ReaderState> {
  switch (formData.get('step')) {
    case 'consent': return answer(formData);
    case 'pin': return confirm(formData);
    case 'restart': return { step: 'card' };
    default: return placeCard(formData);
  }
}
