import { bigint, boolean, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const consentSchema = pgSchema('consent');

/** Login accounts of staff, operators, insurers and patients' portal identities (demo accounts are seeded). */
export const accounts = consentSchema.table('accounts', {
  account: text('account').primaryKey(),
  role: text('role').notNull(),
  /** Staff ID printed on the staff member's badge; with facilityCode (null for operators and insurers) it is the login name. */
  staffId: text('staff_id'),
  subject: text('subject').notNull(),
  displayName: text('display_name').notNull(),
  facilityCode: text('facility_code'),
  facilityKind: text('facility_kind'),
  patientId: text('patient_id'),
  insurerNumber: text('insurer_number'),
  passwordHash: text('password_hash'),
  /** The TOTP seed, sealed with AES-256-GCM under a key kept outside the database (secretBox.ts). */
  totpSecret: text('totp_secret'),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastTotpStep: bigint('last_totp_step', { mode: 'number' }),
  /** May enroll and disable the staff of its own facility and see its readers (docs/operations.md "Taking a new facility into use"). */
  facilityAdmin: boolean('facility_admin').notNull().default(false),
  /** A disabled account cannot log in; it stays for the record of what it did. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('accounts_facility_staff_idx').on(t.facilityCode, t.staffId),
  // Operators and insurers log in without a facility code: their staff ID alone names the account (migration 0010).
  uniqueIndex('accounts_nonfacility_staff_idx').on(t.staffId).where(sql`${t.facilityCode} IS NULL AND ${t.staffId} IS NOT NULL`),
]);

/**
 * Facilities taken into use by the operator: the registry that decides for which facility readers and
 * staff may be registered. The demo facilities are entered at every demo start (seed.ts ensureDemoFacilities).
 */
export const facilities = consentSchema.table('facilities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** MEDICAL 医科, DENTAL 歯科 or PHARMACY 調剤: always the kind the code's table digit says. */
  kind: text('kind').notNull(),
  /** JIS X 0401 code, always the code's first two digits. */
  prefecture: text('prefecture').notNull(),
  /** 病院 (20 beds or more) rather than 診療所; a hospital is also entered in `hospitals` (emergency access). */
  hospital: boolean('hospital').notNull(),
  registeredBy: text('registered_by').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});

/**
 * Insurers registered by the operator (services/operator/insurers.ts, docs/operations.md "Registering an insurer"):
 * the registry of who may have insurer accounts. qualifications holds the insurer master that confirmations read
 * (kit insurerMaster.ts); consent enters each registration there in the same request. The demo insurers are entered
 * at every demo start (seed.ts ensureDemoInsurers).
 */
export const insurers = consentSchema.table('insurers', {
  /** 保険者番号: 6 digits (国保) or 8 (法別番号 first), check digit verified (platform codes.ts). */
  number: text('number').primaryKey(),
  name: text('name').notNull(),
  /** KYOKAI, KUMIAI, KYOSAI, KOKUHO or KOUKI (kit insurerMaster.ts INSURER_KINDS). */
  kind: text('kind').notNull(),
  /** JIS X 0401 code, always the one the number says. */
  prefecture: text('prefecture').notNull(),
  registeredBy: text('registered_by').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});

/**
 * Applications to the 医療情報化支援基金 (services/operator/subsidy.ts, docs/operations.md "Subsidy"): what a facility
 * spent to go live (yen, tax included), the amount one named rule version grants for it, the operator's review and
 * the payment. Status SUBMITTED → APPROVED → PAID, or SUBMITTED → REJECTED (with a reason).
 */
export const subsidyApplications = consentSchema.table('subsidy_applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  facilityCode: text('facility_code').notNull(),
  /** The rule version the amount was computed by (subsidy.ts SUBSIDY_RULE_VERSION). */
  ruleVersion: text('rule_version').notNull(),
  /** HOSPITAL, CLINIC, PHARMACY or LARGE_CHAIN_PHARMACY: the row of the rule table applied. */
  category: text('category').notNull(),
  systemCost: integer('system_cost').notNull(),
  networkCost: integer('network_cost').notNull(),
  readerCost: integer('reader_cost').notNull(),
  otherCost: integer('other_cost').notNull(),
  readersBought: integer('readers_bought').notNull(),
  /** Declared by the pharmacy (group receives 40,000 or more prescriptions a month); checked by the operator's review. */
  largeChainPharmacy: boolean('large_chain_pharmacy').notNull(),
  /** YYYY-MM-DD: the day the facility started confirmations. */
  wentLiveOn: text('went_live_on').notNull(),
  subsidyAmount: integer('subsidy_amount').notNull(),
  status: text('status').notNull(),
  rejectionReason: text('rejection_reason'),
  submittedBy: text('submitted_by').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  reviewedBy: text('reviewed_by'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  paidBy: text('paid_by'),
  paidAt: timestamp('paid_at', { withTimezone: true }),
}, (t) => [index('subsidy_applications_facility_idx').on(t.facilityCode, t.submittedAt), uniqueIndex('subsidy_applications_open_idx').on(t.facilityCode).where(sql`"status" <> 'REJECTED'`)]);

/**
 * One-time enrollment links of staff accounts: only the sha256 of the token is kept. The first use sets
 * the password and draws a TOTP secret (sealed, pending); the account can log in only once a first code confirmed it.
 */
export const staffEnrollments = consentSchema.table('staff_enrollments', {
  tokenHash: text('token_hash').primaryKey(),
  account: text('account').notNull(),
  pendingTotpSecret: text('pending_totp_secret'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [index('staff_enrollments_account_idx').on(t.account)]);

/**
 * What an admin action changed, before and after: append-only like the access log, whose entry for the
 * action names this row as its basis. Secrets (password hashes, TOTP seeds, tokens) are never part of it.
 */
export const adminChanges = consentSchema.table('admin_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorRole: text('actor_role').notNull(),
  actorSubject: text('actor_subject').notNull(),
  facilityCode: text('facility_code'),
  action: text('action').notNull(),
  target: text('target').notNull(),
  before: jsonb('before').$type<Record<string, unknown>>(),
  after: jsonb('after').$type<Record<string, unknown>>(),
}, (t) => [index('admin_changes_facility_at_idx').on(t.facilityCode, t.at), index('admin_changes_target_at_idx').on(t.target, t.at)]);

/** Virtual My Number Cards: the user certificate's public key and the PIN's scrypt hash, never the PIN. */
export const cards = consentSchema.table('cards', {
  serial: text('serial').primaryKey(),
  patientId: text('patient_id').notNull(),
  publicKey: text('public_key').notNull(),
  pinHash: text('pin_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
}, (t) => [index('cards_patient_idx').on(t.patientId)]);

/**
 * Single-use challenges for card logins (purpose LOGIN) and facility card readers (purpose READER, bound
 * to the facility that started it), so a login signature can never be replayed at a reader or elsewhere.
 */
export const cardChallenges = consentSchema.table('card_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  cardSerial: text('card_serial').notNull(),
  purpose: text('purpose').notNull(),
  facilityCode: text('facility_code'),
  challenge: text('challenge').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * Card readers (顔認証付きカードリーダー) registered for a facility: each has its own Ed25519 key
 * pair; only the public key is kept. Consent is registered only from a statement signed by an ACTIVE
 * reader of the facility (readers.ts). Retired readers stay for the record of what they signed.
 */
export const cardReaders = consentSchema.table('card_readers', {
  id: text('id').primaryKey(),
  facilityCode: text('facility_code').notNull(),
  /** The public key as a JWK (`{ kty: 'OKP', crv: 'Ed25519', x }`), JSON text. */
  publicKey: text('public_key').notNull(),
  /** ACTIVE, SUSPENDED or RETIRED. */
  status: text('status').notNull(),
  label: text('label'),
  registeredBy: text('registered_by').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
}, (t) => [index('card_readers_facility_idx').on(t.facilityCode)]);

/**
 * One verification at a reader: what the reader signed (method, its result, the patient's answers) and
 * which consents it registered. `challengeId` is unique: a statement is accepted once (replay refused).
 */
export const readerVerifications = consentSchema.table('reader_verifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  challengeId: uuid('challenge_id').notNull().unique(),
  readerId: text('reader_id').notNull(),
  facilityCode: text('facility_code').notNull(),
  patientId: text('patient_id').notNull(),
  cardSerial: text('card_serial').notNull(),
  method: text('method').notNull(),
  /** VISUAL: the staff member the reader says attested the visual check (recorded as such, not a proof). */
  attestedBy: text('attested_by'),
  drugAnswer: boolean('drug_answer').notNull(),
  checkupAnswer: boolean('checkup_answer').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
}, (t) => [index('reader_verifications_patient_idx').on(t.patientId, t.verifiedAt)]);

/** Per-visit consent given at a facility's card reader, one row per category (docs/domain.md "Consent (同意) — the core rule"). */
export const consents = consentSchema.table('consents', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: text('patient_id').notNull(),
  facilityCode: text('facility_code').notNull(),
  category: text('category').notNull(),
  method: text('method').notNull(),
  /** The reader verification that carried the patient's answer (null: demo seed, or registered before readers signed statements). */
  verificationId: uuid('verification_id'),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('consents_patient_facility_idx').on(t.patientId, t.facilityCode, t.registeredAt)]);

/**
 * PHR apps registered by the operator (docs/operations.md "PHR apps"): the secret is kept only as its scrypt hash
 * (card.ts hashSecret); `scopes` are the data categories the app may ask a patient for; a disabled app gets no token
 * and reads nothing under the grants it holds.
 */
export const phrApps = consentSchema.table('phr_apps', {
  clientId: text('client_id').primaryKey(),
  /** The display name patients see in PHR連携 and 提供状況. */
  name: text('name').notNull(),
  /** The company that runs the app, shown next to its name. */
  operatorName: text('operator_name').notNull().default(''),
  secretHash: text('secret_hash').notNull(),
  scopes: text('scopes').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

export const phrGrants = consentSchema.table('phr_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: text('patient_id').notNull(),
  appId: text('app_id').notNull(),
  categories: text('categories').array().notNull(),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('phr_grants_patient_idx').on(t.patientId), index('phr_grants_app_idx').on(t.appId)]);

/** DV・虐待被害者: while a block stands, no facility or PHR app gets anything (docs/domain.md "DV and abuse victims, seed 2-2 ※"). */
export const dvBlocks = consentSchema.table('dv_blocks', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: text('patient_id').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  registeredBy: text('registered_by').notNull(),
  /** The registering actor's role (INSURER or ADMIN) and the reference of the person's request (申出の受付番号等). */
  registeredByRole: text('registered_by_role').notNull().default('ADMIN'),
  requestReference: text('request_reference').notNull().default(''),
  liftedAt: timestamp('lifted_at', { withTimezone: true }),
  liftedBy: text('lifted_by'),
  liftedByRole: text('lifted_by_role'),
  liftReference: text('lift_reference'),
}, (t) => [index('dv_blocks_patient_idx').on(t.patientId)]);

export const disasters = consentSchema.table('disasters', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  prefectures: text('prefectures').array().notNull(),
  facilityCodes: text('facility_codes').array(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  declaredBy: text('declared_by').notNull(),
});

/**
 * The access log (「医療保険情報の提供状況」): append-only (triggers in the migration reject UPDATE,
 * DELETE and TRUNCATE) and hash-chained per partition of patients (docs/architecture.md "Data").
 */
export const accessLog = consentSchema.table('access_log', {
  partition: integer('partition').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorRole: text('actor_role').notNull(),
  actorSubject: text('actor_subject').notNull(),
  facilityCode: text('facility_code'),
  patientId: text('patient_id').notNull(),
  category: text('category').notNull(),
  decision: text('decision').notNull(),
  reason: text('reason').notNull(),
  basisId: text('basis_id'),
  special: boolean('special').notNull().default(false),
  requestId: text('request_id').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [primaryKey({ columns: [t.partition, t.seq] }), index('access_log_patient_at_idx').on(t.patientId, t.at), index('access_log_facility_at_idx').on(t.facilityCode, t.at)]);

/** The current head of each partition's chain; its row lock serialises appends to one chain only. */
export const auditHeads = consentSchema.table('audit_heads', {
  partition: integer('partition').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Periodic checkpoints of every chain head, so that truncating a chain is detected too. */
export const auditCheckpoints = consentSchema.table('audit_checkpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  heads: jsonb('heads').$type<Array<{ partition: number; seq: number; hash: string }>>().notNull(),
});

/**
 * Refresh tokens, stored as sha256 only; rotated on every use (the old one is revoked and names its
 * successor), revoked on logout. `claims` are the actor claims to re-issue, re-checked on refresh.
 */
export const refreshTokens = consentSchema.table('refresh_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  claims: jsonb('claims').$type<Record<string, unknown>>().notNull(),
  displayName: text('display_name').notNull(),
  /** For a PHR app's session: revoking the grant revokes these. */
  grantId: uuid('grant_id'),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  replacedBy: uuid('replaced_by'),
}, (t) => [index('refresh_tokens_grant_idx').on(t.grantId)]);

/**
 * The identity data the 4-field disaster search needs (name, birth date, sex, insurer name or address;
 * seed (3) 災害時: 氏名・生年月日・性別・保険者名又は住所). The qualifications subgraph owns identity; this
 * is a search index filled from the same source (demo seed), so that consent can answer the search
 * without a round trip per candidate and insurers can be checked against a patient's history.
 */
export const identityIndex = consentSchema.table('identity_index', {
  patientId: text('patient_id').primaryKey(),
  name: text('name').notNull(),
  nameKana: text('name_kana').notNull(),
  /** Name and kana with every space removed: what the search compares. */
  nameKey: text('name_key').notNull(),
  kanaKey: text('kana_key').notNull(),
  birthdate: text('birthdate').notNull(),
  sex: text('sex').notNull(),
  address: text('address').notNull(),
  insurerNames: text('insurer_names').array().notNull(),
  insurerNumbers: text('insurer_numbers').array().notNull(),
  /** 紐付番号: how an insurer names its member (qualifications' insurer operations use it too). */
  linkageNumber: text('linkage_number'),
  /** The insurer of the newest coverage: the one a DV/abuse request is made to (docs/domain.md "DV"). */
  currentInsurerNumber: text('current_insurer_number'),
}, (t) => [index('identity_index_birthdate_sex_idx').on(t.birthdate, t.sex), uniqueIndex('identity_index_linkage_number_idx').on(t.linkageNumber)]);

/**
 * A patient identified by the 4-field search at a facility during a disaster (seed 2-1(3)). It opens nothing by
 * itself: the facility's reads open once the patient's separate consent (CONSENT: given orally, attested by the
 * staff member) or the exemption (EXEMPTION: cannot express their will, needed to protect life or body; with its
 * reason) is recorded, once, by whom and when (docs/domain.md "Disaster").
 */
export const disasterIdentifications = consentSchema.table('disaster_identifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  disasterId: uuid('disaster_id').notNull(),
  facilityCode: text('facility_code').notNull(),
  patientId: text('patient_id').notNull(),
  actorSubject: text('actor_subject').notNull(),
  identifiedAt: timestamp('identified_at', { withTimezone: true }).notNull(),
  /** CONSENT or EXEMPTION; null until one is recorded. */
  basis: text('basis'),
  /** The exemption's reason (required for EXEMPTION). */
  basisReason: text('basis_reason'),
  basisRecordedBy: text('basis_recorded_by'),
  basisRecordedAt: timestamp('basis_recorded_at', { withTimezone: true }),
}, (t) => [index('disaster_identifications_patient_idx').on(t.patientId, t.facilityCode)]);

/**
 * Viewing authorities granted to one staff account at its facility by the operator (policy.ts ViewingAuthority):
 * DISASTER_VIEWING (災害時に閲覧権限が与えられた者; for one declaration when disasterId is set) and
 * EMERGENCY_VIEWING (救急時閲覧権限, hospitals only). Read at decision time, never carried in a token.
 */
export const viewingAuthorities = consentSchema.table('viewing_authorities', {
  id: uuid('id').primaryKey().defaultRandom(),
  subject: text('subject').notNull(),
  facilityCode: text('facility_code').notNull(),
  authority: text('authority').notNull(),
  disasterId: uuid('disaster_id'),
  grantedBy: text('granted_by').notNull(),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('viewing_authorities_subject_idx').on(t.subject, t.facilityCode)]);

/**
 * Facilities registered by the operator as hospitals (病院: 20 beds or more, 医療法 1条の5) for emergency access
 * (docs/domain.md "Emergency access"). The facility code says medical, dental or pharmacy, not hospital or clinic.
 */
export const hospitals = consentSchema.table('hospitals', {
  facilityCode: text('facility_code').primaryKey(),
  name: text('name').notNull(),
  registeredBy: text('registered_by').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});

/** An emergency access (救急時医療情報閲覧) opened at a hospital for one patient, with its reason, for a bounded time. */
export const emergencyAccesses = consentSchema.table('emergency_accesses', {
  id: uuid('id').primaryKey().defaultRandom(),
  facilityCode: text('facility_code').notNull(),
  patientId: text('patient_id').notNull(),
  actorSubject: text('actor_subject').notNull(),
  /** CARD or FOUR_FIELDS. */
  identifiedBy: text('identified_by').notNull(),
  reason: text('reason').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('emergency_accesses_patient_idx').on(t.patientId, t.facilityCode)]);

/**
 * Every disaster or emergency search, found or not (append-only, like the access log). A search that finds nobody
 * has no patient, so it cannot be chained in a patient's partition of the access log; it is kept here instead.
 * Outcomes: FOUND, NOT_FOUND (nobody or several), BLOCKED (the one match is DV-blocked: answered as NOT_FOUND, only
 * the operator sees this row), REFUSED (no authority or no declaration), RATE_LIMITED, BAD_INPUT.
 */
export const searchLog = consentSchema.table('search_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  kind: text('kind').notNull(),
  actorRole: text('actor_role').notNull(),
  actorSubject: text('actor_subject').notNull(),
  facilityCode: text('facility_code'),
  outcome: text('outcome').notNull(),
  patientId: text('patient_id'),
  requestId: text('request_id').notNull(),
}, (t) => [index('search_log_facility_at_idx').on(t.facilityCode, t.at)]);

/**
 * How far a person has read their portal notices (お知らせ): every notice at or before read_through is read.
 * One row per person, moved forward only; the notices themselves are derived from the access log and consents.
 */
export const noticeReads = consentSchema.table('notice_reads', {
  patientId: text('patient_id').primaryKey(),
  readThrough: timestamp('read_through', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Ended access tokens (their `jti`) until they would have expired, when there is no Redis (the embedded default):
 * a logout must survive a restart of consent, or a stolen token of a logged-out session would work again for the
 * rest of its 15 minutes (services/identity/revokedTokens.ts; docs/operations.md "Replicas and shared state").
 */
export const revokedTokens = consentSchema.table('revoked_tokens', {
  jti: text('jti').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('revoked_tokens_expires_idx').on(t.expiresAt)]);

export const tables = { revokedTokens, noticeReads, accounts, facilities, insurers, subsidyApplications, staffEnrollments, adminChanges, cards, cardChallenges, cardReaders, readerVerifications, consents, phrApps, phrGrants, dvBlocks, disasters, accessLog, auditHeads, auditCheckpoints, refreshTokens, identityIndex, disasterIdentifications, viewingAuthorities, hospitals, emergencyAccesses, searchLog };
export type Tables = typeof tables;
