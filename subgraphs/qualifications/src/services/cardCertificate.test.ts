import { addMonths, certificateStandingOn, endOfMonth, graceEndsOn } from './cardCertificate';

describe('the card certificate\'s standing on a Japanese date (docs/domain.md "Card certificate expiry")', () => {
  test.each<[string, string, string]>([
    ['2027-04-12', '2027-01-11', 'VALID'],
    ['2027-04-12', '2027-01-12', 'RENEW_SOON'], // renewal opens 3 months before
    ['2027-04-12', '2027-04-12', 'RENEW_SOON'], // valid through the expiry date itself
    ['2027-04-12', '2027-04-13', 'EXPIRED_GRACE'],
    ['2027-04-12', '2027-07-31', 'EXPIRED_GRACE'], // to the end of the month 3 months after expiry
    ['2027-04-12', '2027-08-01', 'EXPIRED'],
    ['2026-11-30', '2027-02-28', 'EXPIRED_GRACE'], // the grace month is February: its last day
    ['2026-11-30', '2027-03-01', 'EXPIRED'],
  ])('expiring %s, on %s: %s', (expiresOn, today, standing) => {
    expect(certificateStandingOn(expiresOn, today)).toBe(standing);
  });

  test('an unknown expiry is VALID (older records), never refused', () => {
    expect(certificateStandingOn(null, '2099-01-01')).toBe('VALID');
  });

  test('month arithmetic keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2027-05-31', -3)).toBe('2027-02-28');
    expect(addMonths('2028-05-31', -3)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(graceEndsOn('2026-11-30')).toBe('2027-02-28');
  });
});
