import { elderlyRecipient } from './seed';

describe('高齢受給者 dates of the demo seed (docs/domain.md "Dates")', () => {
  const open = { disqualificationDate: undefined };

  test('from the 1st of the month after the 70th birthday to the day before the 75th', () => {
    expect(elderlyRecipient({ birthdate: '1955-06-15' }, open, '2026-11-30')).toEqual({ elderlyRecipientContributionRatio: '020', elderlyRecipientValidStartDate: '2025-07-01', elderlyRecipientValidEndDate: '2030-06-14' });
  });

  test('born on the 1st: from the birthday month itself', () => {
    expect(elderlyRecipient({ birthdate: '1955-06-01' }, open, '2026-11-30')).toMatchObject({ elderlyRecipientValidStartDate: '2025-06-01', elderlyRecipientValidEndDate: '2030-05-31' });
  });

  test('born on 29 February: the 75th birthday in a common year is 1 March, so the last day is 28 February (a 10⁶-patient seed once failed on 2031-02-29)', () => {
    expect(elderlyRecipient({ birthdate: '1956-02-29' }, open, '2026-11-30')).toMatchObject({ elderlyRecipientValidStartDate: '2026-03-01', elderlyRecipientValidEndDate: '2031-02-28' });
  });

  test('nobody under 70, nobody from 75, and no closed coverage', () => {
    expect(elderlyRecipient({ birthdate: '1957-01-10' }, open, '2026-11-30')).toEqual({});
    expect(elderlyRecipient({ birthdate: '1951-11-30' }, open, '2026-11-30')).toEqual({});
    expect(elderlyRecipient({ birthdate: '1955-06-15' }, { disqualificationDate: '2026-01-01' }, '2026-11-30')).toEqual({});
  });
});
