import { addDays, ageOn, birthdayAtAge, withCheckDigit, type Category, type DemoOptions, type FacilityKind, type InsurerKindCode, type Role } from '@onshi/kit';
import { createRng, intBetween, opaqueId, pick, type Rng } from './prng';

/**
 * The deterministic demo world every subgraph seeds from (docs/architecture.md "The demo package"). Each subgraph calls
 * these pure functions for its own share (qualifications: people and coverage; drugs: claims; checkups:
 * results; consent: cards and accounts), so the same seed and as-of date always give the same data, and
 * patients can be generated one at a time for 10⁶-patient benchmark loads.
 */

/** 協会けんぽ, 健保組合, 共済組合, 国保, 後期高齢者医療広域連合 (kit insurerMaster.ts INSURER_KINDS). */
export type InsurerKind = InsurerKindCode;
export interface DemoInsurer { number: string; name: string; kind: InsurerKind; prefecture: string }

/** Real-format numbers (the first three are the valid examples of docs/domain.md "Identity without the My Number"). */
export const DEMO_INSURERS: readonly DemoInsurer[] = [
  { number: '01130012', name: '全国健康保険協会 東京支部', kind: 'KYOKAI', prefecture: '13' },
  { number: '06132013', name: 'オンシ健康保険組合', kind: 'KUMIAI', prefecture: '13' },
  { number: '33120015', name: '東京都職員共済組合', kind: 'KYOSAI', prefecture: '13' },
  { number: '131011', name: '千代田区国民健康保険', kind: 'KOKUHO', prefecture: '13' },
  { number: withCheckDigit('0127001'), name: '全国健康保険協会 大阪支部', kind: 'KYOKAI', prefecture: '27' },
  { number: withCheckDigit('27100'), name: '大阪市国民健康保険', kind: 'KOKUHO', prefecture: '27' },
  { number: '39131008', name: '東京都後期高齢者医療広域連合', kind: 'KOUKI', prefecture: '13' },
  { number: withCheckDigit('3927100'), name: '大阪府後期高齢者医療広域連合', kind: 'KOUKI', prefecture: '27' },
  // One 後期高齢者医療広域連合 for every other prefecture demo people live in: `39` + prefecture + 保険者別番号 + check digit.
  ...([['01', '北海道'], ['04', '宮城県'], ['14', '神奈川県'], ['23', '愛知県'], ['34', '広島県'], ['40', '福岡県']] as const).map(([prefecture, name]): DemoInsurer => ({
    number: withCheckDigit(`39${prefecture}100`), name: `${name}後期高齢者医療広域連合`, kind: 'KOUKI', prefecture,
  })),
];

/** The 後期高齢者医療広域連合 of a prefecture: everyone living there is insured by it from their 75th birthday (docs/domain.md). */
export function koukiInsurerOf(prefecture: string): DemoInsurer {
  const insurer = DEMO_INSURERS.find((i) => i.kind === 'KOUKI' && i.prefecture === prefecture);
  if (insurer === undefined) throw new Error(`no 後期高齢者医療広域連合 for prefecture ${prefecture} in the demo world`);
  return insurer;
}

export interface DemoFacility { code: string; name: string; kind: FacilityKind; prefecture: string; address: string }

const named = (payload: string, name: string, kind: FacilityKind, address: string): DemoFacility => ({
  code: withCheckDigit(payload), name, kind, prefecture: payload.slice(0, 2), address,
});

/** The demo accounts' facilities: a clinic, a second clinic, a dental clinic and a pharmacy in Tokyo. */
export const DEMO_CLINIC = named('131012345', 'オンシ内科クリニック', 'MEDICAL', '東京都千代田区丸の内1-1-1');
export const DEMO_HOSPITAL = named('131017788', '港総合病院', 'MEDICAL', '東京都港区芝公園4-2-8');
export const DEMO_DENTAL = named('133010042', 'さくら歯科医院', 'DENTAL', '東京都千代田区神田2-3-4');
export const DEMO_PHARMACY = named('134010567', 'みどり薬局 丸の内店', 'PHARMACY', '東京都千代田区丸の内1-2-3');

const PREFECTURES = [
  ['01', '北海道', '札幌市中央区'], ['04', '宮城県', '仙台市青葉区'], ['13', '東京都', '新宿区'], ['14', '神奈川県', '横浜市西区'],
  ['23', '愛知県', '名古屋市中区'], ['27', '大阪府', '大阪市北区'], ['34', '広島県', '広島市中区'], ['40', '福岡県', '福岡市博多区'],
] as const;

const OTHER_FACILITY_COUNT = 60;

/** All facilities: the four named ones, then generated ones of every kind across prefectures. */
const facilitiesBySeed = new Map<string, DemoFacility[]>();
export function demoFacilities(seed: string): DemoFacility[] {
  const cached = facilitiesBySeed.get(seed);
  if (cached) return cached;
  const rng = createRng(seed, 'facilities');
  const kinds: FacilityKind[] = ['MEDICAL', 'DENTAL', 'PHARMACY'];
  const suffix: Record<FacilityKind, string[]> = {
    MEDICAL: ['内科', '整形外科', 'クリニック', '総合病院', '医院'],
    DENTAL: ['歯科', '歯科クリニック'],
    PHARMACY: ['薬局', '調剤薬局'],
  };
  const stems = ['あおば', 'ひまわり', '中央', '駅前', 'さくら', 'みなと', 'はなみずき', 'けやき', '青空', '桜台'];
  const generated = Array.from({ length: OTHER_FACILITY_COUNT }, (_, i) => {
    const kind = kinds[i % 3] ?? 'MEDICAL';
    const [prefecture, prefName, city] = pick(rng, PREFECTURES);
    const table = kind === 'MEDICAL' ? '1' : kind === 'DENTAL' ? '3' : '4';
    const payload = `${prefecture}${table}${String(intBetween(rng, 1, 99)).padStart(2, '0')}${String(1000 + i).padStart(4, '0')}`;
    return named(payload, `${pick(rng, stems)}${pick(rng, suffix[kind])}`, kind, `${prefName}${city}${intBetween(rng, 1, 9)}-${intBetween(rng, 1, 30)}`);
  });
  const all = [DEMO_CLINIC, DEMO_HOSPITAL, DEMO_DENTAL, DEMO_PHARMACY, ...generated];
  facilitiesBySeed.set(seed, all);
  return all;
}

/** One coverage period (資格): who insured this person from `qualificationDate` to `disqualificationDate`. */
export interface DemoCoverage {
  insurerNumber: string;
  insuredCardSymbol: string;
  insuredIdentificationNumber: string;
  insuredBranchNumber: string;
  /** 1 本人 / 2 家族 */
  personalFamilyClassification: '1' | '2';
  qualificationDate: string;
  disqualificationDate?: string;
  /** 010 = 10 %, 020 = 20 %, 030 = 30 % */
  insuredPartialContributionRatio: '010' | '020' | '030';
  limitApplicationCertificateClassificationFlag?: string;
}

export interface DemoConditions {
  hypertension: boolean; dyslipidemia: boolean; diabetes: boolean; gerd: boolean;
  insomnia: boolean; dementia: boolean; anticoagulation: boolean; smoker: boolean; obese: boolean;
}

export interface DemoPatient {
  index: number;
  id: string;
  name: string;
  nameKana: string;
  /** Sex1: 1 男 / 2 女 */
  sex: '1' | '2';
  birthdate: string;
  postNumber: string;
  address: string;
  prefecture: string;
  /** Oldest first; the last one may be open (current). */
  coverages: DemoCoverage[];
  /** 利用者証明用電子証明書シリアル番号 of the (virtual) My Number Card. */
  cardSerial: string;
  /** 紐付番号 */
  linkageNumber: string;
  conditions: DemoConditions;
  homeClinicCode: string;
  pharmacyCode: string;
  dentalCode?: string;
  /** Every demo card's PIN is documented in the README. */
  pin: string;
  /** Demo login account name, for the named patients. */
  account?: string;
}

const FAMILY = [['佐藤', 'サトウ'], ['鈴木', 'スズキ'], ['高橋', 'タカハシ'], ['田中', 'タナカ'], ['伊藤', 'イトウ'], ['渡辺', 'ワタナベ'], ['山本', 'ヤマモト'], ['中村', 'ナカムラ'], ['小林', 'コバヤシ'], ['加藤', 'カトウ'], ['吉田', 'ヨシダ'], ['山口', 'ヤマグチ'], ['松本', 'マツモト'], ['井上', 'イノウエ'], ['木村', 'キムラ'], ['林', 'ハヤシ'], ['清水', 'シミズ'], ['山崎', 'ヤマザキ'], ['森', 'モリ'], ['池田', 'イケダ']] as const;
const GIVEN_M: ReadonlyArray<readonly [string, string]> = [['太郎', 'タロウ'], ['健一', 'ケンイチ'], ['翔太', 'ショウタ'], ['誠', 'マコト'], ['大輔', 'ダイスケ'], ['浩', 'ヒロシ'], ['茂', 'シゲル'], ['隆', 'タカシ']];
const GIVEN_F: ReadonlyArray<readonly [string, string]> = [['花子', 'ハナコ'], ['陽子', 'ヨウコ'], ['美咲', 'ミサキ'], ['恵子', 'ケイコ'], ['由美', 'ユミ'], ['幸子', 'サチコ'], ['直美', 'ナオミ'], ['愛', 'アイ']];

export const DEMO_PIN = '1234';

function yearsBefore(asOf: string, years: number, rng: Rng): string {
  return addDays(asOf, -Math.floor(years * 365.25) - intBetween(rng, 0, 364));
}

/** Coverages per demo person: the first, at most two changes of insurer, and 後期高齢 at 75. */
const MAX_COVERAGES_PER_PERSON = 4;

/**
 * 記号 and 番号 of the `k`-th coverage of person `index`. The 番号 is unique per person and coverage, so
 * (insurer, 記号, 番号, 枝番, date) never names two people — random numbers did at ~10⁵ people (birthday
 * collisions), which a 10⁶-patient benchmark reaches. An affine map that is a bijection on 10⁸ (the
 * multiplier is prime to 10) scatters consecutive people over 8-digit numbers; the draw is kept so
 * that the rest of the person stays as it was.
 */
function insuredNumbers(rng: Rng, insurer: DemoInsurer, index: number, k: number) {
  // 記号 and 番号 are strings and may be full-width in real cards (docs/domain.md "Identity without the My Number"): keep them as text.
  const symbol = insurer.kind === 'KOKUHO' || insurer.kind === 'KOUKI' ? '' : String(intBetween(rng, 1000, 99999));
  intBetween(rng, 1, 999999);
  const serial = index * MAX_COVERAGES_PER_PERSON + k;
  return { insuredCardSymbol: symbol, insuredIdentificationNumber: String((serial * 7_654_321 + 1_234_567) % 100_000_000).padStart(8, '0') };
}

function contributionRatio(birthdate: string, onDate: string): '010' | '020' | '030' {
  const age = ageOn(birthdate, onDate);
  return age >= 75 ? '010' : age >= 70 ? '020' : '030';
}

const opaque = (seed: string, index: number) => opaqueId('pt', seed, 'patient', index);

/** The named demo patients (README "Demo accounts"): index 0 is 山田 太郎, index 1 is 佐藤 花子 (DV-blocked). */
function namedPatient(options: DemoOptions, index: number): DemoPatient | undefined {
  const base = { index, id: opaque(options.seed, index), pin: DEMO_PIN, prefecture: '13', homeClinicCode: DEMO_CLINIC.code, pharmacyCode: DEMO_PHARMACY.code };
  const conditions: DemoConditions = { hypertension: false, dyslipidemia: false, diabetes: false, gerd: false, insomnia: false, dementia: false, anticoagulation: false, smoker: false, obese: false };
  const asOfYear = Number(options.asOf.slice(0, 4));
  if (index === 0) {
    // Changed insurer twice (docs/domain.md "Receipt re-routing (レセプト振替), seed 3"): company union → 協会けんぽ → 国保 after retiring.
    return {
      ...base, account: 'yamada', name: '山田 太郎', nameKana: 'ヤマダ タロウ', sex: '1', birthdate: `${asOfYear - 64}-04-12`,
      postNumber: '100-0005', address: '東京都千代田区丸の内2-7-1', cardSerial: 'CARD-YAMADA-0001', linkageNumber: 'LNK-0000000000',
      dentalCode: DEMO_DENTAL.code,
      conditions: { ...conditions, hypertension: true, dyslipidemia: true, gerd: true, obese: true },
      coverages: [
        { insurerNumber: '06132013', insuredCardSymbol: '4711', insuredIdentificationNumber: '102938', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: '2008-04-01', disqualificationDate: `${asOfYear - 4}-03-31`, insuredPartialContributionRatio: '030' },
        { insurerNumber: '01130012', insuredCardSymbol: '2811', insuredIdentificationNumber: '553201', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: `${asOfYear - 4}-04-01`, disqualificationDate: `${asOfYear - 1}-03-31`, insuredPartialContributionRatio: '030' },
        { insurerNumber: '131011', insuredCardSymbol: '', insuredIdentificationNumber: '00712345', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: `${asOfYear - 1}-04-01`, insuredPartialContributionRatio: '030' },
      ],
    };
  }
  if (index === 1) {
    return {
      ...base, account: 'sato', name: '佐藤 花子', nameKana: 'サトウ ハナコ', sex: '2', birthdate: `${asOfYear - 51}-09-03`,
      postNumber: '160-0022', address: '東京都新宿区新宿3-1-1', cardSerial: 'CARD-SATO-0002', linkageNumber: 'LNK-0000000001',
      conditions: { ...conditions, insomnia: true, gerd: true },
      coverages: [
        { insurerNumber: '01130012', insuredCardSymbol: '3105', insuredIdentificationNumber: '220431', insuredBranchNumber: '01', personalFamilyClassification: '2', qualificationDate: '2015-10-01', insuredPartialContributionRatio: '030' },
      ],
    };
  }
  return undefined;
}

/** The patient at `index` (0 ≤ index < options.patients): a pure function of (seed, asOf, index). */
export function demoPatient(options: DemoOptions, index: number): DemoPatient {
  const preset = namedPatient(options, index);
  if (preset) return preset;
  const rng = createRng(options.seed, 'patient', index);
  const sex = rng() < 0.5 ? '1' : '2';
  const [family, familyKana] = pick(rng, FAMILY);
  const [given, givenKana] = pick(rng, sex === '1' ? GIVEN_M : GIVEN_F);
  const birthdate = yearsBefore(options.asOf, intBetween(rng, 20, 88), rng);
  const age = ageOn(birthdate, options.asOf);
  const facilities = demoFacilities(options.seed);
  const local = rng() < 0.6;
  const clinics = facilities.filter((f) => f.kind === 'MEDICAL' && (!local || f.prefecture === '13'));
  const pharmacies = facilities.filter((f) => f.kind === 'PHARMACY' && (!local || f.prefecture === '13'));
  const dentals = facilities.filter((f) => f.kind === 'DENTAL');
  const home = pick(rng, clinics.length > 0 ? clinics : facilities);
  const pharmacy = pick(rng, pharmacies.length > 0 ? pharmacies : facilities);
  const risk = Math.min(0.85, Math.max(0.05, (age - 30) / 60));
  const conditions: DemoConditions = {
    hypertension: rng() < risk, dyslipidemia: rng() < risk * 0.8, diabetes: rng() < risk * 0.35, gerd: rng() < 0.2,
    insomnia: rng() < 0.12, dementia: age >= 75 && rng() < 0.15, anticoagulation: age >= 65 && rng() < 0.08,
    smoker: rng() < 0.2, obese: rng() < 0.3,
  };
  const coverages = demoCoverages(rng, index, birthdate, options.asOf, home.prefecture);
  const [, prefName, city] = PREFECTURES.find(([code]) => code === home.prefecture) ?? PREFECTURES[2];
  return {
    index, id: opaque(options.seed, index), pin: DEMO_PIN, name: `${family} ${given}`, nameKana: `${familyKana} ${givenKana}`, sex, birthdate,
    postNumber: `${intBetween(rng, 100, 999)}-${String(intBetween(rng, 0, 9999)).padStart(4, '0')}`,
    address: `${prefName}${city}${intBetween(rng, 1, 9)}-${intBetween(rng, 1, 30)}-${intBetween(rng, 1, 20)}`,
    prefecture: home.prefecture, coverages,
    cardSerial: `CARD-${String(index).padStart(10, '0')}`, linkageNumber: `LNK-${String(index).padStart(10, '0')}`,
    conditions, homeClinicCode: home.code, pharmacyCode: pharmacy.code,
    dentalCode: rng() < 0.4 ? pick(rng, dentals).code : undefined,
  };
}

/** 0–2 insurer changes in the last years; 後期高齢 from the 75th birthday (docs/domain.md "Specific health checkups (特定健診)"). */
function demoCoverages(rng: Rng, index: number, birthdate: string, asOf: string, prefecture: string): DemoCoverage[] {
  const pool = DEMO_INSURERS.filter((i) => i.kind !== 'KOUKI' && (i.prefecture === prefecture || rng() < 0.3));
  const insurers = pool.length > 0 ? pool : DEMO_INSURERS.filter((i) => i.kind !== 'KOUKI');
  const changes = rng() < 0.55 ? 0 : rng() < 0.7 ? 1 : 2;
  const start = yearsBefore(asOf, 7 + intBetween(rng, 0, 8), rng);
  const boundaries = Array.from({ length: changes }, (_, k) => yearsBefore(asOf, (k + 1) * 2 - rng(), rng)).sort();
  const seventyFifth = birthdayAtAge(birthdate, 75);
  // From the 75th birthday everyone is insured by the 広域連合 of their prefecture and by nobody else (docs/domain.md
  // "Specific health checkups"): no change of insurer after it, and someone already 75 when the history starts is
  // in the 広域連合 throughout.
  const changes75 = [start, ...boundaries.filter((b) => b > start)].filter((from) => from < seventyFifth);
  const starts = seventyFifth > asOf ? changes75 : seventyFifth > start ? [...changes75, seventyFifth] : [start];
  if (starts.length > MAX_COVERAGES_PER_PERSON) throw new Error(`demo person ${index} has ${starts.length} coverages`);
  return starts.map((from, k) => {
    const elderly = from >= seventyFifth;
    const insurer = elderly ? koukiInsurerOf(prefecture) : pick(rng, insurers);
    if (!insurer) throw new Error('no insurer');
    const next = starts[k + 1];
    const lastDay = next ? addDays(next, -1) : from < asOf ? asOf : from;
    return {
      insurerNumber: insurer.number, ...insuredNumbers(rng, insurer, index, k), insuredBranchNumber: String(intBetween(rng, 0, 3)).padStart(2, '0'),
      // The 広域連合 insures each person in their own right (no 家族); the draw is kept so the rest of the person stays.
      personalFamilyClassification: rng() < 0.75 || elderly ? '1' : '2', qualificationDate: from,
      ...(next ? { disqualificationDate: addDays(next, -1) } : {}),
      // The share of the coverage's last day: an employee plan that ended at 75 was 20 % (70–74), the 広域連合 10 %.
      insuredPartialContributionRatio: contributionRatio(birthdate, lastDay),
      ...(rng() < 0.1 ? { limitApplicationCertificateClassificationFlag: pick(rng, ['A01', 'A02', 'A03', 'A04', 'A05', 'B01', 'B02']) } : {}),
    };
  });
}

/** Every person of the demo world in index order, generated lazily (seeds stream up to 10⁶ of them). */
export function* demoPatients(options: DemoOptions): Generator<DemoPatient> {
  for (let index = 0; index < options.patients; index += 1) yield demoPatient(options, index);
}

/** The coverage in force on `date`, if any ("who insured this person on date D", docs/domain.md "Receipt re-routing (レセプト振替), seed 3"). */
export function coverageOn(patient: DemoPatient, date: string): DemoCoverage | undefined {
  return patient.coverages.find((c) => c.qualificationDate <= date && (!c.disqualificationDate || c.disqualificationDate >= date));
}

export interface DemoStaff { account: string; role: Role; facilityCode?: string; insurerNumber?: string; name: string; staffId: string }

/** Named staff and operator accounts (README "Demo accounts"). */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { account: 'clinic-reception', role: 'RECEPTION', facilityCode: DEMO_CLINIC.code, name: '受付 一郎', staffId: 'R0001' },
  { account: 'clinic-doctor', role: 'DOCTOR', facilityCode: DEMO_CLINIC.code, name: '医師 健', staffId: 'D0001' },
  { account: 'hospital-doctor', role: 'DOCTOR', facilityCode: DEMO_HOSPITAL.code, name: '病院 医師', staffId: 'D0002' },
  { account: 'dental-dentist', role: 'DENTIST', facilityCode: DEMO_DENTAL.code, name: '歯科 医師', staffId: 'S0001' },
  { account: 'pharmacy-reception', role: 'RECEPTION', facilityCode: DEMO_PHARMACY.code, name: '薬局 受付', staffId: 'R0101' },
  { account: 'pharmacy-pharmacist', role: 'PHARMACIST', facilityCode: DEMO_PHARMACY.code, name: '薬剤 師子', staffId: 'P0001' },
  { account: 'admin', role: 'ADMIN', name: '運用 管理者', staffId: 'A0001' },
  // 山田 太郎's current insurer (国保) and his previous one (協会けんぽ): the insurer-transfer demo.
  { account: 'insurer-kokuho', role: 'INSURER', insurerNumber: '131011', name: '千代田区 国保係', staffId: 'I0001' },
  { account: 'insurer-kyokai', role: 'INSURER', insurerNumber: '01130012', name: '協会けんぽ 東京支部 担当', staffId: 'I0002' },
  // Members aged 75+ in Tokyo: their 後期高齢者健診 files come from the 広域連合.
  { account: 'insurer-kouki', role: 'INSURER', insurerNumber: '39131008', name: '東京都後期高齢者医療広域連合 担当', staffId: 'I0003' },
];

export interface DemoPhrApp { account: string; clientId: string; name: string; operatorName: string; scopes: readonly Category[] }
/** A household health-record app: it may ask for every category, 医療費 included (the access-policy tests grant it). */
export const DEMO_PHR_APPS: readonly DemoPhrApp[] = [{
  account: 'phr-demo', clientId: 'phr-demo', name: 'けんこう手帳アプリ (デモ)', operatorName: 'デモヘルスケア株式会社 (架空)', scopes: ['QUALIFICATION', 'DRUG', 'CHECKUP', 'EXPENSES'],
}];

/**
 * Demo cards not yet registered for health-insurance use (初回登録): every tenth generated patient, so the portal
 * and the counter can show the registration step. 山田 and 佐藤 are registered. Qualifications seeds its cards by
 * this; consent's demo rollout history (demoReaders.ts) verifies only registered cards.
 */
export function demoCardRegistered(index: number): boolean {
  return index < 2 || index % 10 !== 9;
}

/**
 * Twins insured as family members under one 記号・番号 (枝番 01 / 02), same birthdate: typing the card
 * numbers without the 枝番 matches both, the real system's 5 複数該当 (docs/domain.md "Insurers"). They have no card and no
 * claims; qualifications stores them and consent's identity index knows them (the decision point decides only about
 * people it knows).
 */
export function demoTwins(seed: string) {
  const common = { nameKana: 'オンシ フタゴ', sex: '2', birthdate: '1990-07-07', postNumber: '105-0011', address: '東京都港区芝公園4-2-8' };
  return [1, 2].map((n) => ({
    patient: { ...common, id: opaqueId('pt', seed, 'twin', n), linkageNumber: `LNK-TWIN-000${n}`, name: n === 1 ? '恩志 双葉' : '恩志 双子' },
    qualification: {
      insurerNumber: '06132013', insuredCardSymbol: '4711', insuredIdentificationNumber: '777001', insuredBranchNumber: `0${n}`,
      personalFamilyClassification: '2', qualificationDate: '2015-04-01', insuredPartialContributionRatio: '030',
    },
  }));
}
