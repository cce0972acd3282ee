import { createClock, instantOfJapanDate, isCalendarDate, japanDate, startOfJapanDay } from './clock';

// docs/domain.md "Dates: today in Japan": the day turns at 00:00 JST = 15:00 UTC the day before.
test('the Japanese date turns at midnight in Japan, not in UTC', () => {
  expect(japanDate(new Date('2026-12-01T14:59:59.999Z'))).toBe('2026-12-01');
  expect(japanDate(new Date('2026-12-01T15:00:00.000Z'))).toBe('2026-12-02');
  // New Year's Eve in UTC is already 1 January in Japan: fiscal and calendar years follow the Japanese date.
  expect(japanDate(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
});

test('"today" at a Japanese counter starts at 00:00 JST', () => {
  expect(startOfJapanDay(new Date('2026-12-02T03:00:00Z')).toISOString()).toBe('2026-12-01T15:00:00.000Z');
  expect(startOfJapanDay(new Date('2026-12-01T14:59:59Z')).toISOString()).toBe('2026-11-30T15:00:00.000Z');
  expect(japanDate(instantOfJapanDate('2026-03-31'))).toBe('2026-03-31');
});

test('a running clock answers with the new day after midnight in Japan (read per call, never fixed at start-up)', () => {
  jest.useFakeTimers({ now: new Date('2026-12-01T14:59:59Z') });
  try {
    const clock = createClock();
    expect(clock.today()).toBe('2026-12-01');
    jest.setSystemTime(new Date('2026-12-01T15:00:01Z'));
    expect(clock.today()).toBe('2026-12-02');
    expect(clock.now().toISOString()).toBe('2026-12-01T15:00:01.000Z');
  } finally {
    jest.useRealTimers();
  }
});

test('DEMO_AS_OF pins the day and the instant (noon in Japan), and a bad date is refused at start-up', () => {
  const pinned = createClock('2026-10-15');
  expect(pinned.today()).toBe('2026-10-15');
  expect(japanDate(pinned.now())).toBe('2026-10-15');
  expect(pinned.now().toISOString()).toBe('2026-10-15T03:00:00.000Z');
  expect(() => createClock('2026-02-30')).toThrow(RangeError);
});

test('calendar dates are real dates written YYYY-MM-DD', () => {
  expect(isCalendarDate('2024-02-29')).toBe(true);
  for (const bad of ['2025-02-29', '2025-2-3', '2025-13-01', '20250101', '', '2025-01-01T00:00:00Z', '2025-00-10', '2025-04-31', '2025-01-00', '1900-02-29', '2100-02-29']) expect(isCalendarDate(bad)).toBe(false);
  for (const good of ['2000-02-29', '2025-12-31', '2025-04-30', '1904-02-29']) expect(isCalendarDate(good)).toBe(true);
  // Every day of four years (a leap year among them) agrees with the calendar of Date itself.
  for (let day = Date.UTC(2023, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) expect(isCalendarDate(new Date(day).toISOString().slice(0, 10))).toBe(true);
});
