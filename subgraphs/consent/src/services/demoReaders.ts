/**
 * The demo world's card readers and its rollout history (docs/operations.md "Rollout dashboard"). Every demo facility
 * is registered at the start of the national schedule (docs/domain.md "Rollout and subsidy, seed 1(1)"); most got a reader later,
 * spread from April 2020 to the demo's as-of date along the schedule (about 60 % live by March 2021, 90 % by March
 * 2022, nearly all by March 2023), and went live with a first verification at that reader. A few are still not live.
 *
 * The first verifications are recorded through the reader API's own service code (readers.ts acceptReaderStatement):
 * a challenge issued for the reader, the demo card's signature over it, a FACE statement signed by the reader's key,
 * the single-use challenge and the verification record — only at a backdated instant. The patient declines both
 * consents, so the history registers no consent.
 *
 * Reader key pairs are generated at random on the first demo start (the platform's readerStatement.ts; the file is the demo package's readerKeys.ts), never derived from the public
 * demo seed, and kept in one owner-only file; a real reader keeps its key in the device and registers only the public
 * half (`reader:register`). The dates and patients come from the demo seed, so the history is the same on every seed.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, daysBetween, instantOfJapanDate, japanDate, type Db, type DemoOptions, type SubgraphDeps } from '@onshi/kit';
import {
  createRng, createVirtualCard, demoCardRegistered, demoCardSeedMaterial, demoFacilities, demoPatient, signChallenge, DEMO_STAFF,
} from '@onshi/demo';
import type { Tables } from '../db/tables';
import { activeReaderExists, facilityHadReader, facilityVerifiedAny } from '../store/demoReaders';
import { startChallenge, type CardStatusLookup } from './identity/logins';
import { newReaderKeyPair, signReaderStatement, type ReaderKey } from '@onshi/platform/readerStatement';
import { demoReaderKeyPath, readDemoReaderKeys } from '@onshi/demo';
import { acceptReaderStatement, registerReader } from './identity/readers';
import { ROLLOUT_TARGETS } from './operator/rollout';
import type { SigningKey } from './identity/signing';

/** The day the demo facilities are registered: the first day of the schedule's first fiscal year (令和2年度). */
export const DEMO_FACILITIES_REGISTERED_ON = '2020-04-01';
/** The share of demo facilities that go live at all; the rest are still not live on any as-of date. */
const DEMO_LIVE_SHARE = 0.95;
/** Of those not live, the first ones have a reader already (bought, not yet used). */
const DEMO_READER_ONLY_SHARE = 0.975;
const SEED_ACTOR = { subject: 'demo-seed', role: 'ADMIN' as const, scopes: [], amr: [] };

export interface DemoReaderPlan { facilityCode: string; readerOn: string | null; liveOn: string | null; patientIndex: number }

/**
 * The day a facility at quantile `share` of the rollout (0 = first) goes live: linear between the schedule's
 * milestones (docs/domain.md "Rollout and subsidy, seed 1(1)"), from the registration day at 0 %.
 */
function liveDayOf(share: number): string {
  const points = [{ on: DEMO_FACILITIES_REGISTERED_ON, share: 0 }, ...ROLLOUT_TARGETS.map((target) => ({ on: lastDayOf(target.month), share: target.percent / 100 }))];
  const upper = points.findIndex((point) => point.share > share);
  const from = points[upper - 1];
  const to = points[upper];
  if (!from || !to) return DEMO_FACILITIES_REGISTERED_ON;
  return addDays(from.on, Math.floor(((share - from.share) / (to.share - from.share)) * daysBetween(from.on, to.on)));
}

/** The last day of a YYYY-MM month. */
function lastDayOf(month: string): string {
  return addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
}

/**
 * Each demo facility's reader and first verification, up to `asOf`. Facilities take evenly spaced quantiles of the
 * schedule in a seeded order, so the demo follows the schedule closely whatever the seed; the demo accounts' four
 * facilities come first (their staff use their readers from the first start). The patient is a generated one with a
 * card registered for insurance use (kit demoCardRegistered), not 山田 or 佐藤 when there are others.
 */
export function demoReaderPlan(demo: DemoOptions, asOf: string): DemoReaderPlan[] {
  const rng = createRng(demo.seed, 'rollout');
  const staffed = new Set(DEMO_STAFF.flatMap((staff) => (staff.facilityCode ? [staff.facilityCode] : [])));
  const all = demoFacilities(demo.seed);
  const others = all.filter((facility) => !staffed.has(facility.code)).map((facility) => ({ facility, key: rng() })).sort((a, b) => a.key - b.key).map(({ facility }) => facility);
  const ordered = [...all.filter((facility) => staffed.has(facility.code)), ...others];
  const planOne = (facilityCode: string, rank: number): DemoReaderPlan => {
    const share = (rank + rng()) / ordered.length;
    const drawn = demo.patients > 2 ? 2 + Math.floor(rng() * (demo.patients - 2)) : 0;
    // An unregistered card (every tenth) is followed by a registered one: its neighbour below.
    const patientIndex = demoCardRegistered(drawn) ? drawn : drawn - 1;
    if (share >= DEMO_LIVE_SHARE) {
      const readerOn = share < DEMO_READER_ONLY_SHARE ? addDays(asOf, -14) : null;
      return { facilityCode, readerOn: readerOn !== null && readerOn >= DEMO_FACILITIES_REGISTERED_ON ? readerOn : null, liveOn: null, patientIndex };
    }
    // A week at least after the facility's registration, so that its reader comes in between.
    const liveOn = [liveDayOf(share), addDays(DEMO_FACILITIES_REGISTERED_ON, 7)].sort().at(-1) ?? DEMO_FACILITIES_REGISTERED_ON;
    const readerOn = [addDays(liveOn, -(7 + Math.floor(rng() * 21))), DEMO_FACILITIES_REGISTERED_ON].sort().at(-1) ?? liveOn;
    return { facilityCode, readerOn: readerOn <= asOf ? readerOn : null, liveOn: liveOn <= asOf ? liveOn : null, patientIndex };
  };
  return ordered.map((facility, rank) => {
    const plan = planOne(facility.code, rank);
    // The demo accounts' staff use their facility's reader from the first start, whatever the as-of date.
    return staffed.has(facility.code) && plan.readerOn === null ? { ...plan, readerOn: asOf } : plan;
  });
}

/**
 * The first verification at a demo reader on `liveOn` (10:00 in Japan), through the reader API's service code. The
 * card-status lookup stands in for qualifications, which starts after consent: it answers for the one demo card the
 * plan chose, registered for insurance use as the demo world says (kit demoCardRegistered).
 */
async function recordFirstVerification(db: Db<Tables>, signingKey: SigningKey, demo: DemoOptions, reader: ReaderKey, plan: DemoReaderPlan & { liveOn: string }): Promise<void> {
  const patient = demoPatient(demo, plan.patientIndex);
  const at = new Date(instantOfJapanDate(plan.liveOn).getTime() - 2 * 3_600_000);
  const cardStatus: CardStatusLookup = async (serial) => (serial === patient.cardSerial ? { known: true, patientId: patient.id, unusable: null } : { known: false, patientId: null, unusable: null });
  const challenge = await startChallenge(signingKey, patient.cardSerial, 'READER', reader.readerId, at);
  const cardSignature = signChallenge(createVirtualCard(demoCardSeedMaterial(demo.seed, patient.cardSerial)).privateKey, challenge.challenge);
  const statement = await signReaderStatement(reader, {
    challengeId: challenge.challengeId, cardSerial: patient.cardSerial, cardSignature, method: 'FACE', result: { faceMatch: true }, consent: { drug: false, checkup: false },
  }, at);
  await acceptReaderStatement(db, signingKey, cardStatus, statement, at, 'demo-seed');
}

/**
 * On every demo start: each demo facility the plan gives a reader by now has an ACTIVE reader whose private key is in
 * the key file, registered on the plan's day, and — when the plan has it live by now — its first verification. A
 * facility without one (first start, or a data dir from before readers existed) gets them now; the demo accounts'
 * facilities always have a reader. Runs before the demo consents of the day are written (subgraph.ts), so the declined
 * answers of the history revoke nothing.
 */
export async function ensureDemoReaders({ db, config, demo }: SubgraphDeps<Tables>, signingKey: SigningKey): Promise<void> {
  const keys = readDemoReaderKeys(config.DATA_DIR);
  const today = [demo.asOf, japanDate()].sort()[0] ?? demo.asOf;
  let changed = false;
  for (const plan of demoReaderPlan(demo, today)) {
    if (plan.readerOn === null) continue;
    const known = keys[plan.facilityCode];
    if (known) {
      if (await activeReaderExists(db, known.readerId)) continue;
    }
    // The plan's day for the facility's first reader; a later one (the demo reader retired or suspended) is new today.
    const earlier = await facilityHadReader(db, plan.facilityCode);
    const { privateJwk, publicJwk } = await newReaderKeyPair();
    const registered = await registerReader(db, SEED_ACTOR, plan.facilityCode, JSON.stringify(publicJwk), 'デモ用カードリーダー', earlier ? new Date() : instantOfJapanDate(plan.readerOn));
    const reader: ReaderKey = { readerId: registered.id, facilityCode: plan.facilityCode, privateJwk };
    keys[plan.facilityCode] = reader;
    changed = true;
    // Once per facility: a reader registered again (its key file lost) does not make the facility go live again.
    const verified = await facilityVerifiedAny(db, plan.facilityCode);
    if (plan.liveOn !== null && !verified) await recordFirstVerification(db, signingKey, demo, reader, { ...plan, liveOn: plan.liveOn });
  }
  if (!changed) return;
  const file = demoReaderKeyPath(config.DATA_DIR);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.tmp`, JSON.stringify(keys, null, 2), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
