/**
 * The demo world's card readers (issue 15): one registered reader per demo facility, with a key pair
 * generated at random on the first demo start (readerDevice.ts), never derived from the public demo seed.
 * A real reader keeps its key in the device and registers only the public half (`reader:register`).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { SubgraphDeps } from '@onshi/kit';
import { DEMO_STAFF } from '@onshi/demo';
import { cardReaders, type Tables } from '../db/tables';
import { demoReaderKeyPath, newReaderKeyPair, readDemoReaderKeys } from './readerDevice';
import { registerReader } from './readers';
/**
 * On every demo start: each demo facility has an ACTIVE reader whose private key is in the key file; a
 * facility without one (first start, or a data dir from before readers existed) gets a new one.
 */
export async function ensureDemoReaders({ db, config }: SubgraphDeps<Tables>): Promise<void> {
  const keys = readDemoReaderKeys(config.DATA_DIR);
  const facilities = [...new Set(DEMO_STAFF.flatMap((staff) => (staff.facilityCode ? [staff.facilityCode] : [])))];
  let changed = false;
  for (const facilityCode of facilities) {
    const known = keys[facilityCode];
    if (known) {
      const [row] = await db.select({ id: cardReaders.id }).from(cardReaders).where(and(eq(cardReaders.id, known.readerId), eq(cardReaders.status, 'ACTIVE')));
      if (row) continue;
    }
    const { privateJwk, publicJwk } = await newReaderKeyPair();
    const reader = await registerReader(db, { subject: 'demo-seed', role: 'ADMIN', scopes: [], amr: [] }, facilityCode, JSON.stringify(publicJwk), 'デモ用カードリーダー', new Date());
    keys[facilityCode] = { readerId: reader.id, facilityCode, privateJwk };
    changed = true;
  }
  if (!changed) return;
  const file = demoReaderKeyPath(config.DATA_DIR);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.tmp`, JSON.stringify(keys, null, 2), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

