// The identity of a claim: its key (facility + month + claim number) and the digest of its content, by which a resend
// is told from a correction (docs/drugs.md).
import { hash } from 'node:crypto';
import type { Claim } from './claims';

/** Sorted keys of each object shape met so far, with their JSON prefixes (`"key":`); a validated claim has few shapes. */
const sortedKeysOfShape = new Map<string, ReadonlyArray<readonly [key: string, prefix: string]>>();
// Validated claims only carry the schema's fields, so their shapes are the few combinations of optional fields.
const MAX_CACHED_SHAPES = 64;

function sortedKeysOf(record: Record<string, unknown>): ReadonlyArray<readonly [string, string]> {
  const keys = Object.keys(record);
  const shape = keys.join('\u0000');
  const cached = sortedKeysOfShape.get(shape);
  if (cached !== undefined) return cached;
  const sorted = keys.sort().map((key) => [key, `${JSON.stringify(key)}:`] as const);
  if (sortedKeysOfShape.size < MAX_CACHED_SHAPES) sortedKeysOfShape.set(shape, sorted);
  return sorted;
}

/**
 * JSON with object keys sorted at every level, so that equal claims give equal text whatever the key order. The same
 * text as sorting `Object.entries` and joining, written as loops with each shape's sorted keys kept: it runs for every
 * claim of every batch (docs/benchmarks.md "Claim re-routing"), and the stored digests of claims already received must
 * not change (claimIdentity.test.ts pins one).
 */
function canonicalJson(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) text += (index === 0 ? '' : ',') + (canonicalJson(value[index]) ?? '');
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  let first = true;
  for (const [key, prefix] of sortedKeysOf(record)) {
    const field = record[key];
    if (field === undefined) continue;
    text += (first ? '' : ',') + prefix + (canonicalJson(field) ?? '');
    first = false;
  }
  return `${text}}`;
}

/**
 * SHA-256 of the validated claim: a resend of the same claim has the same digest, a changed one another. One-shot
 * `hash` rather than a Hash object per claim (half the digest's cost on 2,000 claims).
 */
export function claimDigest(claim: Claim): string {
  return hash('sha256', canonicalJson(claim) ?? '', 'hex');
}

/** The claim key: billing facility + month of care + claim number. */
export function claimKeyOf(claim: Pick<Claim, 'facilityCode' | 'serviceMonth' | 'claimNumber'>): string {
  return `${claim.facilityCode}/${claim.serviceMonth}/${claim.claimNumber}`;
}
