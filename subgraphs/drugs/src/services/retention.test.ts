import { isRetained, partitionByRetention, retentionCutoff } from './retention';

describe('retentionCutoff (5 years, docs/domain.md "Drug information (薬剤情報) and medical expenses")', () => {
  it.each([
    ['2025-06-10T12:00:00+09:00', '2020-06-10'],
    // 00:30 JST on 1 Jan is still 31 Dec in UTC: the Japanese date counts.
    ['2024-12-31T15:30:00Z', '2020-01-01'],
    ['2024-02-29T09:00:00+09:00', '2019-02-28'],
    ['2025-03-01T09:00:00+09:00', '2020-03-01'],
  ])('as of %s the first kept date is %s', (asOf, cutoff) => {
    expect(retentionCutoff(new Date(asOf))).toBe(cutoff);
  });

  it('keeps the cutoff day and excludes the day before', () => {
    const asOf = new Date('2025-06-10T12:00:00+09:00');
    expect(isRetained('2020-06-10', asOf)).toBe(true);
    expect(isRetained('2020-06-09', asOf)).toBe(false);
    expect(isRetained('2025-06-10', asOf)).toBe(true);
  });

  it('partitions records to keep and to purge, in order', () => {
    const records = [{ date: '2019-01-01' }, { date: '2021-01-01' }, { date: '2020-06-09' }, { date: '2020-06-10' }];
    const { kept, purged } = partitionByRetention(records, (record) => record.date, new Date('2025-06-10T00:00:00+09:00'));
    expect(kept).toEqual([{ date: '2021-01-01' }, { date: '2020-06-10' }]);
    expect(purged).toEqual([{ date: '2019-01-01' }, { date: '2020-06-09' }]);
  });
});
