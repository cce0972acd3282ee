import { isCalendarDate, japanDate } from './clock';
import { addDays, addYearsClamped, ageOn, birthdayAtAge, daysBetween, isYearMonth, monthOf } from './calendar';

describe('calendar dates (JST)', () => {
  it.each([
    ['2025-03-31T14:59:59Z', '2025-03-31'],
    ['2025-03-31T15:00:00Z', '2025-04-01'],
  ])('japanDate(%s) = %s', (instant, date) => {
    expect(japanDate(new Date(instant))).toBe(date);
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-1-01', false],
    ['2025-13-01', false],
  ])('isCalendarDate(%s) = %s', (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
  });

  it.each([
    ['2025-12', true],
    ['2025-00', false],
    ['2025-13', false],
    ['202512', false],
  ])('isYearMonth(%s) = %s', (value, valid) => {
    expect(isYearMonth(value)).toBe(valid);
  });

  it('moves by days and years', () => {
    expect(addDays('2025-01-28', 1)).toBe('2025-01-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(addYearsClamped('2024-02-29', -5)).toBe('2019-02-28');
    expect(addYearsClamped('2025-06-10', -5)).toBe('2020-06-10');
    expect(monthOf('2025-06-10')).toBe('2025-06');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('age and birthdays', () => {
  test('a 29 February birthday turns 75 on 1 March of a common year, on 29 February of a leap year', () => {
    expect(birthdayAtAge('1948-02-29', 75)).toBe('2023-03-01');
    expect(birthdayAtAge('1948-02-29', 76)).toBe('2024-02-29');
    expect(birthdayAtAge('1950-06-15', 75)).toBe('2025-06-15');
  });

  test('the age goes up on the birthday itself, not the day before', () => {
    expect(ageOn('1950-06-15', '2025-06-14')).toBe(74);
    expect(ageOn('1950-06-15', '2025-06-15')).toBe(75);
    expect(ageOn('1948-02-29', '2023-02-28')).toBe(74);
    expect(ageOn('1948-02-29', '2023-03-01')).toBe(75);
  });
});
