import { demoCardRefusal } from './demoCards';

describe('demoCardRefusal: the card lifecycle page is a demo stand-in for J-LIS (docs/operations.md "Demo: card lifecycle")', () => {
  test('outside demo mode everyone is refused, the operator included', () => {
    for (const role of ['ADMIN', 'PATIENT', 'RECEPTION', 'INSURER']) expect(demoCardRefusal(false, role)).toBe('DEMO_ONLY');
  });
  test('in demo mode only the operator passes', () => {
    expect(demoCardRefusal(true, 'ADMIN')).toBeNull();
    for (const role of ['PATIENT', 'RECEPTION', 'DOCTOR', 'INSURER']) expect(demoCardRefusal(true, role)).toBe('NOT_OPERATOR');
  });
});
