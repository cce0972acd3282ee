import { isCalendarDate } from '@onshi/kit';
// Opaque cursors for the newest-first dispensing list: the position (date, claim id, line) of the last
// item a client saw, base64url-encoded so clients do not build them.
import type { DispensingPosition } from '../store/drugReads';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(position: DispensingPosition): string {
  return Buffer.from(JSON.stringify([position.date, position.claimId, position.lineNo])).toString('base64url');
}

/** The position in a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): DispensingPosition | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [date, claimId, lineNo]: unknown[] = parsed;
  if (typeof date !== 'string' || !isCalendarDate(date)) return undefined;
  if (typeof claimId !== 'string' || !UUID_PATTERN.test(claimId)) return undefined;
  if (typeof lineNo !== 'number' || !Number.isSafeInteger(lineNo) || lineNo < 0) return undefined;
  return { date, claimId, lineNo };
}
