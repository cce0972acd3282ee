import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { preparedPerDatabase, type CardStatus, type Db } from '@onshi/kit';
import { cards, insurers, patients, qualifications, type Tables } from '../db/tables';

export type CardRow = typeof cards.$inferSelect;

/** The cards of a person (by 紐付番号), newest expiry first: a reissued card follows the one it replaced. */
export async function cardsOfPerson(db: Db<Tables>, linkageNumber: string): Promise<CardRow[]> {
  return db.select().from(cards).where(eq(cards.linkageNumber, linkageNumber)).orderBy(desc(cards.certificateExpiresOn), cards.serial);
}

/** A card and the id of the person its 紐付番号 names, if both exist. */
export async function cardWithHolder(db: Db<Tables>, cardSerial: string) {
  const [row] = await db.select({ card: cards, patientId: patients.id }).from(cards).innerJoin(patients, eq(patients.linkageNumber, cards.linkageNumber)).where(eq(cards.serial, cardSerial)).limit(1);
  return row ?? null;
}

const cardWithLinkedPatientQuery = preparedPerDatabase((db: Db<Tables>) => db.select({ card: cards, patientId: patients.id }).from(cards)
  .leftJoin(patients, eq(patients.linkageNumber, cards.linkageNumber)).where(eq(cards.serial, sql.placeholder('cardSerial'))).limit(1)
  .prepare('qualifications_card_status'));

/** A card and the id of its holder when one is linked (null otherwise): the card-status answer's read, asked before every use of a card (prepared). */
export async function cardWithLinkedPatient(db: Db<Tables>, cardSerial: string) {
  const [row] = await cardWithLinkedPatientQuery(db).execute({ cardSerial });
  return row ?? null;
}

const cardHolderCoverageQuery = preparedPerDatabase((db: Db<Tables>) => db.select({ card: cards, patient: patients, q: qualifications, insurerName: insurers.name })
  .from(cards)
  .leftJoin(patients, eq(patients.linkageNumber, cards.linkageNumber))
  .leftJoin(qualifications, eq(qualifications.patientId, patients.id))
  .leftJoin(insurers, eq(insurers.number, qualifications.insurerNumber))
  .where(eq(cards.serial, sql.placeholder('cardSerial')))
  .orderBy(desc(qualifications.qualificationDate))
  .prepare('qualifications_card_holder_coverage'));

/**
 * The card, its holder and the holder's coverage periods with their insurers' names, newest first, one row per
 * period (the 紐付番号 names one person), in one statement: the confirmation by card's read, on every reception
 * confirmation, so prepared (kit preparedPerDatabase).
 */
export async function cardHolderCoverage(db: Db<Tables>, cardSerial: string) {
  return cardHolderCoverageQuery(db).execute({ cardSerial });
}

/** Records 初回登録 once: a card already registered keeps its first date (no row changes, undefined). */
export async function markCardRegistered(db: Db<Tables>, serial: string): Promise<CardRow | undefined> {
  const [updated] = await db.update(cards).set({ registeredAt: new Date() }).where(and(eq(cards.serial, serial), isNull(cards.registeredAt))).returning();
  return updated;
}

/** Sets a card's status (LOST, SUSPENDED, EXPIRED, ACTIVE); undefined when there is no such card. */
export async function setCardStatus(db: Db<Tables>, serial: string, status: CardStatus): Promise<CardRow | undefined> {
  const [updated] = await db.update(cards).set({ status }).where(eq(cards.serial, serial)).returning();
  return updated;
}

/** Demo only: sets a card's certificate expiry (J-LIS's stand-in); the number of cards changed (0 or 1). */
export async function setCertificateExpiry(db: Db<Tables>, serial: string, expiresOn: string): Promise<number> {
  const updated = await db.update(cards).set({ certificateExpiresOn: expiresOn }).where(eq(cards.serial, serial)).returning({ serial: cards.serial });
  return updated.length;
}

/**
 * Demo only: the card named by its serial, or a person's card by their id (a reissued card follows the one it
 * replaced: the newest expiry is the holder's card), with its holder's id.
 */
export async function holderCard(db: Db<Tables>, by: { cardSerial: string } | { patientId: string }) {
  const where = 'cardSerial' in by ? eq(cards.serial, by.cardSerial) : eq(patients.id, by.patientId);
  const [found] = await db.select({ card: cards, patientId: patients.id }).from(cards).innerJoin(patients, eq(patients.linkageNumber, cards.linkageNumber))
    .where(where).orderBy(sql`${cards.certificateExpiresOn} desc nulls last`, cards.serial).limit(1);
  return found ?? null;
}
