import { createPublicKey, verify } from 'node:crypto';
import { createVirtualCard, demoPatientCard, demoPatientCardSpki, demoCardSeedMaterial, signChallenge } from './card';

/** The public key the consent seed stored for 山田 太郎's card (seed `onshi`) before the card moved into this package. */
const YAMADA_SPKI = 'MCowBQYDK2VwAyEACM+wJvP15+DGHn/xIG9NnASVuCKKShMH2UQ2DGSYzUs=';

describe('the virtual My Number Card', () => {
  test('the same seed material gives the same key pair and serial; other material does not', () => {
    const first = createVirtualCard('demo-patient-0001');
    const again = createVirtualCard('demo-patient-0001');
    const other = createVirtualCard('demo-patient-0002');
    expect(again.publicKeyJwk).toEqual(first.publicKeyJwk);
    expect(again.certificateSerial).toBe(first.certificateSerial);
    expect(other.publicKeyJwk).not.toEqual(first.publicKeyJwk);
    expect(other.certificateSerial).not.toBe(first.certificateSerial);
    expect(first.certificateSerial).toMatch(/^[0-9A-F]{16}$/);
    expect(first.publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
  });

  test('a demo patient\'s card is the card of the one seed-material formula, and the seed stores its public key', () => {
    expect(demoCardSeedMaterial('onshi', 'CARD-0000000007')).toBe('onshi:card:CARD-0000000007');
    expect(demoPatientCard('onshi', 'CARD-0000000007').publicKeySpki).toBe(createVirtualCard('onshi:card:CARD-0000000007').publicKeySpki);
    expect(demoPatientCardSpki('onshi', 'CARD-0000000007')).toBe(demoPatientCard('onshi', 'CARD-0000000007').publicKeySpki);
    expect(demoPatientCard('other', 'CARD-0000000007').publicKeySpki).not.toBe(demoPatientCard('onshi', 'CARD-0000000007').publicKeySpki);
  });

  test('山田 太郎\'s card in the default demo world keeps its key: cards seeded before still log in', () => {
    expect(demoPatientCard('onshi', 'CARD-YAMADA-0001').publicKeySpki).toBe(YAMADA_SPKI);
  });

  test('the card signs a challenge its public key verifies', () => {
    const card = demoPatientCard('onshi', 'CARD-SATO-0002');
    const signature = signChallenge(card.privateKey, 'challenge');
    expect(verify(null, Buffer.from('challenge'), createPublicKey({ key: Buffer.from(card.publicKeySpki, 'base64'), format: 'der', type: 'spki' }), Buffer.from(signature, 'base64url'))).toBe(true);
  });
});
