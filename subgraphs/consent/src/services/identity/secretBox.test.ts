import { randomBytes } from 'node:crypto';
import { createSecretBox } from './secretBox';

describe('secret box (TOTP seeds at rest)', () => {
  const box = createSecretBox(randomBytes(32));
  test('seals and opens; the sealed text does not contain the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });
  test('a tampered or foreign-key ciphertext is refused', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    const parts = sealed.split(':');
    const tampered = [parts[0], parts[1], `A${(parts[2] ?? '').slice(1)}`, parts[3]].join(':');
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
});
