import { createHash } from 'node:crypto';

/**
 * The demo data's random numbers, one module for all of them: nothing else in the repository generates demo data from
 * its own generator, and nothing here is used outside demo data (session ids, keys and challenges use node:crypto).
 */

/** A uniform [0, 1) generator. */
export type Rng = () => number;

/**
 * Deterministic random streams for demo data: the same keys always give the same sequence, so each
 * subgraph can generate its own share of one patient independently (streaming, no shared state) and
 * all subgraphs still agree. sfc32 seeded from sha256(keys).
 */
export function createRng(...keys: Array<string | number>): Rng {
  const digest = createHash('sha256').update(keys.join('\u0000')).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * A generator from one 32-bit number (mulberry32): what the checkup generator derives a person's yearly measurement
 * noise with, from a draw of the person's stream and the fiscal year (demoCheckups.ts), and what unit tests use for a
 * sequence named by a number. Kept beside `createRng` rather than replaced by it so the seeded checkups stay the same.
 */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** A stable opaque id (never the My Number, never the insured number: docs/architecture.md "Federation"). */
export function opaqueId(prefix: string, ...keys: Array<string | number>): string {
  return `${prefix}_${createHash('sha256').update(keys.join('\u0000')).digest('base64url').slice(0, 16)}`;
}
