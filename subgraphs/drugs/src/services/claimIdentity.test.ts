import { claimDigest } from './claimIdentity';
import type { Claim } from './claims';

const claim = {
  claimKind: 'PHARMACY', claimNumber: 'R-1', patientId: 'P000000001', facilityCode: '1340100012', prescribingFacilityCode: '1310100013',
  insurerNumber: '131011', serviceMonth: '2026-11', totalPoints: 300, patientShareYen: 900,
  items: [
    { date: '2026-11-05', drugCode: '610406079', quantity: 14, unit: '錠', usage: '１日１回"朝食後"', days: 14, inOut: 'OUT' },
    { date: '2026-11-06', drugCode: '610406079', quantity: 2.5, unit: '錠', usage: '頓用', inOut: 'OUT' },
  ],
} as Claim;

test('the digest of a claim is the one stored since the claim key was introduced (claims already received must match their resends)', () => {
  // Computed by the first implementation (sorted Object.keys at every level, createHash): the text and the hash are unchanged.
  expect(claimDigest(claim)).toBe('ab1160a09555dfc0ccd460b779a1294e9302f2ef5d823e132951f4761d2288bc');
});

test('the digest does not depend on key order, at any level, and skips fields left undefined', () => {
  const reordered = Object.fromEntries(Object.entries(claim).reverse().map(([key, value]) => [key, key === 'items' ? (value as Claim['items']).map((item) => Object.fromEntries(Object.entries(item).reverse())) : value])) as unknown as Claim;
  expect(claimDigest(reordered)).toBe(claimDigest(claim));
  expect(claimDigest({ ...claim, prescribingFacilityCode: undefined })).toBe(claimDigest(Object.fromEntries(Object.entries(claim).filter(([key]) => key !== 'prescribingFacilityCode')) as unknown as Claim));
});

test('any changed value changes the digest', () => {
  expect(claimDigest({ ...claim, totalPoints: 301 })).not.toBe(claimDigest(claim));
  const [first, second] = claim.items;
  if (first === undefined || second === undefined) throw new Error('the sample claim has two items');
  expect(claimDigest({ ...claim, items: [{ ...first, usage: '１日１回朝食後' }, second] })).not.toBe(claimDigest(claim));
  expect(claimDigest({ ...claim, items: [second, first] })).not.toBe(claimDigest(claim));
});
