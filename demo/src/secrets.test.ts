import { Secret } from 'otpauth';
import { demoPhrAppSecret, demoTotpSecret } from './secrets';

test('demo TOTP secrets are deterministic base32 of 32 bytes, one per seed and account', () => {
  const secret = demoTotpSecret('onshi', 'clinic-doctor');
  expect(demoTotpSecret('onshi', 'clinic-doctor')).toBe(secret);
  expect(demoTotpSecret('onshi', 'clinic-reception')).not.toBe(secret);
  expect(demoTotpSecret('other', 'clinic-doctor')).not.toBe(secret);
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  expect(Secret.fromBase32(secret).bytes).toHaveLength(32);
});

test('a demo PHR app secret depends on the seed', () => {
  expect(demoPhrAppSecret('onshi', 'phr-demo')).not.toBe(demoPhrAppSecret('other', 'phr-demo'));
});
