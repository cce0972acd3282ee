/**
 * Registering an insurer (docs/operations.md "Registering an insurer"): the operator registers an insurer
 * (保険者番号 with check digit, name, kind, prefecture) and its first operator account, which gets a one-time enrollment
 * link and enrolls exactly as facility staff do (onboarding.ts startEnrollment / confirmEnrollment). The account is an
 * INSURER account carrying the insurer's number: it reads what insurer accounts read, for its own insurer only (kit
 * policy.ts, which decides on the account's insurerNumber).
 *
 * Consent keeps the registry (who may have insurer accounts) and the admin record; qualifications keeps the insurer
 * master that confirmations, 資格取得 and insurer changes read names from (kit insurerMaster.ts). The master row is
 * written through qualifications' internal route inside consent's transaction, before the commit: if it cannot be
 * written nothing is registered, and if consent's commit fails afterwards the idempotent master row is harmless.
 */
import { bilingual, BadUserInputError, isPrefectureCode, isValidInsurerNumber, putInsurerMaster, type Actor, type Db, type InsurerKindCode, type InsurerMasterEntry } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { accountWithoutFacility, insertAccountIfNew, type AccountRow } from '../../store/accounts';
import { insertInsurerIfNew, insurersNewestFirst, type InsurerRow } from '../../store/insurers';
import { accountRecord, newEnrollment, recordChange, requireOperator, validDisplayName, validateStaffId, type Enrollment } from './onboarding';

export type { InsurerRow };

/**
 * 法別番号 (the first two of eight digits) → the kind of insurer, and whether digits 3–4 are the prefecture
 * (都道府県番号). Six-digit numbers are 国保 with the prefecture first. Public-servant mutual aid numbers (共済) carry
 * a ministry or association code there instead, so their prefecture is given, not derived.
 */
const HOUBETSU: Record<string, { kind: InsurerKindCode; prefectureInNumber: boolean }> = {
  '01': { kind: 'KYOKAI', prefectureInNumber: true }, // 協会けんぽ
  '02': { kind: 'KYOKAI', prefectureInNumber: true }, // 船員保険 (run by 協会けんぽ)
  '03': { kind: 'KYOKAI', prefectureInNumber: true }, // 日雇特例被保険者 一般療養
  '04': { kind: 'KYOKAI', prefectureInNumber: true }, // 日雇特例被保険者 特別療養費
  '06': { kind: 'KUMIAI', prefectureInNumber: true }, // 組合管掌健康保険
  '07': { kind: 'KYOSAI', prefectureInNumber: false }, // 防衛省職員給与法による自衛官等
  '31': { kind: 'KYOSAI', prefectureInNumber: false }, // 国家公務員共済組合
  '32': { kind: 'KYOSAI', prefectureInNumber: false }, // 地方公務員等共済組合
  '33': { kind: 'KYOSAI', prefectureInNumber: false }, // 警察共済組合
  '34': { kind: 'KYOSAI', prefectureInNumber: false }, // 公立学校共済組合・日本私立学校振興・共済事業団
  '39': { kind: 'KOUKI', prefectureInNumber: true }, // 後期高齢者医療広域連合
  '63': { kind: 'KUMIAI', prefectureInNumber: true }, // 特定健康保険組合 (特例退職被保険者)
  '72': { kind: 'KYOSAI', prefectureInNumber: false }, // 国家公務員共済組合 (特例退職)
  '73': { kind: 'KYOSAI', prefectureInNumber: false }, // 地方公務員等共済組合 (特例退職)
  '74': { kind: 'KYOSAI', prefectureInNumber: false }, // 警察共済組合 (特例退職)
  '75': { kind: 'KYOSAI', prefectureInNumber: false }, // 公立学校共済組合・私学共済 (特例退職)
};

export interface InsurerInput { number: string; name: string; kind?: string | null; prefecture?: string | null }

/**
 * One validator for an insurer: the number's check digit is platform codes.ts isValidInsurerNumber (the one every
 * subgraph uses); the kind and prefecture, when the number says them, must be those (a typo in one is caught by
 * the other) and are taken from the number when left out.
 */
export function validateInsurer(input: InsurerInput): InsurerMasterEntry {
  const number = input.number.trim();
  if (!isValidInsurerNumber(number)) {
    throw new BadUserInputError(bilingual('number is not a valid 保険者番号 (6 digits for 国保, 8 digits starting with the 法別番号, last digit the check digit)', '保険者番号が正しくありません'), { field: 'number', reason: 'INVALID_INSURER_NUMBER' });
  }
  const rule = number.length === 6 ? { kind: 'KOKUHO' as const, prefectureInNumber: true } : HOUBETSU[number.slice(0, 2)];
  if (!rule) throw new BadUserInputError(bilingual(`法別番号 ${number.slice(0, 2)} is not one of a health insurer`, '法別番号が医療保険者のものではありません'), { field: 'number', reason: 'UNKNOWN_HOUBETSU' });
  const kind = input.kind ? input.kind : rule.kind;
  if (kind !== rule.kind) throw new BadUserInputError(bilingual(`The number is of a ${rule.kind} insurer, not ${kind}`, '保険者番号と保険者の種別が一致しません'), { field: 'kind', reason: 'INSURER_KIND_MISMATCH' });
  const numberPrefecture = number.length === 6 ? number.slice(0, 2) : number.slice(2, 4);
  const prefecture = input.prefecture ? input.prefecture : rule.prefectureInNumber ? numberPrefecture : '';
  if (!isPrefectureCode(prefecture)) throw new BadUserInputError(bilingual('prefecture must be a code 01–47', '都道府県コードが正しくありません'), { field: 'prefecture', reason: 'INSURER_PREFECTURE' });
  if (rule.prefectureInNumber && prefecture !== numberPrefecture) throw new BadUserInputError(bilingual('The number belongs to another prefecture', '保険者番号の都道府県が一致しません'), { field: 'prefecture', reason: 'INSURER_PREFECTURE' });
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw new BadUserInputError(bilingual('name must have 1 to 200 characters', '名称を入力してください'), { field: 'name' });
  return { number, name, kind, prefecture };
}

export function insurerRecord(row: InsurerRow): Record<string, unknown> {
  return { number: row.number, name: row.name, kind: row.kind, prefecture: row.prefecture };
}

export interface RegisteredInsurer { insurer: InsurerRow; administrator: AccountRow; enrollment: Enrollment }
export interface MasterClient { qualificationsUrl: string; internalSecret: string; requestId: string }

export async function registerInsurer(
  db: Db<Tables>, master: MasterClient, actor: Actor, input: InsurerInput, administrator: { staffId: string; displayName: string }, requestId: string, now: Date,
): Promise<RegisteredInsurer> {
  await requireOperator(db, actor, 'REGISTER_INSURER', null, requestId, now);
  const valid = validateInsurer(input);
  const staffId = validateStaffId(administrator.staffId);
  const displayName = validDisplayName(administrator.displayName);
  return db.transaction(async (tx) => {
    const insurer = await insertInsurerIfNew(tx, { ...valid, registeredBy: actor.subject, registeredAt: now });
    if (!insurer) throw new BadUserInputError(bilingual('An insurer with this number is already registered', 'この保険者番号は登録済みです'), { field: 'number', reason: 'DUPLICATE_INSURER' });
    // Operators and insurers log in by staff ID alone (no facility code): it must name one account (migration 0010).
    const taken = await accountWithoutFacility(tx, staffId);
    if (taken) throw new BadUserInputError(bilingual('This staff ID is already used by an operator or insurer account', 'この職員IDは既に使われています'), { field: 'administratorStaffId', reason: 'DUPLICATE_STAFF_ID' });
    const subject = `${valid.number}:${staffId}`;
    const account = await insertAccountIfNew(tx, { account: subject, role: 'INSURER', staffId, subject, displayName, insurerNumber: valid.number });
    if (!account) throw new BadUserInputError(bilingual('This staff ID is already used by an operator or insurer account', 'この職員IDは既に使われています'), { field: 'administratorStaffId', reason: 'DUPLICATE_STAFF_ID' });
    const enrollment = await newEnrollment(tx, account.account, actor.subject, now);
    await recordChange(tx, actor, { action: 'REGISTER_INSURER', facilityCode: null, insurerNumber: insurer.number, target: insurer.number, before: null, after: { ...insurerRecord(insurer), administrator: accountRecord(account) } }, requestId, now);
    // Last, so that every refusal above leaves qualifications untouched; a failure here rolls consent back.
    await putInsurerMaster(master, valid);
    return { insurer, administrator: account, enrollment };
  });
}

export async function registeredInsurers(db: Db<Tables>, first: number): Promise<InsurerRow[]> {
  return insurersNewestFirst(db, first);
}
